/**
 * `--session-args-json`: casper-client's JSON args (`lib/cli/json_args.rs`, `JsonArg` and
 * `write_json_to_bytesrepr`). The input is a JSON array of `{"name", "type", "value"}` objects;
 * `type` is a CLType in casper-types' JSON form (`"U512"`, `{"Option":"U8"}`, `{"ByteArray":32}`,
 * `{"Map":{"key":"String","value":"U64"}}`, `{"Tuple2":["U8","String"]}`…) and `value` is read
 * for that type exactly as casper-client reads it, writing the same bytes (map entries in the
 * order given, as casper-client writes them). Messages are casper-client's.
 */

import { type CLType, clTypeToJson } from '../runtime/types/cltype';
import { CLValue } from '../runtime/types/clvalue';
import { Writer } from '../runtime/types/bytesrepr';
import { writeKey } from '../runtime/types/key';
import { writePublicKey } from '../runtime/types/public-key';
import { writeURef } from '../runtime/types/uref';
import { badInput, type CliError } from './errors';
import { FormatError, parseKey, parsePublicKeyHex, parseURef } from './formatted';
import { compactJson, type JsonNode, JsonTextError, parseJsonText, position, unexpectedKind } from './json-text';

const FORM =
  'They should be a JSON Array of Objects, each of the form {"name":<String>,"type":<VALUE>,"value":<VALUE>}';

const SIMPLE: Readonly<Record<string, CLType>> = {
  Bool: { tag: 0 },
  I32: { tag: 1 },
  I64: { tag: 2 },
  U8: { tag: 3 },
  U32: { tag: 4 },
  U64: { tag: 5 },
  U128: { tag: 6 },
  U256: { tag: 7 },
  U512: { tag: 8 },
  Unit: { tag: 9 },
  String: { tag: 10 },
  Key: { tag: 11 },
  URef: { tag: 12 },
  PublicKey: { tag: 22 },
  Any: { tag: 21 },
};
const VARIANTS = [
  'Bool',
  'I32',
  'I64',
  'U8',
  'U32',
  'U64',
  'U128',
  'U256',
  'U512',
  'Unit',
  'String',
  'Key',
  'URef',
  'PublicKey',
  'Option',
  'List',
  'ByteArray',
  'Result',
  'Map',
  'Tuple1',
  'Tuple2',
  'Tuple3',
  'Any',
];

/** A schema error inside the JSON text (serde's wording, with the position). */
class SchemaError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Rust's `Debug` of a CLType, as casper-client prints it in messages. */
export function clTypeDebug(t: CLType): string {
  switch (t.tag) {
    case 13:
      return `Option(${clTypeDebug(t.inner)})`;
    case 14:
      return `List(${clTypeDebug(t.inner)})`;
    case 15:
      return `ByteArray(${t.size})`;
    case 16:
      return `Result { ok: ${clTypeDebug(t.ok)}, err: ${clTypeDebug(t.err)} }`;
    case 17:
      return `Map { key: ${clTypeDebug(t.key)}, value: ${clTypeDebug(t.value)} }`;
    case 18:
    case 19:
    case 20:
      return `Tuple${t.items.length}([${t.items.map(clTypeDebug).join(', ')}])`;
    default:
      return Object.entries(SIMPLE).find(([, s]) => s.tag === t.tag)![0];
  }
}

/** casper-types' JSON form of a CLType (as casper-js-sdk reads it too). */
export function clTypeJson(t: CLType): unknown {
  return clTypeToJson(t);
}

/** Reads a CLType from its JSON form (serde's derive: unit variants as strings, others as one-key objects). */
function readCLType(n: JsonNode, depth = 0): CLType {
  const variantError = (name: string, at: number) =>
    new SchemaError(`unknown variant \`${name}\`, expected one of ${VARIANTS.map((v) => `\`${v}\``).join(', ')}`, at);
  if (n.kind === 'string') {
    if (SIMPLE[n.value]) return SIMPLE[n.value];
    if (VARIANTS.includes(n.value))
      throw new SchemaError(
        `invalid type: unit variant, expected ${n.value === 'ByteArray' ? 'u32' : 'a CLType'}`,
        n.at,
      );
    throw variantError(n.value, n.at);
  }
  if (n.kind !== 'object' || n.entries.length !== 1) {
    throw new SchemaError(`invalid type: ${unexpectedKind(n)}, expected a CLType`, n.at);
  }
  const [name, inner] = n.entries[0];
  if (depth > 50) throw new SchemaError('CLType nested too deeply', n.at);
  const sub = (x: JsonNode) => readCLType(x, depth + 1);
  const field = (obj: JsonNode, f: string): JsonNode => {
    if (obj.kind !== 'object')
      throw new SchemaError(`invalid type: ${unexpectedKind(obj)}, expected struct variant`, obj.at);
    const v = obj.entries.find(([k]) => k === f);
    if (!v) throw new SchemaError(`missing field \`${f}\``, obj.end);
    return v[1];
  };
  const tuple = (x: JsonNode, len: number): JsonNode[] => {
    if (x.kind !== 'array')
      throw new SchemaError(`invalid type: ${unexpectedKind(x)}, expected an array of length ${len}`, x.at);
    if (x.items.length !== len)
      throw new SchemaError(`invalid length ${x.items.length}, expected an array of length ${len}`, x.at);
    return [...x.items];
  };
  switch (name) {
    case 'Option':
      return { tag: 13, inner: sub(inner) };
    case 'List':
      return { tag: 14, inner: sub(inner) };
    case 'ByteArray':
      if (inner.kind !== 'number' || !/^[0-9]+$/.test(inner.raw) || BigInt(inner.raw) > 0xffff_ffffn) {
        throw new SchemaError(`invalid type: ${unexpectedKind(inner)}, expected u32`, inner.at);
      }
      return { tag: 15, size: Number(inner.raw) };
    case 'Result':
      return { tag: 16, ok: sub(field(inner, 'ok')), err: sub(field(inner, 'err')) };
    case 'Map':
      return { tag: 17, key: sub(field(inner, 'key')), value: sub(field(inner, 'value')) };
    case 'Tuple1': {
      const [a] = tuple(inner, 1);
      return { tag: 18, items: [sub(a)] };
    }
    case 'Tuple2': {
      const [a, b] = tuple(inner, 2);
      return { tag: 19, items: [sub(a), sub(b)] };
    }
    case 'Tuple3': {
      const [a, b, c] = tuple(inner, 3);
      return { tag: 20, items: [sub(a), sub(b), sub(c)] };
    }
    default:
      if (SIMPLE[name]) throw new SchemaError(`invalid type: map, expected unit variant ${name}`, n.at);
      throw variantError(name, n.at);
  }
}

/** Why a value cannot be written as its CLType (casper-client's `ErrorDetails` texts). */
class ValueError extends Error {}

const U64_MAX = 0xffff_ffff_ffff_ffffn;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/** serde_json's integer view of a number: its value if written as an integer that fits u64/i64, else null (a float). */
function integerOf(n: JsonNode & { kind: 'number' }): bigint | null {
  if (/[.eE]/.test(n.raw)) return null;
  const v = BigInt(n.raw);
  return v >= I64_MIN && v <= U64_MAX ? v : null;
}

function asU64(n: JsonNode & { kind: 'number' }, failure: string): bigint {
  const v = integerOf(n);
  if (v === null || v < 0n) throw new ValueError(failure);
  return v;
}

function asI64(n: JsonNode & { kind: 'number' }, failure: string): bigint {
  const v = integerOf(n);
  if (v === null || v > I64_MAX) throw new ValueError(failure);
  return v;
}

/** uint's `from_dec_str` (digits only; "" is zero) with its error texts. */
function fromDecStr(s: string, bits: number): bigint {
  if (!/^[0-9]*$/.test(s)) throw new ValueError('a character is not in the range 0-9');
  const v = s === '' ? 0n : BigInt(s);
  if (v >= 1n << BigInt(bits)) throw new ValueError('the number is too large for the type');
  return v;
}

/** Rust's `FromStr` for the primitive integers, with ParseIntError's texts. */
function intFromStr(s: string, min: bigint, max: bigint): bigint {
  if (s === '') throw new ValueError('cannot parse integer from empty string');
  const signed = min < 0n;
  if (!(signed ? /^[+-]?[0-9]+$/ : /^\+?[0-9]+$/).test(s) || s === '+' || s === '-') {
    throw new ValueError('invalid digit found in string');
  }
  const v = BigInt(s.replace(/^\+/, ''));
  if (v > max) throw new ValueError('number too large to fit in target type');
  if (v < min) throw new ValueError('number too small to fit in target type');
  return v;
}

function hex(s: string): Uint8Array {
  // base16::decode (no checksum), as casper-client uses for byte lists and arrays.
  if (!/^[0-9a-fA-F]*$/.test(s)) {
    const i = s.search(/[^0-9a-fA-F]/);
    throw new ValueError(`Invalid byte \`b${JSON.stringify(s[i]).replace(/"/g, "'")}\`, at index ${i}.`);
  }
  if (s.length % 2) throw new ValueError(`Base16 data cannot have length ${s.length} (must be even)`);
  return Uint8Array.from(Buffer.from(s, 'hex'));
}

function formatted<T>(parse: (s: string) => T, s: string, what: string): T {
  try {
    return parse(s);
  } catch (e) {
    if (e instanceof FormatError) throw new ValueError(`failed parsing a ${what}: ${e.message}`);
    throw e;
  }
}

const KEY_VARIANT_NAMES: Readonly<Record<number, string>> = {
  0: 'Account',
  1: 'Hash',
  2: 'URef',
  3: 'Transfer',
  4: 'DeployInfo',
  5: 'EraInfo',
  6: 'Balance',
  7: 'Bid',
  8: 'Withdraw',
  9: 'Dictionary',
  10: 'SystemContractRegistry',
  12: 'Unbond',
  13: 'ChainspecRegistry',
};

const INCOMPATIBLE = 'the given CLType cannot be constructed from the given type of JSON value';

/** `write_json_to_bytesrepr`: appends the bytes of `n` read as `t`. */
function writeValue(w: Writer, t: CLType, n: JsonNode): void {
  const num = n.kind === 'number' ? n : null;
  switch (t.tag) {
    case 0:
      if (n.kind !== 'bool') throw new ValueError(INCOMPATIBLE);
      w.bool(n.value);
      return;
    case 1: {
      if (!num) throw new ValueError(INCOMPATIBLE);
      const v = asI64(num, 'cannot convert given JSON Number to `i32`');
      if (v < -(1n << 31n) || v >= 1n << 31n) throw new ValueError('cannot convert given JSON Number to `i32`');
      w.i32(Number(v));
      return;
    }
    case 2:
      if (!num) throw new ValueError(INCOMPATIBLE);
      w.i64(asI64(num, 'cannot convert given JSON Number to `i64`'));
      return;
    case 3: {
      if (!num) throw new ValueError(INCOMPATIBLE);
      const v = asU64(num, 'cannot convert given JSON Number to `u8`');
      if (v > 255n) throw new ValueError('cannot convert given JSON Number to `u8`');
      w.u8(Number(v));
      return;
    }
    case 4: {
      if (!num) throw new ValueError(INCOMPATIBLE);
      const v = asU64(num, 'cannot convert given JSON Number to `u32`');
      if (v > 0xffff_ffffn) throw new ValueError('cannot convert given JSON Number to `u32`');
      w.u32(Number(v));
      return;
    }
    case 5:
      if (!num) throw new ValueError(INCOMPATIBLE);
      w.u64(asU64(num, 'cannot convert given JSON Number to `u64`'));
      return;
    case 6:
    case 7:
    case 8: {
      const bits = t.tag === 6 ? 128 : t.tag === 7 ? 256 : 512;
      let v: bigint;
      if (n.kind === 'string') v = fromDecStr(n.value, bits);
      else if (num) v = asU64(num, 'cannot convert given JSON Number to `u64`');
      else throw new ValueError(INCOMPATIBLE);
      if (bits === 128) w.u128(v);
      else if (bits === 256) w.u256(v);
      else w.u512(v);
      return;
    }
    case 9:
      if (n.kind !== 'null') throw new ValueError(INCOMPATIBLE);
      return;
    case 10:
      if (n.kind !== 'string') throw new ValueError(INCOMPATIBLE);
      w.string(n.value);
      return;
    case 11: {
      if (n.kind === 'string') {
        writeKey(w, formatted(parseKey, n.value, 'Key'));
        return;
      }
      if (n.kind !== 'object') throw new ValueError(INCOMPATIBLE);
      const detail =
        'JSON Object representing a Key must have exactly one field, the name of the Key variant mapped to the Key as a formatted string';
      if (n.entries.length !== 1) throw new ValueError(`invalid number of fields: ${detail}`);
      const [variant, inner] = n.entries[0];
      if (inner.kind !== 'string') throw new ValueError(`invalid field type: ${detail}`);
      const key = formatted(parseKey, inner.value, 'Key');
      if (KEY_VARIANT_NAMES[key.tag] !== variant) throw new ValueError(`invalid Key variant: ${detail}`);
      writeKey(w, key);
      return;
    }
    case 12:
      if (n.kind !== 'string') throw new ValueError(INCOMPATIBLE);
      writeURef(w, formatted(parseURef, n.value, 'URef'));
      return;
    case 22:
      if (n.kind !== 'string') throw new ValueError(INCOMPATIBLE);
      writePublicKey(w, formatted(parsePublicKeyHex, n.value, 'PublicKey'));
      return;
    case 13:
      if (n.kind === 'null') {
        w.u8(0);
        return;
      }
      w.u8(1);
      writeValue(w, t.inner, n);
      return;
    case 14:
      if (n.kind === 'array') {
        w.u32(n.items.length);
        for (const item of n.items) writeValue(w, t.inner, item);
        return;
      }
      if (n.kind === 'string') {
        if (t.inner.tag !== 3) throw new ValueError(INCOMPATIBLE);
        w.bytes(hex(n.value));
        return;
      }
      throw new ValueError(INCOMPATIBLE);
    case 15: {
      let bytes: Uint8Array;
      if (n.kind === 'string') bytes = hex(n.value);
      else if (n.kind === 'array') {
        if (n.items.length !== t.size) {
          throw new ValueError(`number of hex-decoded bytes (${n.items.length}) not as expected (${t.size})`);
        }
        bytes = Uint8Array.from(
          n.items.map((item) => {
            const v = item.kind === 'number' ? integerOf(item) : null;
            if (v === null || v < 0n || v > 255n) throw new ValueError('cannot convert given JSON Number to `u8`');
            return Number(v);
          }),
        );
      } else throw new ValueError(INCOMPATIBLE);
      if (bytes.length !== t.size) {
        throw new ValueError(`number of hex-decoded bytes (${bytes.length}) not as expected (${t.size})`);
      }
      w.raw(bytes);
      return;
    }
    case 16: {
      const detail = "JSON Object representing a Result must have exactly one field named 'Ok' or 'Err'";
      if (n.kind !== 'object') throw new ValueError(INCOMPATIBLE);
      if (n.entries.length !== 1) throw new ValueError(`invalid number of fields: ${detail}`);
      const [k, v] = n.entries[0];
      const lower = k.toLowerCase();
      if (lower === 'ok') {
        w.u8(1);
        writeValue(w, t.ok, v);
      } else if (lower === 'err') {
        w.u8(0);
        writeValue(w, t.err, v);
      } else throw new ValueError(`invalid Result variant: ${detail}`);
      return;
    }
    case 17: {
      if (n.kind === 'object') {
        if (![1, 2, 3, 4, 5, 6, 7, 8, 10].includes(t.key.tag)) {
          throw new ValueError(
            `invalid map key type (${clTypeDebug(t.key)}): only maps with key types of string or number can be represented as JSON Objects, maps with more complex key types must use a JSON Array`,
          );
        }
        w.u32(n.entries.length);
        for (const [k, v] of n.entries) {
          writeValue(w, t.key, mapKeyNode(t.key, k, n.at));
          writeValue(w, t.value, v);
        }
        return;
      }
      if (n.kind !== 'array') throw new ValueError(INCOMPATIBLE);
      w.u32(n.items.length);
      const detail = "JSON Object representing a Map entry must have exactly two fields, named 'key' and 'value'";
      for (const item of n.items) {
        if (item.kind !== 'object')
          throw new ValueError('invalid entry type: JSON Array representing a Map must have all entries as Objects');
        if (item.entries.length !== 2) throw new ValueError(`invalid number of fields: ${detail}`);
        const key = item.entries.find(([k]) => k === 'key');
        if (!key) throw new ValueError(`missing key field: ${detail}`);
        writeValue(w, t.key, key[1]);
        const value = item.entries.find(([k]) => k === 'value');
        if (!value) throw new ValueError(`missing value field: ${detail}`);
        writeValue(w, t.value, value[1]);
      }
      return;
    }
    case 18:
    case 19:
    case 20: {
      if (n.kind !== 'array') throw new ValueError(INCOMPATIBLE);
      if (n.items.length !== t.items.length) {
        throw new ValueError(`number of tuple entries (${n.items.length}) not as expected (${t.items.length})`);
      }
      t.items.forEach((it, k) => writeValue(w, it, n.items[k]));
      return;
    }
    case 21:
      throw new ValueError(INCOMPATIBLE);
  }
}

/** A JSON object map's key text, re-read as the key type (`json!(i32::from_str(key)?)` …). */
function mapKeyNode(t: CLType, k: string, at: number): JsonNode {
  const ranges: Record<number, [bigint, bigint]> = {
    1: [-(1n << 31n), (1n << 31n) - 1n],
    2: [I64_MIN, I64_MAX],
    3: [0n, 255n],
    4: [0n, 0xffff_ffffn],
    5: [0n, U64_MAX],
  };
  if (t.tag === 10) return { kind: 'string', value: k, at };
  if (ranges[t.tag]) return { kind: 'number', raw: String(intFromStr(k, ...ranges[t.tag])), at };
  const bits = t.tag === 6 ? 128 : t.tag === 7 ? 256 : 512;
  return { kind: 'string', value: String(fromDecStr(k, bits)), at };
}

/** One parsed JSON arg: name and value (runtime/types CLValue, casper-types bytes). */
export interface JsonArg {
  readonly name: string;
  readonly value: CLValue;
}

/** Parses `--session-args-json` into named values, in order; throws a bad-input CliError. */
export function parseJsonArgs(text: string, flag = '--session-args-json'): JsonArg[] {
  let root: JsonNode;
  try {
    root = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw jsonError(flag, e.message);
    throw e;
  }
  try {
    if (root.kind !== 'array')
      throw new SchemaError(`invalid type: ${unexpectedKind(root)}, expected a sequence`, root.at);
    const out: JsonArg[] = [];
    for (const item of root.items) {
      if (item.kind !== 'object')
        throw new SchemaError(`invalid type: ${unexpectedKind(item)}, expected struct JsonArg`, item.at);
      const get = (f: string) => item.entries.find(([k]) => k === f)?.[1];
      const nameNode = get('name');
      const typeNode = get('type');
      const valueNode = get('value');
      for (const [f, v] of [
        ['name', nameNode],
        ['type', typeNode],
        ['value', valueNode],
      ] as const) {
        if (!v) throw new SchemaError(`missing field \`${f}\``, item.end);
      }
      if (nameNode!.kind !== 'string') {
        throw new SchemaError(`invalid type: ${unexpectedKind(nameNode!)}, expected a string`, nameNode!.at);
      }
      const clType = readCLType(typeNode!);
      const w = new Writer(64);
      try {
        writeValue(w, clType, valueNode!);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        throw badInput(
          `${flag}: failed to construct a CLValue of type ${clTypeDebug(clType)} from ${compactJson(valueNode!)} for arg ${nameNode!.value}: ${e.message}`,
        );
      }
      out.push({ name: nameNode!.value, value: new CLValue(clType, w.finish()) });
    }
    return out;
  } catch (e) {
    if (e instanceof SchemaError) throw jsonError(flag, `${e.message} at ${position(text, e.at)}`);
    throw e;
  }
}

function jsonError(flag: string, detail: string): CliError {
  return badInput(`${flag}: failed to parse json-args to JSON: ${detail}. ${FORM}`);
}
