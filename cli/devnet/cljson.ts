/**
 * The JSON forms of casper-types 4.0.1 (node 1.5.6) values: CLType (`"U512"`, `{"Option":"U8"}`,
 * `{"Map":{"key":…,"value":…}}`), CLValue (`{cl_type, bytes, parsed}`, `parsed` as
 * `cl_value/jsonrepr.rs` computes it), Key (`{"Account":"account-hash-…"}` inside a parsed value,
 * the formatted string elsewhere), and the formatted-string parsers the RPCs use
 * (`Key::from_formatted_str`, `URef::from_formatted_str`, `AccountHash::from_formatted_str`,
 * `PublicKey::from_hex`) with their error texts.
 */

import { bytesToHex } from '../../runtime/types/bytes';
import { fromBytesPrefix, type Reader } from '../../runtime/types/bytesrepr';
import {
  byteArrayType,
  type CLType,
  CLTypes,
  CLTYPE_SIMPLE_NAMES,
  CL_TYPE_RECURSION_DEPTH,
  clTypeToJson as runtimeClTypeToJson,
  listType,
  mapType,
  optionType,
  resultType,
  tuple1Type,
  tuple2Type,
  tuple3Type,
} from '../../runtime/types/cltype';
import type { CLValue } from '../../runtime/types/clvalue';
import { type Key, keyToFormattedString, readKey } from '../../runtime/types/key';
import { publicKeyFromRaw, publicKeyToHex, type PublicKey, readPublicKey } from '../../runtime/types/public-key';
import { readURef, type URef, urefToFormattedString } from '../../runtime/types/uref';
import { decodeHex } from './hex';
import { isObject, type JsonValue, unexpected } from './json';

const SIMPLE_NAMES = CLTYPE_SIMPLE_NAMES;
const SIMPLE_BY_NAME = new Map(Object.entries(SIMPLE_NAMES).map(([tag, name]) => [name, Number(tag)]));

/** CLType → its serde JSON (casper-types' form; one implementation in runtime/types/cltype.ts). */
export function clTypeToJson(t: CLType): JsonValue {
  return runtimeClTypeToJson(t) as JsonValue;
}

const VARIANTS =
  'variant identifier: expected one of `Bool`, `I32`, `I64`, `U8`, `U32`, `U64`, `U128`, `U256`, `U512`, `Unit`, `String`, `Key`, `URef`, `PublicKey`, `Option`, `List`, `ByteArray`, `Result`, `Map`, `Tuple1`, `Tuple2`, `Tuple3`, `Any`';

/** serde JSON → CLType, or serde's error text. */
export function clTypeFromJson(v: JsonValue, depth = 0): CLType | { error: string } {
  if (depth > CL_TYPE_RECURSION_DEPTH) return { error: 'recursion limit exceeded' };
  if (typeof v === 'string') {
    const tag = SIMPLE_BY_NAME.get(v);
    if (tag !== undefined) return simple(tag);
    if (['Option', 'List', 'ByteArray', 'Result', 'Map', 'Tuple1', 'Tuple2', 'Tuple3'].includes(v)) {
      return {
        error: `invalid type: unit variant, expected ${v === 'Result' || v === 'Map' ? 'struct' : 'newtype'} variant`,
      };
    }
    return { error: `unknown variant \`${v}\`, expected one of ${VARIANTS.slice(VARIANTS.indexOf('`Bool`'))}` };
  }
  if (!isObject(v)) return { error: `invalid type: ${unexpected(v)}, expected enum CLType` };
  const keys = Object.keys(v);
  if (keys.length !== 1) return { error: 'invalid type: map, expected map with a single key' };
  const name = keys[0];
  const body = v[name];
  const sub = (x: JsonValue) => clTypeFromJson(x, depth + 1);
  switch (name) {
    case 'Option':
    case 'List': {
      const inner = sub(body);
      if ('error' in inner) return inner;
      return name === 'Option' ? optionType(inner) : listType(inner);
    }
    case 'ByteArray':
      if (typeof body !== 'number' || !Number.isInteger(body) || body < 0 || body > 0xffffffff) {
        return { error: `invalid type: ${unexpected(body)}, expected u32` };
      }
      return byteArrayType(body);
    case 'Result':
    case 'Map': {
      if (!isObject(body))
        return { error: `invalid type: ${unexpected(body)}, expected struct variant CLType::${name}` };
      const [a, b] = name === 'Result' ? ['ok', 'err'] : ['key', 'value'];
      for (const f of [a, b]) if (!(f in body)) return { error: `missing field \`${f}\`` };
      for (const f of Object.keys(body)) {
        if (f !== a && f !== b) return { error: `unknown field \`${f}\`, expected \`${a}\` or \`${b}\`` };
      }
      const x = sub(body[a]);
      if ('error' in x) return x;
      const y = sub(body[b]);
      if ('error' in y) return y;
      return name === 'Result' ? resultType(x, y) : mapType(x, y);
    }
    case 'Tuple1':
    case 'Tuple2':
    case 'Tuple3': {
      const n = Number(name[5]);
      if (!Array.isArray(body)) return { error: `invalid type: ${unexpected(body)}, expected an array of length ${n}` };
      if (body.length !== n) return { error: `invalid length ${body.length}, expected an array of length ${n}` };
      const items: CLType[] = [];
      for (const x of body) {
        const t = sub(x);
        if ('error' in t) return t;
        items.push(t);
      }
      return n === 1
        ? tuple1Type(items[0])
        : n === 2
          ? tuple2Type(items[0], items[1])
          : tuple3Type(items[0], items[1], items[2]);
    }
    default:
      if (SIMPLE_BY_NAME.has(name)) return { error: 'invalid type: newtype variant, expected unit variant' };
      return { error: `unknown variant \`${name}\`, expected one of ${VARIANTS.slice(VARIANTS.indexOf('`Bool`'))}` };
  }
}

function simple(tag: number): CLType {
  return (CLTypes as unknown as Record<string, CLType>)[SIMPLE_NAMES[tag]];
}

/** The JSON of a CLValue: `{cl_type, bytes, parsed}`. */
export function clValueToJson(v: CLValue): JsonValue {
  return { cl_type: clTypeToJson(v.clType), bytes: bytesToHex(v.bytes), parsed: clValueParsed(v.clType, v.bytes) };
}

/**
 * `jsonrepr::cl_value_to_json`: the value read through its type, or null when the bytes do not
 * parse exactly (leftover bytes, bad data, `Any`).
 */
export function clValueParsed(t: CLType, bytes: Uint8Array): JsonValue {
  const r = fromBytesPrefix(bytes, (rd) => parsedOf(rd, t, 0));
  if (!r.ok || r.next !== bytes.length || r.value === undefined) return null;
  return r.value;
}

function parsedOf(r: Reader, t: CLType, depth: number): JsonValue | undefined {
  if (depth >= CL_TYPE_RECURSION_DEPTH) return undefined;
  const d = depth + 1;
  switch (t.tag) {
    case 0:
      return r.bool();
    case 1:
      return r.i32();
    case 2:
      return num(r.i64());
    case 3:
      return r.u8();
    case 4:
      return r.u32();
    case 5:
      return num(r.u64());
    case 6:
      return r.u128().toString();
    case 7:
      return r.u256().toString();
    case 8:
      return r.u512().toString();
    case 9:
      return null;
    case 10:
      return r.string();
    case 11:
      return keyToTaggedJson(readKey(r));
    case 12:
      return urefToFormattedString(readURef(r));
    case 22:
      return publicKeyToHex(readPublicKey(r));
    case 13: {
      const tag = r.u8();
      if (tag === 0) return null;
      if (tag !== 1) return undefined;
      return parsedOf(r, t.inner, d);
    }
    case 14: {
      const n = r.u32();
      const out: JsonValue[] = [];
      for (let i = 0; i < n; i++) {
        const x = parsedOf(r, t.inner, d);
        if (x === undefined) return undefined;
        out.push(x);
      }
      return out;
    }
    case 15:
      return bytesToHex(r.fixed(t.size));
    case 16: {
      const tag = r.u8();
      if (tag !== 0 && tag !== 1) return undefined;
      const x = parsedOf(r, tag === 1 ? t.ok : t.err, d);
      if (x === undefined) return undefined;
      return tag === 1 ? { Ok: x } : { Err: x };
    }
    case 17: {
      const n = r.u32();
      const out: JsonValue[] = [];
      for (let i = 0; i < n; i++) {
        const k = parsedOf(r, t.key, d);
        if (k === undefined) return undefined;
        const v = parsedOf(r, t.value, d);
        if (v === undefined) return undefined;
        out.push({ key: k, value: v });
      }
      return out;
    }
    case 18:
    case 19:
    case 20: {
      const out: JsonValue[] = [];
      for (const it of t.items) {
        const x = parsedOf(r, it, d);
        if (x === undefined) return undefined;
        out.push(x);
      }
      return out;
    }
    default:
      return undefined; // Any
  }
}

/** A u64/i64 as a JSON number (a bigint when beyond 2^53, written exactly). */
export function num(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

const KEY_VARIANTS = [
  'Account',
  'Hash',
  'URef',
  'Transfer',
  'DeployInfo',
  'EraInfo',
  'Balance',
  'Bid',
  'Withdraw',
  'Dictionary',
  'SystemContractRegistry',
  'EraSummary',
  'Unbond',
  'ChainspecRegistry',
  'ChecksumRegistry',
];

/** Key's serde JSON (inside CLValue `parsed`): `{"Account": "account-hash-…"}`. */
export function keyToTaggedJson(k: Key): JsonValue {
  return { [KEY_VARIANTS[k.tag]]: keyToFormattedString(k) };
}

// ---- formatted-string parsers ----

function hex32(text: string): Uint8Array | { hex: string } | { len: string } {
  const b = decodeHex(text);
  if ('error' in b) return { hex: b.error };
  if (b.length !== 32) return { len: 'could not convert slice to array' };
  return b;
}

/** `AccountHash::from_formatted_str`, or its error text ('invalid-prefix' when the prefix is not there). */
export function parseAccountHash(s: string): Uint8Array | { error: string; prefix?: true } {
  if (!s.startsWith('account-hash-')) return { error: "prefix is not 'account-hash-'", prefix: true };
  const b = hex32(s.slice(13));
  if ('hex' in b) return { error: `failed to decode address portion from hex: ${b.hex}` };
  if ('len' in b) return { error: `address portion is wrong length: ${b.len}` };
  return b;
}

/** `URef::from_formatted_str`, or its error text. */
export function parseURef(s: string): URef | { error: string; prefix?: true } {
  if (!s.startsWith('uref-')) return { error: "prefix is not 'uref-'", prefix: true };
  const rest = s.slice(5);
  const dash = rest.indexOf('-');
  if (dash < 0) return { error: 'no access rights as suffix' };
  const b = decodeHex(rest.slice(0, dash));
  if ('error' in b) return { error: `failed to decode address portion from hex: ${b.error}` };
  if (b.length !== 32) return { error: 'address portion is the wrong length: could not convert slice to array' };
  const suffix = rest.slice(dash + 1);
  if (!/^[+]?[0-7]+$/.test(suffix)) {
    return {
      error: `failed to parse an int: ${suffix === '' ? 'cannot parse integer from empty string' : 'invalid digit found in string'}`,
    };
  }
  const rights = parseInt(suffix, 8);
  if (rights > 255) return { error: 'failed to parse an int: number too large to fit in target type' };
  if (rights > 7) return { error: 'invalid access rights' };
  return { addr: b, rights };
}

/** `Key::from_formatted_str`, or its error text. */
export function parseKey(s: string): Key | { error: string } {
  const acct = parseAccountHash(s);
  if (!('error' in acct)) return { tag: 0, addr: acct };
  if (!acct.prefix) return { error: `account-key from string error: ${acct.error}` };
  const addrKey = (prefix: string, tag: 1 | 4 | 6 | 7 | 8 | 9 | 12, label: string): Key | { error: string } => {
    const b = hex32(s.slice(prefix.length));
    if ('hex' in b) return { error: `${label} from string error: ${b.hex}` };
    if ('len' in b) return { error: `${label} from string error: ${b.len}` };
    return { tag, addr: b };
  };
  if (s.startsWith('hash-')) return addrKey('hash-', 1, 'hash-key');
  if (s.startsWith('deploy-')) return addrKey('deploy-', 4, 'deploy-info-key');
  if (s.startsWith('transfer-')) {
    const b = hex32(s.slice(9));
    if ('hex' in b)
      return { error: `transfer-key from string error: failed to decode address portion from hex: ${b.hex}` };
    if ('len' in b) return { error: `transfer-key from string error: address portion is wrong length: ${b.len}` };
    return { tag: 3, addr: b };
  }
  const uref = parseURef(s);
  if (!('error' in uref)) return { tag: 2, uref };
  if (!uref.prefix) return { error: `uref-key from string error: ${uref.error}` };
  const padding = (prefix: string, tag: 10 | 11 | 13 | 14, label: string, what: string): Key | { error: string } => {
    const b = decodeHex(s.slice(prefix.length));
    if ('error' in b) return { error: `${label} from string error: ${b.error}` };
    if (b.length !== 32) return { error: `${label} from string error: Failed to deserialize ${what} key` };
    return { tag } as Key;
  };
  if (s.startsWith('era-summary-')) return padding('era-summary-', 11, 'era-summary-key', 'era summary');
  if (s.startsWith('era-')) {
    const t = s.slice(4);
    if (!/^[+]?\d+$/.test(t) || BigInt(t) > 0xffff_ffff_ffff_ffffn) {
      return {
        error: `era-info-key from string error: ${t === '' ? 'cannot parse integer from empty string' : /^[+]?\d+$/.test(t) ? 'number too large to fit in target type' : 'invalid digit found in string'}`,
      };
    }
    return { tag: 5, era: BigInt(t) };
  }
  if (s.startsWith('balance-')) return addrKey('balance-', 6, 'balance-key');
  if (s.startsWith('bid-')) return addrKey('bid-', 7, 'bid-key');
  if (s.startsWith('withdraw-')) return addrKey('withdraw-', 8, 'withdraw-key');
  if (s.startsWith('unbond-')) return addrKey('unbond-', 12, 'unbond-key');
  if (s.startsWith('dictionary-')) return addrKey('dictionary-', 9, 'dictionary-key');
  if (s.startsWith('system-contract-registry-')) {
    return padding('system-contract-registry-', 10, 'system-contract-registry-key', 'system registry');
  }
  if (s.startsWith('chainspec-registry-')) {
    return padding('chainspec-registry-', 13, 'chainspec-registry-key', 'chainspec registry');
  }
  if (s.startsWith('checksum-registry-')) {
    return padding('checksum-registry-', 14, 'checksum-registry-key', 'checksum registry');
  }
  return { error: 'unknown prefix for key' };
}

/** `PublicKey::from_hex` (tag byte + key bytes, point validated), or its error text. */
export function parsePublicKeyHex(s: string): PublicKey | { error: string } {
  if (s.length < 2) return { error: 'failed to decode from hex: too short' };
  const tag = decodeHex(s.slice(0, 2));
  if ('error' in tag) return { error: `parsing from hex: ${tag.error}` };
  const raw = decodeHex(s.slice(2));
  if ('error' in raw) return { error: `parsing from hex: ${raw.error}` };
  const t = tag[0];
  if (t > 2) return { error: `failed to decode from hex: invalid tag.  Expected 0, 1 or 2, got ${t}` };
  if (t === 0) {
    if (raw.length !== 0) return { error: 'failed to decode from hex: invalid system variant' };
  }
  const pk = publicKeyFromRaw(t, raw);
  if (!pk) {
    return {
      error:
        t === 1
          ? `failed to construct Ed25519 public key from ${debugBytes(raw)}`
          : `failed to construct secp256k1 public key from ${debugBytes(raw)}`,
    };
  }
  return pk;
}

/** Rust's `{:?}` of a byte slice: `[1, 2, 3]`. */
export function debugBytes(b: Uint8Array): string {
  return `[${Array.from(b).join(', ')}]`;
}
