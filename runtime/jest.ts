/**
 * Jest matchers for session results and global state. Importing this module registers them with
 * `expect.extend` and declares their types on `jest.Matchers`:
 *
 *   import '../../runtime/jest';
 *   expect(env.runSession({ wasm: 'transfer-to-account', args })).toRevertWith('Mint(InsufficientFunds)');
 *
 * Failure messages are plain text (no colours) and name what happened instead: the engine error
 * kind, and for a revert the ApiError's name, code and the node's message.
 */

import { type ExecutionResult, TestEnv } from './env';
import type { ExecutionError, ExecutionErrorKind } from './engine/errors';
import {
  API_ERROR_BASE,
  apiError,
  ApiErrorCode,
  AuctionErrorCode,
  ContractHeaderErrorCode,
  MintErrorCode,
} from './types/api-error';
import { bytesToHex } from './types/bytes';
import { accountHashToFormattedString, type Key, keyEquals, keyToFormattedString } from './types/key';
import { type URef, urefToFormattedString } from './types/uref';

/** An ApiError as `toRevertWith` accepts it: its u32 code, or its name as ApiErrorInfo names it. */
export type ApiErrorExpectation = number | string;

/** Where `toHaveNamedKey` looks: an account's named keys (default: the default account), or a map. */
export type NamedKeysTarget = { readonly env: TestEnv; readonly account?: Uint8Array } | ReadonlyMap<string, Key>;

/** Whose balance `toHaveBalance` checks: a purse (URef or its address), or an account's main purse. */
export type BalanceTarget =
  | { readonly env: TestEnv; readonly purse: URef | Uint8Array }
  | { readonly env: TestEnv; readonly account?: Uint8Array };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> {
      /** The session succeeded (its effects were committed). Receiver: an ExecutionResult. */
      toSucceed(): R;
      /**
       * The session reverted with this ApiError: a code (`65024`, `ApiErrorCode.MissingArgument`)
       * or a name (`'MissingArgument'`, `'User(7)'`, `'Mint(InsufficientFunds)'`,
       * `'AuctionError(BondTooSmall)'`, `'HandlePayment(3)'`). Receiver: an ExecutionResult.
       */
      toRevertWith(expected: ApiErrorExpectation): R;
      /**
       * The session failed with this engine error kind (`'ForgedReference'`, `'GasLimit'`,
       * `'Interpreter'`, …), and when `message` is given, a message containing it (string) or
       * matching it (RegExp). Receiver: an ExecutionResult.
       */
      toFailWith(kind: ExecutionErrorKind, message?: string | RegExp): R;
      /** The named key exists (and when `key` is given, is that key). Receiver: a NamedKeysTarget. */
      toHaveNamedKey(name: string, key?: Key): R;
      /** The purse holds exactly `motes`. Receiver: a BalanceTarget. */
      toHaveBalance(motes: bigint): R;
    }
  }
}

type Result = jest.CustomMatcherResult;

function hint(ctx: jest.MatcherContext, received: string, matcher: string, args: string): string {
  return `expect(${received})${ctx.isNot ? '.not' : ''}.${matcher}(${args})\n\n`;
}

function asResult(matcher: string, received: unknown): ExecutionResult {
  if (typeof received === 'object' && received !== null && typeof (received as any).success === 'boolean')
    return received as ExecutionResult;
  throw new Error(`${matcher}: expected the result of env.runSession(), got ${show(received)}`);
}

function show(v: unknown): string {
  if (v instanceof Uint8Array) return `Uint8Array(${bytesToHex(v)})`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object' || v === null) return String(v);
  return v.constructor?.name ?? 'object';
}

/** `Revert, ApiError User(7) [65543]: User error: 7` or `GasLimit: Out of gas error`. */
function describeError(e: ExecutionError | undefined): string {
  if (!e) return 'no error recorded';
  if (e.kind === 'Revert' && e.apiError) return `Revert, ${describeApiError(e.apiError.code)}: ${e.message}`;
  return `${e.kind}: ${e.message}`;
}

function describeApiError(code: number): string {
  return `ApiError ${apiError(code).name} [${code}]`;
}

/** What happened instead, after "but it …". */
function outcome(r: ExecutionResult): string {
  return r.success ? 'succeeded' : `failed with ${describeError(r.error)}`;
}

const COMPOSITE: Readonly<Record<string, { base: number; size: number; names?: Readonly<Record<string, number>> }>> = {
  User: { base: API_ERROR_BASE.User, size: 0x10000 },
  HandlePayment: { base: API_ERROR_BASE.HandlePayment, size: 256 },
  Mint: { base: API_ERROR_BASE.Mint, size: 256, names: MintErrorCode },
  ContractHeader: { base: API_ERROR_BASE.ContractHeader, size: 256, names: ContractHeaderErrorCode },
  AuctionError: { base: API_ERROR_BASE.Auction, size: 256, names: AuctionErrorCode },
};

/** The u32 of an ApiError given by code or name; throws (a usage error, not a failed match) if it is none. */
function expectedCode(expected: unknown): number {
  let code: number | undefined;
  if (typeof expected === 'number') {
    if (!Number.isInteger(expected) || expected < 0 || expected > 0xffffffff)
      throw new Error(`toRevertWith: ${expected} is not a u32 ApiError code`);
    code = expected;
  } else if (typeof expected === 'string') {
    const m = /^(\w+)\((\w+)\)$/.exec(expected);
    if (Object.hasOwn(ApiErrorCode, expected)) code = ApiErrorCode[expected as keyof typeof ApiErrorCode];
    else if (m && Object.hasOwn(COMPOSITE, m[1])) {
      const family = COMPOSITE[m[1]];
      const n = /^\d+$/.test(m[2]) ? Number(m[2]) : undefined;
      if (n !== undefined && n < family.size) code = family.base + n;
      else if (family.names && Object.hasOwn(family.names, m[2])) code = family.names[m[2]];
    }
    if (code === undefined)
      throw new Error(
        `toRevertWith: ${JSON.stringify(expected)} is not an ApiError name (e.g. 'MissingArgument', 'User(7)', 'Mint(InsufficientFunds)', 'AuctionError(BondTooSmall)', or pass the code)`,
      );
  } else throw new Error(`toRevertWith: expected an ApiError code or name, got ${show(expected)}`);
  const info = apiError(code);
  if (info.code !== code)
    throw new Error(
      `toRevertWith: ${code} is not an ApiError the node reports: casper_revert(${code}) is reported as ApiError ${info.name} [${info.code}]`,
    );
  return code;
}

function toSucceed(this: jest.MatcherContext, received: unknown): Result {
  const r = asResult('toSucceed', received);
  const head = hint(this, 'result', 'toSucceed', '');
  return {
    pass: r.success,
    message: () =>
      r.success
        ? `${head}Expected the session to fail, but it succeeded (gas used ${r.gasUsed})`
        : `${head}Expected the session to succeed, but it ${outcome(r)}`,
  };
}

function toRevertWith(this: jest.MatcherContext, received: unknown, expected: ApiErrorExpectation): Result {
  const code = expectedCode(expected);
  const r = asResult('toRevertWith', received);
  const head = hint(this, 'result', 'toRevertWith', show(expected));
  const want = describeApiError(code);
  const reverted = !r.success && r.error?.kind === 'Revert';
  const pass = reverted && r.error?.apiError?.code === code;
  const instead = reverted ? `reverted with ${describeError(r.error).slice('Revert, '.length)}` : outcome(r);
  return {
    pass,
    message: () =>
      pass
        ? `${head}Expected the session not to revert with ${want}, but it did`
        : `${head}Expected the session to revert with ${want}, but it ${instead}`,
  };
}

function toFailWith(
  this: jest.MatcherContext,
  received: unknown,
  kind: ExecutionErrorKind,
  message?: string | RegExp,
): Result {
  if (typeof kind !== 'string') throw new Error(`toFailWith: expected an engine error kind, got ${show(kind)}`);
  const r = asResult('toFailWith', received);
  const head = hint(this, 'result', 'toFailWith', message === undefined ? show(kind) : `${show(kind)}, ${message}`);
  const e = r.success ? undefined : r.error;
  const messageOk =
    message === undefined ||
    (e !== undefined && (typeof message === 'string' ? e.message.includes(message) : message.test(e.message)));
  const pass = e?.kind === kind && messageOk;
  const want =
    message === undefined
      ? kind
      : `${kind} with a message ${typeof message === 'string' ? 'containing ' + JSON.stringify(message) : 'matching ' + message}`;
  return {
    pass,
    message: () =>
      pass
        ? `${head}Expected the session not to fail with ${want}, but it failed with ${describeError(e)}`
        : `${head}Expected the session to fail with ${want}, but it ${outcome(r)}`,
  };
}

function toHaveNamedKey(this: jest.MatcherContext, received: unknown, name: string, key?: Key): Result {
  if (typeof name !== 'string') throw new Error(`toHaveNamedKey: expected a name, got ${show(name)}`);
  let keys: ReadonlyMap<string, Key> | undefined;
  let owner: string;
  if (received instanceof Map) {
    keys = received as ReadonlyMap<string, Key>;
    owner = 'the named keys';
  } else if (typeof received === 'object' && received !== null && (received as any).env instanceof TestEnv) {
    const { env, account } = received as { env: TestEnv; account?: Uint8Array };
    const hash = account ?? env.defaultAccountHash;
    owner = `account ${accountHashToFormattedString(hash)}`;
    keys = env.account(hash)?.namedKeys;
  } else throw new Error(`toHaveNamedKey: expected { env, account? } or a named-keys Map, got ${show(received)}`);
  const args = key === undefined ? JSON.stringify(name) : `${JSON.stringify(name)}, ${keyToFormattedString(key)}`;
  const head = hint(this, owner.startsWith('account') ? '{ env, account }' : 'namedKeys', 'toHaveNamedKey', args);
  const found = keys?.get(name);
  const pass = found !== undefined && (key === undefined || keyEquals(found, key));
  const want = key === undefined ? `named key ${JSON.stringify(name)}` : `named key ${args}`;
  const instead = (): string => {
    if (!keys) return 'there is no such account';
    if (found) return `${JSON.stringify(name)} is ${keyToFormattedString(found)}`;
    return keys.size === 0
      ? 'it has no named keys'
      : `its named keys are [${[...keys.keys()].map((n) => JSON.stringify(n)).join(', ')}]`;
  };
  return {
    pass,
    message: () =>
      pass
        ? `${head}Expected ${owner} not to have ${want}, but it does`
        : `${head}Expected ${owner} to have ${want}, but ${instead()}`,
  };
}

function toHaveBalance(this: jest.MatcherContext, received: unknown, motes: bigint): Result {
  if (typeof motes !== 'bigint') throw new Error(`toHaveBalance: expected motes as a bigint, got ${show(motes)}`);
  if (typeof received !== 'object' || received === null || !((received as any).env instanceof TestEnv))
    throw new Error(`toHaveBalance: expected { env, purse } or { env, account? }, got ${show(received)}`);
  const { env } = received as { env: TestEnv };
  let owner: string;
  let balance: bigint | undefined;
  let missing: string;
  if ('purse' in received) {
    const purse = (received as { purse: URef | Uint8Array }).purse;
    const addr = purse instanceof Uint8Array ? purse : purse.addr;
    owner = `purse ${purse instanceof Uint8Array ? bytesToHex(addr) : urefToFormattedString(purse)}`;
    balance = env.balance(addr);
    missing = 'there is no such purse';
  } else {
    const hash = (received as { account?: Uint8Array }).account ?? env.defaultAccountHash;
    owner = `the main purse of ${accountHashToFormattedString(hash)}`;
    balance = env.accountBalance(hash);
    missing = 'there is no such account';
  }
  const head = hint(this, 'purse' in received ? '{ env, purse }' : '{ env, account }', 'toHaveBalance', `${motes}n`);
  const pass = balance === motes;
  const instead = (): string => {
    if (balance === undefined) return missing;
    const d = balance - motes;
    return `it holds ${balance} motes (${d > 0n ? d : -d} ${d > 0n ? 'more' : 'fewer'})`;
  };
  return {
    pass,
    message: () =>
      pass
        ? `${head}Expected ${owner} not to hold ${motes} motes, but it does`
        : `${head}Expected ${owner} to hold ${motes} motes, but ${instead()}`,
  };
}

/** The matchers, for a custom `expect.extend` (importing this module already registers them). */
export const casperMatchers = Object.freeze({ toSucceed, toRevertWith, toFailWith, toHaveNamedKey, toHaveBalance });

expect.extend(casperMatchers);
