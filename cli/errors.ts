/**
 * How the CLI fails: a `CliError` is a problem with what the user gave (or with the node they
 * pointed at), reported as one line `casper-as: <message>` and an exit code, never a stack trace.
 * Anything else thrown is a defect of the CLI and is printed with its stack.
 */

/** Exit codes (also in the README's "Command line" section). */
export const ExitCode = {
  /** The command did what was asked. */
  Ok: 0,
  /** The command ran but its subject failed: the session failed in `run`/`estimate`, a build failed. */
  Failed: 1,
  /** Bad input: flags, session args, key files, deploy files, a Wasm the node would reject, a wrong chain name. */
  BadInput: 2,
  /** The node: unreachable, an HTTP error, or a JSON-RPC error response. */
  Node: 3,
} as const;

/** A problem the user can fix; `message` is one line (the bin prefixes `casper-as: `). */
export class CliError extends Error {
  constructor(
    message: string,
    /** Process exit code. */
    readonly exitCode: number = ExitCode.BadInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A bad-input error (exit code 2). */
export function badInput(message: string): CliError {
  return new CliError(message, ExitCode.BadInput);
}
