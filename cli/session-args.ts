/**
 * Session arguments in casper-client's grammar (`lib/cli/simple_args.rs`): `--session-arg
 * "NAME:TYPE='VALUE'"` (or `"NAME:TYPE=null"` for an absent `opt_` value), one per flag, and
 * `--session-args-json` for complex types (`json-args.ts`). The result is casper-js-sdk 5 `Args`,
 * in the order given.
 *
 * Each value is built with casper-types' bytes (runtime/types) and then handed to casper-js-sdk;
 * a value casper-js-sdk would serialize differently (a U512 ≥ 2^256, which it cannot write) is
 * refused with a message saying so, rather than signed into a deploy with wrong bytes.
 *
 * Errors are bad input (exit code 2) and point at the offending character (1-based).
 */

import { Args, type CLValue as SdkCLValue, CLTypeParser, CLValueParser } from 'casper-js-sdk';
import { bytesEqual } from '../runtime/types/bytes';
import { byteArrayType, type CLType, encodeCLType } from '../runtime/types/cltype';
import { CLValue } from '../runtime/types/clvalue';
import { badInput, CliError } from './errors';
import { FormatError, parseAccountHash, parseKey, parsePublicKeyHex, parseURef } from './formatted';
import { clTypeDebug, parseJsonArgs } from './json-args';
import { applySdkFixes } from './sdk-fixes';

/** A parsed `--session-arg`. */
export interface SessionArg {
  readonly name: string;
  /** The casper-js-sdk value (what goes into the deploy). */
  readonly value: SdkCLValue;
}

/** casper-client's supported simple types, in its order (for messages). */
export const SIMPLE_TYPES = [
  'bool',
  'i32',
  'i64',
  'u8',
  'u32',
  'u64',
  'u128',
  'u256',
  'u512',
  'unit',
  'string',
  'key',
  'account_hash',
  'uref',
  'public_key',
  'byte_list',
  'byte_array_<NUM>',
];

const INTS: Readonly<
  Record<string, { min: bigint; max: bigint; sign: boolean; big: boolean; make: (v: bigint) => CLValue }>
> = {
  i32: { min: -(1n << 31n), max: (1n << 31n) - 1n, sign: true, big: false, make: (v) => CLValue.i32(Number(v)) },
  i64: { min: -(1n << 63n), max: (1n << 63n) - 1n, sign: true, big: false, make: (v) => CLValue.i64(v) },
  u8: { min: 0n, max: 255n, sign: false, big: false, make: (v) => CLValue.u8(Number(v)) },
  u32: { min: 0n, max: 0xffff_ffffn, sign: false, big: false, make: (v) => CLValue.u32(Number(v)) },
  u64: { min: 0n, max: (1n << 64n) - 1n, sign: false, big: false, make: (v) => CLValue.u64(v) },
  u128: { min: 0n, max: (1n << 128n) - 1n, sign: false, big: true, make: (v) => CLValue.u128(v) },
  u256: { min: 0n, max: (1n << 256n) - 1n, sign: false, big: true, make: (v) => CLValue.u256(v) },
  u512: { min: 0n, max: (1n << 512n) - 1n, sign: false, big: true, make: (v) => CLValue.u512(v) },
};

const SIMPLE_CL_TYPES: Readonly<Record<string, CLType>> = {
  bool: { tag: 0 },
  i32: { tag: 1 },
  i64: { tag: 2 },
  u8: { tag: 3 },
  u32: { tag: 4 },
  u64: { tag: 5 },
  u128: { tag: 6 },
  u256: { tag: 7 },
  u512: { tag: 8 },
  unit: { tag: 9 },
  string: { tag: 10 },
  key: { tag: 11 },
  account_hash: byteArrayType(32),
  uref: { tag: 12 },
  public_key: { tag: 22 },
  byte_list: { tag: 14, inner: { tag: 3 } },
};

/** A problem at a character of the arg (0-based index; reported 1-based). */
class ArgError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function fail(arg: string, flag: string, message: string, at: number): CliError {
  const i = Math.max(0, Math.min(at, arg.length));
  const ch = i < arg.length ? ` '${arg[i]}'` : ' (end)';
  return badInput(`${flag} "${arg}": ${message} (at character ${i + 1}${ch})`);
}

/** Rust's `str::trim_matches('\'')` with how many characters it took from the front. */
function trimQuotes(v: string): { text: string; lead: number } {
  let a = 0;
  let b = v.length;
  while (a < b && v[a] === "'") a++;
  while (b > a && v[b - 1] === "'") b--;
  return { text: v.slice(a, b), lead: a };
}

/** Parses one value of a simple type; `at` is the value's index in the whole arg. */
function simpleValue(type: string, value: string, at: number): CLValue {
  if (type === 'bool') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 't') return CLValue.bool(true);
    if (lower === 'false' || lower === 'f') return CLValue.bool(false);
    throw new ArgError(`can't parse '${value}' as a bool (should be 'true' or 'false')`, at);
  }
  const int = INTS[type];
  if (int) {
    if (value === '') throw new ArgError(`can't parse '' as ${type}: empty value`, at);
    const re = int.big ? /^[0-9]+$/ : int.sign ? /^[+-]?[0-9]+$/ : /^\+?[0-9]+$/;
    if (!re.test(value) || value === '+' || value === '-') {
      const signOk = (c: string, k: number) => k === 0 && !int.big && (c === '+' || (int.sign && c === '-'));
      const bad = value.split('').findIndex((c, k) => !/[0-9]/.test(c) && !signOk(c, k));
      const k = bad < 0 ? 0 : bad;
      throw new ArgError(`can't parse '${value}' as ${type}: invalid digit '${value[k]}'`, at + k);
    }
    const v = BigInt(value.replace(/^\+/, ''));
    if (v < int.min || v > int.max) {
      throw new ArgError(`can't parse '${value}' as ${type}: out of range (${int.min} to ${int.max})`, at);
    }
    return int.make(v);
  }
  const wrap = <T>(what: string, parse: (s: string) => T): T => {
    try {
      return parse(value);
    } catch (e) {
      if (e instanceof FormatError) throw new ArgError(`can't parse '${value}' as ${what}: ${e.message}`, at + e.at);
      throw e;
    }
  };
  switch (type) {
    case 'unit':
      if (value !== '') throw new ArgError(`can't parse '${value}' as unit (should be '')`, at);
      return CLValue.unit();
    case 'string':
      return CLValue.string(value);
    case 'key':
      return CLValue.key(wrap('Key', parseKey));
    case 'account_hash':
      return CLValue.byteArray32(wrap('AccountHash', parseAccountHash));
    case 'uref':
      return CLValue.uref(wrap('URef', parseURef));
    case 'public_key':
      return CLValue.publicKey(wrap('PublicKey', parsePublicKeyHex));
    case 'byte_list':
      return CLValue.bytesList(base16(value, at, 'a byte_list'));
  }
  throw new Error(`unreachable: ${type}`);
}

/** `base16::decode` (either case, no checksum), as casper-client decodes byte lists and arrays. */
function base16(value: string, at: number, what: string): Uint8Array {
  const bad = value.search(/[^0-9a-fA-F]/);
  if (bad >= 0)
    throw new ArgError(`can't parse '${value}' as ${what}: invalid hex character '${value[bad]}'`, at + bad);
  if (value.length % 2)
    throw new ArgError(`can't parse '${value}' as ${what}: odd number of hex digits`, at + value.length);
  return Uint8Array.from(Buffer.from(value, 'hex'));
}

/** Parses `NAME:TYPE='VALUE'` into a runtime/types CLValue (casper-types bytes). */
function parseToCLValue(arg: string): { name: string; value: CLValue } {
  // split_arg: `arg.splitn(3, &[':', '='])`.
  const first = arg.search(/[:=]/);
  if (first < 0)
    throw new ArgError(
      `should be formatted as "NAME:TYPE='VALUE'" or "NAME:TYPE=null"; no ':' after the name`,
      arg.length,
    );
  const secondRel = arg.slice(first + 1).search(/[:=]/);
  if (secondRel < 0)
    throw new ArgError(
      `should be formatted as "NAME:TYPE='VALUE'" or "NAME:TYPE=null"; no '=' after the type`,
      arg.length,
    );
  const second = first + 1 + secondRel;
  const name = arg.slice(0, first);
  const rawType = arg.slice(first + 1, second);
  const value = arg.slice(second + 1);
  const valueAt = second + 1;
  const typeAt = first + 1;

  // get_simple_type_and_optional_status
  const lowerType = rawType.toLowerCase();
  const optional = lowerType.startsWith('opt_');
  const simpleType = optional ? lowerType.slice(4) : lowerType;
  const isNone = optional && value.toLowerCase() === 'null';
  const { text, lead } = isNone ? { text: '', lead: 0 } : trimQuotes(value);
  if (value === text) {
    throw new ArgError(
      `value should be surrounded by single quotes ('VALUE')${optional ? ' or be null' : ' unless it is null for an opt_ type'}`,
      valueAt,
    );
  }

  // parts_to_cl_value
  const at = valueAt + lead;
  let clType: CLType;
  let arrayLen: number | undefined;
  if (simpleType.startsWith('byte_array_')) {
    const lenText = simpleType.slice('byte_array_'.length);
    if (!/^\+?[0-9]+$/.test(lenText) || BigInt(lenText.replace(/^\+/, '')) > 0xffff_ffffn) {
      throw new ArgError(
        `can't parse '${lenText}' of '${simpleType}' as an integer`,
        typeAt + (optional ? 4 : 0) + 'byte_array_'.length,
      );
    }
    arrayLen = Number(lenText.replace(/^\+/, ''));
    clType = byteArrayType(arrayLen);
  } else if (SIMPLE_CL_TYPES[simpleType]) {
    clType = SIMPLE_CL_TYPES[simpleType];
  } else {
    throw new ArgError(
      `unknown type '${optional ? 'opt_' : ''}${simpleType}' (expected one of ${SIMPLE_TYPES.join(', ')}, each also as opt_<TYPE>)`,
      typeAt,
    );
  }
  if (isNone) return { name, value: CLValue.option(null, clType) };
  let inner: CLValue;
  if (arrayLen !== undefined) {
    const bytes = base16(text, at, 'a byte_array');
    if (bytes.length !== arrayLen) {
      throw new ArgError(`provided ${bytes.length} bytes but specified a byte_array of ${arrayLen} bytes`, at);
    }
    inner = CLValue.byteArray(bytes);
  } else {
    inner = simpleValue(simpleType, text, at);
  }
  return { name, value: optional ? CLValue.option(inner, clType) : inner };
}

/**
 * The casper-js-sdk value carrying exactly `value`'s casper-types bytes, or a message naming why
 * casper-js-sdk cannot (it throws, or re-serializes the type or the bytes differently).
 */
export function toSdkValue(value: CLValue): SdkCLValue | string {
  applySdkFixes();
  const typeBytes = encodeCLType(value.clType);
  let sdk: SdkCLValue;
  let bytes: Uint8Array;
  let sdkTypeBytes: Uint8Array;
  try {
    sdk = CLValueParser.fromBytesByType(value.bytes, CLTypeParser.matchBytesToCLType(typeBytes).result).result;
    bytes = sdk.bytes();
    sdkTypeBytes = sdk.type.toBytes();
  } catch (e) {
    const why = (e as Error).message ?? String(e);
    if (value.clType.tag === 8 && /out-of-bounds/.test(why)) {
      return 'casper-js-sdk 5 cannot serialize a U512 of 2^256 or more (casper-types allows up to 2^512 - 1)';
    }
    return `casper-js-sdk 5 cannot carry this ${clTypeDebug(value.clType)} value (${why})`;
  }
  if (!bytesEqual(sdkTypeBytes, typeBytes) || !bytesEqual(bytes, value.bytes)) {
    return `casper-js-sdk 5 would re-encode this ${clTypeDebug(value.clType)} value with different bytes`;
  }
  return sdk;
}

/** Parses one `--session-arg "NAME:TYPE='VALUE'"` (casper-client's `insert_arg`). */
export function parseSessionArg(s: string, flag = '--session-arg'): SessionArg {
  let parsed: { name: string; value: CLValue };
  try {
    parsed = parseToCLValue(s);
  } catch (e) {
    if (e instanceof ArgError) throw fail(s, flag, e.message, e.at);
    throw e;
  }
  const sdk = toSdkValue(parsed.value);
  if (typeof sdk === 'string') throw badInput(`${flag} "${s}": ${sdk}`);
  return { name: parsed.name, value: sdk };
}

/**
 * The session args of a command line: each `--session-arg` in order, or the `--session-args-json`
 * array (casper-client accepts one style per deploy, so giving both is an error). A name given
 * twice is refused: casper-client would send both (the session reads the first), casper-js-sdk
 * `Args` would keep one.
 */
export function parseSessionArgs(list: readonly string[], json?: string): Args {
  if (list.length > 0 && json !== undefined) {
    throw badInput("the argument '--session-arg' cannot be used with '--session-args-json'");
  }
  const pairs: Array<[string, SdkCLValue, string]> = [];
  if (json !== undefined) {
    for (const a of parseJsonArgs(json)) {
      const sdk = toSdkValue(a.value);
      if (typeof sdk === 'string') throw badInput(`--session-args-json: arg ${a.name}: ${sdk}`);
      pairs.push([a.name, sdk, `--session-args-json arg ${a.name}`]);
    }
  } else {
    for (const s of list) {
      const a = parseSessionArg(s);
      pairs.push([a.name, a.value, `--session-arg "${s}"`]);
    }
  }
  const map = new Map<string, SdkCLValue>();
  for (const [name, value, where] of pairs) {
    if (map.has(name)) throw badInput(`${where}: the arg name '${name}' is given twice`);
    map.set(name, value);
  }
  return new Args(map);
}
