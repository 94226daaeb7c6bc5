/**
 * The `casper-as` command line: one tool from a new session to a deploy on a node, speaking
 * casper-client's language (flag names, short forms, defaults, session-arg grammar, deploy JSON).
 *
 *   new <name>              scaffold sessions/<name>.ts and its test
 *   build [names…]          build sessions (release + debug) and print the size table
 *   run <wasm|name>         execute in a fresh emulator: result, gas, cost, effects
 *   estimate <wasm|name>    the payment amount to pass
 *   make-deploy / sign-deploy / send-deploy / put-deploy    as casper-client
 *   keygen [dir]            key files in casper-client's layout
 *   devnet …                a local node (cli/commands/devnet.ts)
 *
 * `main` throws `CliError` for bad input; `runCli` turns it into `casper-as: <message>` on
 * stderr and the exit code, which is what bin/casper-as.cjs calls.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandSpec, helpText } from './argv';
import { badInput, CliError, ExitCode } from './errors';
import { type Io, processIo } from './io';

interface Command {
  readonly summary: string;
  readonly spec?: CommandSpec;
  readonly run: (argv: readonly string[], io: Io) => Promise<number>;
}

/** Commands load their modules (casper-js-sdk, the emulator) only when called. */
const COMMANDS: Readonly<Record<string, () => Command>> = {
  new: () => {
    const m = require('./commands/new') as typeof import('./commands/new');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.newCommand };
  },
  build: () => {
    const m = require('./commands/build') as typeof import('./commands/build');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.buildCommand };
  },
  run: () => {
    const m = require('./commands/run') as typeof import('./commands/run');
    return { summary: m.RUN_SUMMARY, spec: m.RUN_SPEC, run: m.runCommand };
  },
  estimate: () => {
    const m = require('./commands/run') as typeof import('./commands/run');
    return { summary: m.ESTIMATE_SUMMARY, spec: m.ESTIMATE_SPEC, run: m.estimateCommand };
  },
  'make-deploy': () => {
    const m = require('./commands/make-deploy') as typeof import('./commands/make-deploy');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.makeDeployCommand };
  },
  'sign-deploy': () => {
    const m = require('./commands/sign-deploy') as typeof import('./commands/sign-deploy');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.signDeployCommand };
  },
  'send-deploy': () => {
    const m = require('./commands/send-deploy') as typeof import('./commands/send-deploy');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.sendDeployCommand };
  },
  'put-deploy': () => {
    const m = require('./commands/put-deploy') as typeof import('./commands/put-deploy');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.putDeployCommand };
  },
  keygen: () => {
    const m = require('./commands/keygen') as typeof import('./commands/keygen');
    return { summary: m.SUMMARY, spec: m.SPEC, run: m.keygenCommand };
  },
  devnet: () => ({ summary: 'Run a local Casper 1.5.6 node (JSON-RPC) on the emulator', run: devnet }),
};

const SUMMARIES: Readonly<Record<string, string>> = {
  new: 'Scaffold sessions/<name>.ts and test/sessions/<name>.test.ts',
  build: 'Build sessions (release + debug) and print the size table',
  run: 'Execute session Wasm in a fresh emulator: result, gas, cost, effects',
  estimate: 'Print the payment amount a session needs',
  'make-deploy': 'Create a deploy and write it to a file or stdout',
  'sign-deploy': 'Sign a deploy file',
  'send-deploy': 'Send a deploy file to a node',
  'put-deploy': 'Create, sign and send a deploy',
  keygen: 'Generate account key files',
  devnet: 'Run a local node on the emulator',
};

/** The devnet is another module (cli/commands/devnet.ts); it is loaded only when asked for. */
async function devnet(argv: readonly string[]): Promise<number> {
  let m: { devnetCommand(argv: string[]): Promise<number> };
  try {
    m = require('./commands/devnet');
  } catch (e) {
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND' && /commands[/\\]devnet/.test((e as Error).message)) {
      throw new CliError(
        'the devnet command is not available in this build (cli/commands/devnet.ts is missing)',
        ExitCode.BadInput,
      );
    }
    throw e;
  }
  return m.devnetCommand([...argv]);
}

function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Overall help. */
export function usage(): string {
  const width = Math.max(...Object.keys(SUMMARIES).map((k) => k.length));
  return [
    'casper-as: AssemblyScript sessions for Casper, from scaffold to deploy',
    '',
    'Usage: casper-as <COMMAND> [OPTIONS]',
    '',
    'Commands:',
    ...Object.entries(SUMMARIES).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '',
    "Run 'casper-as <COMMAND> --help' for a command's options.",
    '',
  ].join('\n');
}

/** Runs one command line; bad input is thrown as CliError. Returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage());
    return ExitCode.BadInput;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return ExitCode.Ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`casper-as ${version()}\n`);
    return ExitCode.Ok;
  }
  const factory = COMMANDS[name];
  if (!factory) throw badInput(`unrecognized subcommand '${name}' (see 'casper-as --help')`);
  const command = factory();
  if (command.spec && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(helpText(name, command.summary, command.spec));
    return ExitCode.Ok;
  }
  return command.run(rest, io);
}

/** `main`, with bad input reported as `casper-as: <message>` and its exit code (what the bin runs). */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`casper-as: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
