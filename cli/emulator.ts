/**
 * `run` and `estimate` against the emulator: a fresh TestEnv (genesis done, the default account
 * funded, or the `--session-account` account funded as well; or a copy of a devnet's state), the
 * session as a whole deploy (standard payment, session, finalization) through `env.runDeploy` /
 * `env.estimate`, and the result as readable text: success or the exact error, gas, cost and the
 * effects.
 */

import type { Args } from 'casper-js-sdk';
import { DEFAULT_ACCOUNT_INITIAL_BALANCE, fromSdkArgs, TestEnv } from '../runtime';
import type { DeployRequest, DeployResult } from '../runtime/env';
import type { ExecutionError } from '../runtime/engine/errors';
import type { GlobalState } from '../runtime/state/global-state';
import type { Transform } from '../runtime/state/tracking-copy';
import { bytesToHex } from '../runtime/types/bytes';
import { keyToFormattedString } from '../runtime/types/key';
import { publicKeyAccountHash, type PublicKey } from '../runtime/types/public-key';
import { STORED_VALUE_VARIANT_NAMES, type StoredValue } from '../runtime/types/stored-value';
import { tryParsedJson } from './cl-json';
import { compactJson } from './json-out';
import { type FailureLocation, locateFailure } from './debug-trace';
import { clTypeDebug } from './json-args';
import type { SessionWasm } from './wasm';

/** What the commands ask the emulator. */
export interface EmulatorRequest {
  readonly wasm: SessionWasm;
  readonly args: Args;
  /** Standard payment in motes (default: the emulator's, large enough not to limit the session). */
  readonly paymentAmount?: bigint;
  readonly gasPrice: number;
  /** The deploy's account; default: the emulator's default account. */
  readonly account?: PublicKey;
  /** Start from this state (a devnet's, `--state`) instead of a fresh genesis; each run gets a copy. */
  readonly state?: GlobalState;
}

/** What a run produced: the deploy's outcome (runtime/engine/deploy.ts `DeployOutcome`). */
export type RunOutcome = DeployResult;

/**
 * A fresh emulator for `req`: a copy of `req.state` (nothing is written back), or a new genesis
 * with the request's account funded like the default one.
 */
export function makeEnv(req: EmulatorRequest): TestEnv {
  if (req.state) return new TestEnv({ state: req.state.clone(), log: () => {} });
  return new TestEnv({
    accounts: req.account ? [{ publicKey: req.account, balance: DEFAULT_ACCOUNT_INITIAL_BALANCE }] : [],
    log: () => {},
  });
}

function callerOf(req: EmulatorRequest): Uint8Array | undefined {
  return req.account ? publicKeyAccountHash(req.account) : undefined;
}

function deployRequest(req: EmulatorRequest): DeployRequest {
  return {
    session: { wasm: req.wasm.bytes, args: req.args },
    payment: req.paymentAmount === undefined ? undefined : { amount: req.paymentAmount },
    gasPrice: req.gasPrice,
    caller: callerOf(req),
  };
}

/** Runs the request once in `env` and commits what the node would. */
export function runRequest(env: TestEnv, req: EmulatorRequest): RunOutcome {
  return env.runDeploy(deployRequest(req));
}

/** The payment to send (cost plus `margin`, a fraction; at least the node's minimum) and the trial run. */
export function estimateRequest(
  env: TestEnv,
  req: EmulatorRequest,
  margin: number,
): { paymentAmount: bigint; result: RunOutcome } {
  const e = env.estimate(deployRequest(req), { margin });
  return { paymentAmount: e.paymentAmount, result: e.result };
}

/** Where a failed run failed in the AssemblyScript source (needs the debug build). */
export function failureLocation(req: EmulatorRequest, outcome: RunOutcome): FailureLocation | null {
  if (outcome.success || !outcome.error || outcome.precondition || !req.wasm.debug) return null;
  try {
    return locateFailure(
      makeEnv(req),
      req.wasm.debug,
      { args: fromSdkArgs(req.args), caller: callerOf(req) },
      outcome.error,
    );
  } catch {
    return null; // locating is best effort: the run's own result is what counts
  }
}

/** 1,234,567 */
export function grouped(n: number | bigint): string {
  return BigInt(n).toLocaleString('en-US');
}

function short(s: string, max = 72): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** One-line description of a stored value for the effects table. */
export function describeValue(v: StoredValue | undefined): string {
  if (!v) return '';
  switch (v.tag) {
    case 0: {
      const t = v.clValue.clType;
      if (t.tag === 9) return 'Unit';
      const parsed = tryParsedJson(t, v.clValue.bytes);
      return short(
        `${clTypeDebug(t)} ${parsed === undefined ? `bytes ${bytesToHex(v.clValue.bytes)}` : compactJson(parsed)}`,
      );
    }
    case 1:
      return `Account, ${v.account.namedKeys.size} named key${v.account.namedKeys.size === 1 ? '' : 's'}`;
    case 2:
      return `ContractWasm, ${v.contractWasm.length} bytes`;
    case 3:
      return `Contract, ${v.contract.entryPoints.size} entry point${v.contract.entryPoints.size === 1 ? '' : 's'}`;
    case 4:
      return `ContractPackage, ${v.contractPackage.versions.length} version${v.contractPackage.versions.length === 1 ? '' : 's'}`;
    case 5:
      return `Transfer of ${grouped(v.transfer.amount)} motes`;
    default:
      return STORED_VALUE_VARIANT_NAMES[v.tag];
  }
}

/** The effects table: every write and add (key, transform, value now), then the count of reads. */
export function effectsTable(env: TestEnv, effects: readonly Transform[]): string[] {
  const changes = effects.filter((t) => t.kind !== 'Identity');
  const reads = effects.length - changes.length;
  if (changes.length === 0) return [`effects    none${reads ? ` (${reads} key${reads === 1 ? '' : 's'} read)` : ''}`];
  const rows = changes.map((t) => [keyToFormattedString(t.key), t.kind, describeValue(env.query(t.key))]);
  const head = ['key', 'transform', 'value'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]))).join('  ')}`.trimEnd();
  return [
    `effects    ${changes.length} write${changes.length === 1 ? '' : 's'}/add${changes.length === 1 ? '' : 's'}${reads ? `, ${reads} key${reads === 1 ? '' : 's'} read` : ''}`,
    line(head),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map(line),
  ];
}

/** The error lines: the node's error, the ApiError, and the source line when located. */
export function errorLines(error: ExecutionError, where: FailureLocation | null): string[] {
  const lines = [`error      ${error.kind}: ${error.message}`];
  if (error.apiError) lines.push(`api error  ${error.apiError.name} (code ${error.apiError.code})`);
  if (where) {
    const at = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
    const main = where.session ?? where.innermost;
    const via = main !== where.innermost ? ` (in ${at(where.innermost)})` : '';
    lines.push(`source     ${at(main)}${via}`);
  }
  return lines;
}

/** The gas and cost lines. */
export function gasLines(o: RunOutcome, gasPrice: number): string[] {
  const parts = o.precondition
    ? ''
    : ` (payment ${grouped(o.paymentGasUsed)}${o.sessionGasUsed === undefined ? '' : `, session ${grouped(o.sessionGasUsed)}`})`;
  return [`gas used   ${grouped(o.gasUsed)}${parts}`, `cost       ${grouped(o.cost)} motes at gas price ${gasPrice}`];
}
