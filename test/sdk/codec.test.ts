// Generic containers, CLType, CLValue and RuntimeArgs against casper-js-sdk 5 (the byte oracle)
// and against a reference encoder/decoder written here from casper-types 4.0.1 (bytesrepr.rs,
// cl_type.rs, cl_value.rs, runtime_args.rs), which also predicts the exact decode error of any
// byte string (17 EarlyEndOfStream, 18 Formatting, 19 LeftOverBytes, 39 ExceededRecursionDepth).
import {
  Args,
  type CLType,
  CLTypeBool,
  CLTypeByteArray,
  CLTypeInt32,
  CLTypeInt64,
  CLTypeKey,
  CLTypeList,
  CLTypeMap,
  CLTypeOption,
  CLTypePublicKey,
  CLTypeResult,
  CLTypeString,
  CLTypeTuple1,
  CLTypeTuple2,
  CLTypeTuple3,
  CLTypeUInt8,
  CLTypeUInt32,
  CLTypeUInt64,
  CLTypeUInt128,
  CLTypeUInt256,
  CLTypeUInt512,
  CLTypeUnit,
  CLTypeUref,
  CLValue,
  CLValueMap,
  CLValueParser,
  Key,
} from 'casper-js-sdk';
import { getBytes, type Harness, loadHarness, putBytes } from '../helpers/harness';
import { int, pick, prng, randBytes, type Rng } from '../helpers/prng';

jest.setTimeout(60_000);

// ---------------------------------------------------------------------------------------------
// Byte helpers (the seeded PRNG is test/helpers/prng.ts).

const hex = (b: ArrayLike<number>): string => Buffer.from(Uint8Array.from(b as number[])).toString('hex');

const u32le = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const u64le = (v: bigint): number[] => {
  const x = BigInt.asUintN(64, v);
  return Array.from({ length: 8 }, (_, i) => Number((x >> BigInt(8 * i)) & 255n));
};
const utf8 = (s: string): number[] => Array.from(Buffer.from(s, 'utf8'));
const strBytes = (s: string): number[] => {
  const b = utf8(s);
  return [...u32le(b.length), ...b];
};

// ---------------------------------------------------------------------------------------------
// Type descriptors and values.

type Ty =
  | { k: 'bool' | 'i32' | 'i64' | 'u8' | 'u32' | 'u64' | 'u128' | 'u512' | 'unit' | 'string' }
  | { k: 'option' | 'list'; t: Ty }
  | { k: 'result'; ok: Ty; err: Ty }
  | { k: 'map'; key: Ty; val: Ty }
  | { k: 'tuple'; items: Ty[] }
  | { k: 'bytearray'; n: number };

// Values: bool → boolean; integers → bigint; unit → null; string → string; option → {some, v};
// list/tuple → array; result → {ok, v}; map → [key, value][] ascending by key, unique;
// bytearray → number[].
type Val = any;

const T = {
  bool: { k: 'bool' } as Ty,
  i32: { k: 'i32' } as Ty,
  i64: { k: 'i64' } as Ty,
  u8: { k: 'u8' } as Ty,
  u32: { k: 'u32' } as Ty,
  u64: { k: 'u64' } as Ty,
  u128: { k: 'u128' } as Ty,
  u512: { k: 'u512' } as Ty,
  unit: { k: 'unit' } as Ty,
  string: { k: 'string' } as Ty,
  option: (t: Ty): Ty => ({ k: 'option', t }),
  list: (t: Ty): Ty => ({ k: 'list', t }),
  result: (ok: Ty, err: Ty): Ty => ({ k: 'result', ok, err }),
  map: (key: Ty, val: Ty): Ty => ({ k: 'map', key, val }),
  tuple: (...items: Ty[]): Ty => ({ k: 'tuple', items }),
  bytearray: (n: number): Ty => ({ k: 'bytearray', n }),
};

const INT_RANGE: Record<string, [bigint, bigint]> = {
  i32: [-(2n ** 31n), 2n ** 31n - 1n],
  i64: [-(2n ** 63n), 2n ** 63n - 1n],
  u8: [0n, 255n],
  u32: [0n, 2n ** 32n - 1n],
  u64: [0n, 2n ** 64n - 1n],
  u128: [0n, 2n ** 128n - 1n],
  u512: [0n, 2n ** 512n - 1n],
};
const INT_BYTES: Record<string, number> = { i32: 4, i64: 8, u8: 1, u32: 4, u64: 8, u128: 16, u512: 64 };
/** U128/U256/U512: length byte + little-endian bytes without trailing zeros. */
const isBig = (k: string): boolean => k === 'u128' || k === 'u512';
const bigEnc = (v: bigint): number[] => {
  const out: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) out.push(Number(x & 255n));
  return [out.length, ...out];
};

/** A random ASCII string, or (unicode) one mixing ASCII, BMP, U+E000–U+FFFF and astral chars. */
function genString(rng: Rng, unicode: boolean): string {
  const n = int(rng, 10);
  let s = '';
  for (let i = 0; i < n; i++) {
    if (!unicode || rng() < 0.4) s += String.fromCharCode(0x20 + int(rng, 95));
    else {
      const r = int(rng, 4);
      const cp =
        r === 0
          ? 0x80 + int(rng, 0x780)
          : r === 1
            ? 0x800 + int(rng, 0xd000)
            : r === 2
              ? 0xe000 + int(rng, 0x2000)
              : 0x10000 + int(rng, 0xfffff);
      s += String.fromCodePoint(cp);
    }
  }
  return s;
}

function genInt(rng: Rng, k: string): bigint {
  const [lo, hi] = INT_RANGE[k];
  const r = rng();
  if (r < 0.1) return lo;
  if (r < 0.2) return hi;
  if (r < 0.3) return BigInt(int(rng, 3)) - (lo < 0n ? 1n : 0n);
  const bits = isBig(k) ? 1 + int(rng, INT_BYTES[k] * 8) : INT_BYTES[k] * 8;
  let x = 0n;
  for (let i = 0; i < bits; i += 16) x = (x << 16n) | BigInt(int(rng, 65536));
  x &= (1n << BigInt(bits)) - 1n;
  return lo < 0n ? BigInt.asIntN(bits, x) : x;
}

/**
 * A random value of t. `unicode` (reference-encoder-only values) adds non-ASCII strings and U512
 * values of 2^256 and above: casper-js-sdk 5 rejects both (its toBytesU512 bound is MaxUint256).
 */
function gen(t: Ty, rng: Rng, unicode = false): Val {
  switch (t.k) {
    case 'bool':
      return rng() < 0.5;
    case 'unit':
      return null;
    case 'string':
      return genString(rng, unicode);
    case 'option':
      return rng() < 0.3 ? { some: false } : { some: true, v: gen(t.t, rng, unicode) };
    case 'list':
      return Array.from({ length: int(rng, 5) }, () => gen(t.t, rng, unicode));
    case 'result': {
      const ok = rng() < 0.5;
      return { ok, v: gen(ok ? t.ok : t.err, rng, unicode) };
    }
    case 'map': {
      const pairs: [Val, Val][] = Array.from({ length: int(rng, 6) }, () => [
        gen(t.key, rng, unicode),
        gen(t.val, rng, unicode),
      ]);
      return canonicalMap(t, pairs);
    }
    case 'tuple':
      return t.items.map((i) => gen(i, rng, unicode));
    case 'bytearray':
      return randBytes(rng, t.n);
    default: {
      const x = genInt(rng, t.k);
      return t.k === 'u512' && !unicode ? x & (2n ** 256n - 1n) : x;
    }
  }
}

/** BTreeMap semantics: a later duplicate key replaces the value; ascending by key. */
function canonicalMap(t: Extract<Ty, { k: 'map' }>, pairs: [Val, Val][]): [Val, Val][] {
  const out: [Val, Val][] = [];
  for (const [k, v] of pairs) {
    const i = out.findIndex(([k2]) => cmp(t.key, k2, k) === 0);
    if (i >= 0) out[i] = [out[i][0], v];
    else out.push([k, v]);
  }
  return out.sort((a, b) => cmp(t.key, a[0], b[0]));
}

/** Rust's Ord on values of t. */
function cmp(t: Ty, a: Val, b: Val): number {
  const lex = (ts: Ty[], xs: Val[], ys: Val[]): number => {
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
      const c = cmp(ts[i], xs[i], ys[i]);
      if (c !== 0) return c;
    }
    return xs.length - ys.length;
  };
  switch (t.k) {
    case 'bool':
      return Number(a) - Number(b);
    case 'unit':
      return 0;
    case 'string':
      return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
    case 'option':
      if (a.some !== b.some) return a.some ? 1 : -1;
      return a.some ? cmp(t.t, a.v, b.v) : 0;
    case 'list':
      return lex(
        a.map(() => t.t),
        a,
        b,
      );
    case 'result':
      if (a.ok !== b.ok) return a.ok ? -1 : 1;
      return cmp(a.ok ? t.ok : t.err, a.v, b.v);
    case 'map': {
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const c = cmp(t.key, a[i][0], b[i][0]) || cmp(t.val, a[i][1], b[i][1]);
        if (c !== 0) return c;
      }
      return a.length - b.length;
    }
    case 'tuple':
      return lex(t.items, a, b);
    case 'bytearray':
      return lex(
        a.map(() => T.u8),
        a.map(BigInt),
        b.map(BigInt),
      );
    default:
      return a < b ? -1 : a > b ? 1 : 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Reference encoder (casper-types ToBytes) and CLType bytes.

function refEnc(t: Ty, v: Val): number[] {
  switch (t.k) {
    case 'bool':
      return [v ? 1 : 0];
    case 'unit':
      return [];
    case 'string':
      return strBytes(v);
    case 'option':
      return v.some ? [1, ...refEnc(t.t, v.v)] : [0];
    case 'list':
      return [...u32le(v.length), ...v.flatMap((x: Val) => refEnc(t.t, x))];
    case 'result':
      return v.ok ? [1, ...refEnc(t.ok, v.v)] : [0, ...refEnc(t.err, v.v)];
    case 'map':
      return [...u32le(v.length), ...v.flatMap(([k, x]: [Val, Val]) => [...refEnc(t.key, k), ...refEnc(t.val, x)])];
    case 'tuple':
      return t.items.flatMap((it, i) => refEnc(it, v[i]));
    case 'bytearray':
      return [...v];
    default:
      return isBig(t.k) ? bigEnc(v) : u64le(v).slice(0, INT_BYTES[t.k]);
  }
}

const TAG: Record<string, number> = {
  bool: 0,
  i32: 1,
  i64: 2,
  u8: 3,
  u32: 4,
  u64: 5,
  u128: 6,
  u512: 8,
  unit: 9,
  string: 10,
  option: 13,
  list: 14,
  bytearray: 15,
  result: 16,
  map: 17,
};

function refType(t: Ty): number[] {
  switch (t.k) {
    case 'option':
    case 'list':
      return [TAG[t.k], ...refType(t.t)];
    case 'result':
      return [16, ...refType(t.ok), ...refType(t.err)];
    case 'map':
      return [17, ...refType(t.key), ...refType(t.val)];
    case 'tuple':
      return [17 + t.items.length, ...t.items.flatMap(refType)];
    case 'bytearray':
      return [15, ...u32le(t.n)];
    default:
      return [TAG[t.k]];
  }
}

// ---------------------------------------------------------------------------------------------
// Reference decoder (casper-types FromBytes): throws DecodeError(code) at the first error.

class DecodeError extends Error {
  constructor(public code: number) {
    super(`bytesrepr error ${code}`);
  }
}

class Reader {
  pos = 0;
  constructor(public b: number[]) {}
  take(n: number): number[] {
    if (n > this.b.length - this.pos) throw new DecodeError(17);
    const out = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0];
  }
  u32(): number {
    const b = this.take(4);
    return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  }
}

/** Strict UTF-8 (Rust's String::from_utf8): valid exactly when a lossy decode re-encodes to the same bytes. */
function refDecString(r: Reader): string {
  const b = Buffer.from(r.take(r.u32()));
  const s = b.toString('utf8');
  if (!Buffer.from(s, 'utf8').equals(b)) throw new DecodeError(18);
  return s;
}

function refDec(t: Ty, r: Reader): Val {
  switch (t.k) {
    case 'bool': {
      const b = r.u8();
      if (b > 1) throw new DecodeError(18);
      return b === 1;
    }
    case 'unit':
      return null;
    case 'string':
      return refDecString(r);
    case 'option': {
      const tag = r.u8();
      if (tag === 0) return { some: false };
      if (tag === 1) return { some: true, v: refDec(t.t, r) };
      throw new DecodeError(18);
    }
    case 'list': {
      const n = r.u32();
      const out: Val[] = [];
      for (let i = 0; i < n; i++) out.push(refDec(t.t, r));
      return out;
    }
    case 'result': {
      const tag = r.u8();
      if (tag === 0) return { ok: false, v: refDec(t.err, r) };
      if (tag === 1) return { ok: true, v: refDec(t.ok, r) };
      throw new DecodeError(18);
    }
    case 'map': {
      const n = r.u32();
      const pairs: [Val, Val][] = [];
      for (let i = 0; i < n; i++) {
        const k = refDec(t.key, r);
        pairs.push([k, refDec(t.val, r)]);
      }
      return canonicalMap(t, pairs);
    }
    case 'tuple':
      return t.items.map((it) => refDec(it, r));
    case 'bytearray':
      return r.take(t.n);
    default: {
      if (isBig(t.k)) {
        const n = r.u8();
        if (n > INT_BYTES[t.k]) throw new DecodeError(18);
        return r.take(n).reduceRight((x, b) => (x << 8n) | BigInt(b), 0n);
      }
      const b = r.take(INT_BYTES[t.k]);
      let x = 0n;
      for (let i = b.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i]);
      return t.k.startsWith('i') ? BigInt.asIntN(b.length * 8, x) : x;
    }
  }
}

/** casper-types CLType::from_bytes (depth-limited); returns nothing, throws DecodeError. */
function refSkipType(r: Reader, depth = 0): void {
  if (depth >= 50) throw new DecodeError(39);
  const tag = r.u8();
  if (tag === 15) r.u32();
  else if (tag === 13 || tag === 14 || tag === 18) refSkipType(r, depth + 1);
  else if (tag === 16 || tag === 17 || tag === 19) {
    refSkipType(r, depth + 1);
    refSkipType(r, depth + 1);
  } else if (tag === 20) {
    refSkipType(r, depth + 1);
    refSkipType(r, depth + 1);
    refSkipType(r, depth + 1);
  } else if (tag > 22) throw new DecodeError(18);
}

/** A CLValue (u32 len ‖ bytes ‖ CLType) as its canonical bytes. */
function refDecCLValue(r: Reader): number[] {
  const start = r.pos;
  r.take(r.u32());
  refSkipType(r);
  return r.b.slice(start, r.pos);
}

/** Whole-input decode by `f`: [error] or [0, ...out(value)], as the harness reports. */
function expectFrom<V>(bytes: number[], f: (r: Reader) => V, out: (v: V) => number[]): number[] {
  const r = new Reader(bytes);
  let v: V;
  try {
    v = f(r);
  } catch (e) {
    if (e instanceof DecodeError) return [e.code];
    throw e;
  }
  if (r.pos !== bytes.length) return [19];
  return [0, ...out(v)];
}

// ---------------------------------------------------------------------------------------------
// casper-js-sdk values (the oracle).

function sdkType(t: Ty): CLType {
  switch (t.k) {
    case 'bool':
      return CLTypeBool;
    case 'i32':
      return CLTypeInt32;
    case 'i64':
      return CLTypeInt64;
    case 'u8':
      return CLTypeUInt8;
    case 'u32':
      return CLTypeUInt32;
    case 'u64':
      return CLTypeUInt64;
    case 'u128':
      return CLTypeUInt128;
    case 'u512':
      return CLTypeUInt512;
    case 'unit':
      return CLTypeUnit;
    case 'string':
      return CLTypeString;
    case 'option':
      return new CLTypeOption(sdkType(t.t));
    case 'list':
      return new CLTypeList(sdkType(t.t));
    case 'result':
      return new CLTypeResult(sdkType(t.ok), sdkType(t.err));
    case 'map':
      return new CLTypeMap(sdkType(t.key), sdkType(t.val));
    case 'tuple':
      return t.items.length === 1
        ? new CLTypeTuple1(sdkType(t.items[0]))
        : t.items.length === 2
          ? new CLTypeTuple2(sdkType(t.items[0]), sdkType(t.items[1]))
          : new CLTypeTuple3(sdkType(t.items[0]), sdkType(t.items[1]), sdkType(t.items[2]));
    case 'bytearray':
      return new CLTypeByteArray(t.n);
  }
}

function toSdk(t: Ty, v: Val): CLValue {
  switch (t.k) {
    case 'bool':
      return CLValue.newCLValueBool(v);
    case 'i32':
      return CLValue.newCLInt32(v.toString());
    case 'i64':
      return CLValue.newCLInt64(v.toString());
    case 'u8':
      return CLValue.newCLUint8(v.toString());
    case 'u32':
      return CLValue.newCLUInt32(v.toString());
    case 'u64':
      return CLValue.newCLUint64(v.toString());
    case 'u128':
      return CLValue.newCLUInt128(v.toString());
    case 'u512':
      return CLValue.newCLUInt512(v.toString());
    case 'unit':
      return CLValue.newCLUnit();
    case 'string':
      return CLValue.newCLString(v);
    case 'option':
      return CLValue.newCLOption(v.some ? toSdk(t.t, v.v) : null, sdkType(t.t));
    case 'list':
      return CLValue.newCLList(
        sdkType(t.t),
        v.map((x: Val) => toSdk(t.t, x)),
      );
    case 'result':
      return CLValue.newCLResult(sdkType(t.ok), sdkType(t.err), toSdk(v.ok ? t.ok : t.err, v.v), v.ok);
    case 'map': {
      // CLValueMap.append compares key types by object identity, so build the entries directly
      // (in ascending key order: casper-js-sdk writes them in insertion order, unsorted).
      const mt = sdkType(t) as CLTypeMap;
      const c = new CLValue(mt);
      c.map = new CLValueMap(
        mt,
        v.map(([k, x]: [Val, Val]) => CLValue.newCLTuple2(toSdk(t.key, k), toSdk(t.val, x)).tuple2!),
      );
      return c;
    }
    case 'tuple': {
      const xs = t.items.map((it, i) => toSdk(it, v[i]));
      return xs.length === 1
        ? CLValue.newCLTuple1(xs[0])
        : xs.length === 2
          ? CLValue.newCLTuple2(xs[0], xs[1])
          : CLValue.newCLTuple3(xs[0], xs[1], xs[2]);
    }
    case 'bytearray':
      return CLValue.newCLByteArray(Uint8Array.from(v));
  }
}

// ---------------------------------------------------------------------------------------------
// Harness plumbing.

let h: Harness;
beforeEach(() => {
  h = loadHarness('codec');
});

function call(fn: string, ...inputs: number[][]): number[] {
  const ptrs = inputs.map((b) => putBytes(h, Uint8Array.from(b), h.STATIC_ARRAY_U8_ID.value));
  return Array.from(getBytes(h, h[fn](...ptrs)));
}

/** The round-trip harness functions and their types. */
const CASES: { fn: string; ty: Ty }[] = [
  { fn: 'rtBool', ty: T.bool },
  { fn: 'rtI32', ty: T.i32 },
  { fn: 'rtI64', ty: T.i64 },
  { fn: 'rtU8', ty: T.u8 },
  { fn: 'rtU32', ty: T.u32 },
  { fn: 'rtU64', ty: T.u64 },
  { fn: 'rtUnit', ty: T.unit },
  { fn: 'rtString', ty: T.string },
  { fn: 'rtOptionU64', ty: T.option(T.u64) },
  { fn: 'rtOptionString', ty: T.option(T.string) },
  { fn: 'rtOptionOptionI32', ty: T.option(T.option(T.i32)) },
  { fn: 'rtOptionListU8', ty: T.option(T.list(T.u8)) },
  { fn: 'rtOptionUnit', ty: T.option(T.unit) },
  { fn: 'rtOptionAccountHash', ty: T.option(T.bytearray(32)) },
  { fn: 'rtResultU64String', ty: T.result(T.u64, T.string) },
  { fn: 'rtResultUnitU8', ty: T.result(T.unit, T.u8) },
  { fn: 'rtResultOptionBoolListString', ty: T.result(T.option(T.bool), T.list(T.string)) },
  { fn: 'rtListU64', ty: T.list(T.u64) },
  { fn: 'rtListString', ty: T.list(T.string) },
  { fn: 'rtListBool', ty: T.list(T.bool) },
  { fn: 'rtListListI32', ty: T.list(T.list(T.i32)) },
  { fn: 'rtListOptionU8', ty: T.list(T.option(T.u8)) },
  { fn: 'rtListTuple2StringI64', ty: T.list(T.tuple(T.string, T.i64)) },
  { fn: 'rtMapStringU64', ty: T.map(T.string, T.u64) },
  { fn: 'rtMapU64String', ty: T.map(T.u64, T.string) },
  { fn: 'rtMapI32Bool', ty: T.map(T.i32, T.bool) },
  { fn: 'rtMapI64OptionString', ty: T.map(T.i64, T.option(T.string)) },
  { fn: 'rtMapStringListU8', ty: T.map(T.string, T.list(T.u8)) },
  { fn: 'rtMapU8Unit', ty: T.map(T.u8, T.unit) },
  { fn: 'rtMapOptionU32String', ty: T.map(T.option(T.u32), T.string) },
  { fn: 'rtMapTuple2StringU8Bool', ty: T.map(T.tuple(T.string, T.u8), T.bool) },
  { fn: 'rtMapListU8U32', ty: T.map(T.list(T.u8), T.u32) },
  { fn: 'rtMapResultU8StringBool', ty: T.map(T.result(T.u8, T.string), T.bool) },
  { fn: 'rtMapStringMapU32Bool', ty: T.map(T.string, T.map(T.u32, T.bool)) },
  { fn: 'rtMapBoolTuple3', ty: T.map(T.bool, T.tuple(T.u8, T.u8, T.u8)) },
  { fn: 'rtMapU512U128', ty: T.map(T.u512, T.u128) },
  { fn: 'rtOptionU512', ty: T.option(T.u512) },
  { fn: 'rtTuple1U32', ty: T.tuple(T.u32) },
  { fn: 'rtTuple2StringU64', ty: T.tuple(T.string, T.u64) },
  { fn: 'rtTuple3BoolI64String', ty: T.tuple(T.bool, T.i64, T.string) },
  { fn: 'rtTuple1Tuple2', ty: T.tuple(T.tuple(T.option(T.u8), T.list(T.string))) },
  { fn: 'rtTuple3Mixed', ty: T.tuple(T.unit, T.map(T.u8, T.u8), T.result(T.i32, T.unit)) },
];

const N = 1000;

/** A valid encoding with one to three bytes changed, one byte inserted or one removed. */
function mutate(rng: Rng, b: number[]): number[] {
  const out = [...b];
  const r = int(rng, 4);
  if (r === 0 || out.length === 0) out.splice(int(rng, out.length + 1), 0, int(rng, 256));
  else if (r === 1) out.splice(int(rng, out.length), 1);
  else for (let i = 0; i <= int(rng, 3); i++) out[int(rng, out.length)] = pick(rng, [0, 1, 2, 0xff, int(rng, 256)]);
  return out;
}

describe.each(CASES)('$fn', ({ fn, ty }) => {
  test(`${N} random values: AS bytes and CLType == casper-js-sdk, round trip`, () => {
    const rng = prng(0xc0dec + fn.length * 7919 + fn.charCodeAt(2));
    const sdkTypeBytes = Array.from(sdkType(ty).toBytes());
    expect(sdkTypeBytes).toEqual(refType(ty));
    for (let i = 0; i < N; i++) {
      const v = gen(ty, rng);
      const sdk = toSdk(ty, v);
      const bytes = Array.from(sdk.bytes());
      expect(hex(bytes)).toBe(hex(refEnc(ty, v)));
      expect(Array.from(sdk.getType().toBytes())).toEqual(sdkTypeBytes);
      expect(hex(call(fn, bytes))).toBe(hex([0, ...bytes, ...sdkTypeBytes]));
    }
  });

  test('reference-only values (non-ASCII strings, U512 ≥ 2^256): round trip; map keys in Rust order', () => {
    const rng = prng(0x5eed + fn.length);
    for (let i = 0; i < 200; i++) {
      const v = gen(ty, rng, true);
      const bytes = refEnc(ty, v);
      expect(hex(call(fn, bytes))).toBe(hex([0, ...bytes, ...refType(ty)]));
    }
  });

  test('truncated → 17, extended → 19', () => {
    const rng = prng(0x7a11 + fn.length);
    for (let i = 0; i < 60; i++) {
      const bytes = refEnc(ty, gen(ty, rng));
      for (let n = 0; n < bytes.length; n++) expect(call(fn, bytes.slice(0, n))).toEqual([17]);
      expect(call(fn, [...bytes, int(rng, 256)])).toEqual([19]);
    }
  });

  test('random and mutated bytes decode to casper-types’ exact result, never a trap', () => {
    const rng = prng(0xbad + fn.length * 31);
    const codes = new Set<number>();
    for (let i = 0; i < N; i++) {
      const bytes = i % 2 === 0 ? randBytes(rng, int(rng, 24)) : mutate(rng, refEnc(ty, gen(ty, rng, true)));
      const want = expectFrom(
        bytes,
        (r) => refDec(ty, r),
        (v) => [...refEnc(ty, v), ...refType(ty)],
      );
      codes.add(want[0]);
      expect(hex(call(fn, bytes))).toBe(hex(want));
    }
    expect(codes.size).toBeGreaterThan(1);
  });
});

describe('map ordering and duplicates', () => {
  test('unsorted input with duplicates decodes as BTreeMap (later duplicate wins) and re-encodes sorted', () => {
    const rng = prng(77);
    const ty = T.map(T.string, T.u64) as Extract<Ty, { k: 'map' }>;
    for (let i = 0; i < N; i++) {
      const pairs: [Val, Val][] = Array.from({ length: int(rng, 8) }, () => [
        pick(rng, ['a', 'b', 'ab', '', 'z', 'é', '\u{1F600}', '\uFFFD', '\uE000', 'B']),
        genInt(rng, 'u64'),
      ]);
      const raw = [...u32le(pairs.length), ...pairs.flatMap(([k, v]) => [...strBytes(k), ...u64le(v)])];
      const canon = refEnc(ty, canonicalMap(ty, pairs));
      expect(hex(call('rtMapStringU64', raw))).toBe(hex([0, ...canon, 17, 10, 5]));
    }
  });

  test('astral chars sort after U+E000–U+FFFF (UTF-8 order, not UTF-16)', () => {
    const keys = ['\u{10000}', '\uFFFF', '\uE000', '\uD7FF', 'a'];
    const raw = [...u32le(keys.length), ...keys.flatMap((k, i) => [...strBytes(k), ...u64le(BigInt(i))])];
    const sorted = ['a', '\uD7FF', '\uE000', '\uFFFF', '\u{10000}'];
    const want = [...u32le(5), ...sorted.flatMap((k) => [...strBytes(k), ...u64le(BigInt(keys.indexOf(k)))])];
    expect(hex(call('rtMapStringU64', raw))).toBe(hex([0, ...want, 17, 10, 5]));
  });

  test('CLMap.set/has/get build the same bytes as casper-types', () => {
    const rng = prng(99);
    const ty = T.map(T.string, T.u64) as Extract<Ty, { k: 'map' }>;
    for (let i = 0; i < N; i++) {
      const pairs: [Val, Val][] = Array.from({ length: int(rng, 10) }, () => [
        genString(rng, rng() < 0.3).slice(0, 3),
        genInt(rng, 'u64'),
      ]);
      const m = canonicalMap(ty, pairs);
      const queries = [...pairs.map(([k]) => k), 'absent?', ''].slice(0, 12);
      const spec = refEnc(T.list(T.tuple(T.string, T.u64)), pairs);
      const q = refEnc(T.list(T.string), queries);
      const answers = queries.flatMap((k) => {
        const e = m.find(([k2]) => k2 === k);
        return [e ? 1 : 0, ...u64le(e ? e[1] : 0n)];
      });
      expect(hex(call('buildMapStringU64', spec, q))).toBe(hex([0, ...refEnc(ty, m), ...answers]));
    }
  });

  test('signed keys sort numerically (negative first), as casper-js-sdk bytes in key order', () => {
    const rng = prng(1234);
    const ty = T.map(T.i64, T.string) as Extract<Ty, { k: 'map' }>;
    for (let i = 0; i < N; i++) {
      const pairs: [Val, Val][] = Array.from({ length: int(rng, 8) }, () => [
        genInt(rng, 'i64'),
        genString(rng, false),
      ]);
      const m = canonicalMap(ty, pairs);
      const sdkBytes = Array.from(toSdk(ty, m).bytes());
      expect(call('buildMapI64String', refEnc(T.list(T.tuple(T.i64, T.string)), pairs))).toEqual([0, ...sdkBytes]);
    }
  });

  test('casper-js-sdk writes map entries in insertion order (casper-types sorts them)', () => {
    const m = CLValue.newCLMap(CLTypeString, CLTypeUInt64);
    expect(m.map!.append(CLValue.newCLString('b'), CLValue.newCLUint64(1))).toBeNull();
    expect(m.map!.append(CLValue.newCLString('a'), CLValue.newCLUint64(2))).toBeNull();
    const b = (k: string, v: bigint): string => hex([...strBytes(k), ...u64le(v)]);
    expect(hex(m.bytes())).toBe(`02000000${b('b', 1n)}${b('a', 2n)}`);
    expect(hex(call('rtMapStringU64', Array.from(m.bytes())))).toBe(`0002000000${b('a', 2n)}${b('b', 1n)}110a05`);
  });
});

describe('builders and helpers', () => {
  test('Option/Result/Tuple/Unit builders as CLValues', () => {
    const out = call('builders');
    const parts: string[] = [];
    for (let p = 0; p < out.length; ) {
      const n = out[p] | (out[p + 1] << 8) | (out[p + 2] << 16) | (out[p + 3] << 24);
      parts.push(hex(out.slice(p + 4, p + 4 + n)));
      p += 4 + n;
    }
    const w = (c: CLValue): string => hex(CLValueParser.toBytesWithType(c));
    expect(parts).toEqual([
      w(CLValue.newCLOption(CLValue.newCLUint64(42))),
      w(CLValue.newCLOption(null, CLTypeString)),
      w(CLValue.newCLResult(CLTypeUInt64, CLTypeString, CLValue.newCLUint64(7), true)),
      w(CLValue.newCLResult(CLTypeUInt64, CLTypeString, CLValue.newCLString('bad'), false)),
      w(CLValue.newCLTuple1(CLValue.newCLUint8(1))),
      w(CLValue.newCLTuple2(CLValue.newCLUint8(2), CLValue.newCLString('b'))),
      w(CLValue.newCLTuple3(CLValue.newCLUint8(3), CLValue.newCLValueBool(true), CLValue.newCLInt32(-3))),
      w(CLValue.newCLUnit()),
      w(CLValue.newCLList(new CLTypeList(CLTypeUInt8), [])),
      w(CLValue.newCLOption(null, new CLTypeByteArray(32))),
    ]);
    expect(hex(call('clvUnitValue'))).toBe('0000000009');
  });

  test('clTypeBytes<T>() on null instances equals casper-js-sdk CLType bytes', () => {
    const out = call('clTypesOfNull');
    const parts: string[] = [];
    for (let p = 0; p < out.length; ) {
      const n = out[p] | (out[p + 1] << 8) | (out[p + 2] << 16) | (out[p + 3] << 24);
      parts.push(hex(out.slice(p + 4, p + 4 + n)));
      p += 4 + n;
    }
    const types: CLType[] = [
      CLTypeBool,
      CLTypeInt32,
      CLTypeInt64,
      CLTypeUInt8,
      CLTypeUInt32,
      CLTypeUInt64,
      CLTypeUnit,
      CLTypeString,
      new CLTypeOption(CLTypeUInt64),
      new CLTypeList(new CLTypeOption(CLTypeString)),
      new CLTypeResult(CLTypeUnit, CLTypeUInt32),
      new CLTypeMap(CLTypeString, new CLTypeList(CLTypeUInt8)),
      new CLTypeTuple1(CLTypeBool),
      new CLTypeTuple2(CLTypeUInt8, CLTypeString),
      new CLTypeTuple3(CLTypeInt32, CLTypeInt64, CLTypeUnit),
      new CLTypeByteArray(32),
      new CLTypeOption(
        new CLTypeTuple2(
          new CLTypeMap(CLTypeUInt64, CLTypeBool),
          new CLTypeResult(CLTypeString, new CLTypeList(CLTypeInt32)),
        ),
      ),
      CLTypeKey,
      CLTypeUref,
      CLTypePublicKey,
      CLTypeUInt128,
      CLTypeUInt256,
      CLTypeUInt512,
      CLTypeUInt64,
      CLTypeString,
      CLTypeUnit,
      new CLTypeList(CLTypeUInt512),
    ];
    expect(parts).toEqual(types.map((t) => hex(t.toBytes())));
  });

  test('Option.unwrap reverts with ApiError::None (1) on None; unwrapOr, isNone', () => {
    expect(BigInt(h.optionUnwrap(putBytes(h, Uint8Array.from([1, ...u64le(5n)]), h.STATIC_ARRAY_U8_ID.value)))).toBe(
      10n,
    );
    expect(() => h.optionUnwrap(putBytes(h, Uint8Array.from([0]), h.STATIC_ARRAY_U8_ID.value))).toThrow('revert 1');
  });

  test('compare() on Option, Result and Tuple2 follows Rust Ord', () => {
    const rng = prng(4242);
    const kinds: Ty[] = [T.option(T.u32), T.result(T.u8, T.string), T.tuple(T.string, T.u8)];
    for (let i = 0; i < N; i++) {
      const kind = i % 3;
      const a = gen(kinds[kind], rng, true);
      const b = rng() < 0.2 ? a : gen(kinds[kind], rng, true);
      const pa = putBytes(h, Uint8Array.from(refEnc(kinds[kind], a)), h.STATIC_ARRAY_U8_ID.value);
      const pb = putBytes(h, Uint8Array.from(refEnc(kinds[kind], b)), h.STATIC_ARRAY_U8_ID.value);
      expect(h.compareEncoded(kind, pa, pb)).toBe(Math.sign(cmp(kinds[kind], a, b)));
    }
  });
});

describe('ByteArray(N)', () => {
  test(`${N} random arrays: bytes and CLType == casper-js-sdk; short input → 17, long → 19`, () => {
    const rng = prng(3131);
    for (let i = 0; i < N; i++) {
      const n = pick(rng, [0, 1, 8, 32, 33, int(rng, 70)]);
      const v = randBytes(rng, n);
      const sdk = CLValue.newCLByteArray(Uint8Array.from(v));
      const bytes = Array.from(sdk.bytes());
      expect(bytes).toEqual(v);
      expect(hex(call('rtByteArray', [...u32le(n), ...bytes]))).toBe(hex([0, ...bytes, ...sdk.getType().toBytes()]));
      if (n > 0) expect(call('rtByteArray', [...u32le(n), ...bytes.slice(0, int(rng, n))])).toEqual([17]);
      expect(call('rtByteArray', [...u32le(n), ...bytes, 0])).toEqual([19]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// CLType validation.

/** A random CLType (any of the 23 tags) as bytes, up to `depth` levels. */
function genTypeBytes(rng: Rng, depth: number): number[] {
  const tag = depth <= 1 ? pick(rng, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 21, 22]) : int(rng, 23);
  if (tag === 15) return [15, ...u32le(int(rng, 100))];
  if (tag === 13 || tag === 14 || tag === 18) return [tag, ...genTypeBytes(rng, depth - 1)];
  if (tag === 16 || tag === 17 || tag === 19)
    return [tag, ...genTypeBytes(rng, depth - 1), ...genTypeBytes(rng, depth - 1)];
  if (tag === 20)
    return [tag, ...genTypeBytes(rng, depth - 1), ...genTypeBytes(rng, depth - 1), ...genTypeBytes(rng, depth - 1)];
  return [tag];
}

const refCheckType = (b: number[]): number[] =>
  expectFrom(
    b,
    (r) => refSkipType(r),
    () => b,
  );

describe('CLType validation (skipCLType)', () => {
  test('depth: 50 nested tags decode, 51 fail with ExceededRecursionDepth (39)', () => {
    for (const wrap of [13, 14, 18]) {
      const ok = [...Array(49).fill(wrap), 0];
      expect(call('checkCLType', ok)).toEqual([0, ...ok]);
      expect(call('checkCLType', [...Array(50).fill(wrap), 0])).toEqual([39]);
      // The depth check comes before the tag read: 50 wrappers and no more input is still 39.
      expect(call('checkCLType', Array(50).fill(wrap))).toEqual([39]);
      expect(call('checkCLType', Array(49).fill(wrap))).toEqual([17]);
    }
    // Siblings do not add depth; the deepest path counts.
    const deep = (n: number): number[] => [...Array(n).fill(13), 10];
    const t3 = [20, ...deep(48), ...deep(48), ...deep(48)];
    expect(call('checkCLType', t3)).toEqual([0, ...t3]);
    expect(call('checkCLType', [20, ...deep(48), ...deep(49), ...deep(48)])).toEqual([39]);
    const map = [17, 5, ...deep(48)];
    expect(call('checkCLType', map)).toEqual([0, ...map]);
    expect(call('checkCLType', [17, 5, ...deep(49)])).toEqual([39]);
    const res = [16, ...deep(48), 10];
    expect(call('checkCLType', res)).toEqual([0, ...res]);
    expect(call('checkCLType', [16, 10, 16, 10, ...deep(48)])).toEqual([39]);
  });

  test('unknown tags → 18; ByteArray needs its u32 → 17; every known tag accepted', () => {
    for (let tag = 0; tag < 256; tag++) {
      const want = refCheckType([tag, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(call('checkCLType', [tag, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual(want);
    }
    expect(call('checkCLType', [23])).toEqual([18]);
    expect(call('checkCLType', [255])).toEqual([18]);
    expect(call('checkCLType', [15, 1, 0, 0])).toEqual([17]);
    expect(call('checkCLType', [21])).toEqual([0, 21]);
    expect(call('checkCLType', [22])).toEqual([0, 22]);
    expect(call('checkCLType', [])).toEqual([17]);
  });

  test(`${N} random types and ${N} mutations match casper-types' CLType::from_bytes`, () => {
    const rng = prng(2718);
    for (let i = 0; i < N; i++) {
      const t = genTypeBytes(rng, 1 + int(rng, 5));
      expect(call('checkCLType', t)).toEqual([0, ...t]);
      const m = i % 3 === 0 ? randBytes(rng, int(rng, 12)) : mutate(rng, t);
      expect(call('checkCLType', m)).toEqual(refCheckType(m));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// CLValue.

/** A random type for CLValues and arguments, from the round-trip table. */
const VALUE_TYPES: Ty[] = [...CASES.map((c) => c.ty), T.bytearray(32), T.bytearray(5)];

describe('CLValue', () => {
  test(`${N} random CLValues: casper-js-sdk toBytesWithType round-trips`, () => {
    const rng = prng(555);
    for (let i = 0; i < N; i++) {
      const ty = pick(rng, VALUE_TYPES);
      const v = gen(ty, rng);
      const sdk = Array.from(CLValueParser.toBytesWithType(toSdk(ty, v)));
      const val = refEnc(ty, v);
      expect(hex(sdk)).toBe(hex([...u32le(val.length), ...val, ...refType(ty)]));
      expect(hex(call('rtCLValue', sdk))).toBe(hex([0, ...sdk]));
    }
  });

  test('CLValue.from<T> equals casper-js-sdk toBytesWithType', () => {
    const rng = prng(556);
    const fns: [string, Ty][] = [
      ['clvU64', T.u64],
      ['clvString', T.string],
      ['clvUnit', T.unit],
      ['clvOptionI32', T.option(T.i32)],
      ['clvListString', T.list(T.string)],
      ['clvMapStringU64', T.map(T.string, T.u64)],
      ['clvResultU64String', T.result(T.u64, T.string)],
      ['clvTuple3BoolI64String', T.tuple(T.bool, T.i64, T.string)],
    ];
    for (let i = 0; i < N; i++) {
      const [fn, ty] = fns[i % fns.length];
      const v = gen(ty, rng);
      const sdk = toSdk(ty, v);
      expect(hex(call(fn, Array.from(sdk.bytes())))).toBe(hex([0, ...CLValueParser.toBytesWithType(sdk)]));
    }
  });

  test('CLValue.get<T> decodes the whole value (LeftOverBytes / EarlyEndOfStream / Formatting)', () => {
    const clv = (inner: number[], type: number[]): number[] => [...u32le(inner.length), ...inner, ...type];
    expect(call('clvGetU64', clv(u64le(77n), [5]))).toEqual([0, 0, ...u64le(77n)]);
    expect(call('clvGetU64', clv([1, 2, 3], [5]))).toEqual([0, 17]);
    expect(call('clvGetU64', clv([...u64le(1n), 9], [5]))).toEqual([0, 19]);
    expect(call('clvGetString', clv(strBytes('hi'), [10]))).toEqual([0, 0, ...strBytes('hi')]);
    expect(call('clvGetString', clv([1, 0, 0, 0, 0xff], [10]))).toEqual([0, 18]);
    expect(call('clvGetOptionI32', clv([2], [13, 1]))).toEqual([0, 18]);
    expect(call('clvGetOptionI32', clv([1, 0xff, 0xff, 0xff, 0xff], [13, 1]))).toEqual([
      0, 0, 1, 0xff, 0xff, 0xff, 0xff,
    ]);
    // The CLType is not checked by get<T>, as the inner bytes are all it reads.
    expect(call('clvGetU64', clv(u64le(3n), [10]))).toEqual([0, 0, ...u64le(3n)]);
  });

  test('truncated → 17, extended → 19; random and mutated bytes → casper-types’ result', () => {
    const rng = prng(557);
    for (let i = 0; i < 100; i++) {
      const ty = pick(rng, VALUE_TYPES);
      const b = Array.from(CLValueParser.toBytesWithType(toSdk(ty, gen(ty, rng))));
      for (let n = 0; n < b.length; n++) expect(call('rtCLValue', b.slice(0, n))).toEqual([17]);
      expect(call('rtCLValue', [...b, 0])).toEqual([19]);
    }
    for (let i = 0; i < N; i++) {
      const ty = pick(rng, VALUE_TYPES);
      const b =
        i % 2
          ? randBytes(rng, int(rng, 16))
          : mutate(rng, Array.from(CLValueParser.toBytesWithType(toSdk(ty, gen(ty, rng)))));
      expect(call('rtCLValue', b)).toEqual(expectFrom(b, refDecCLValue, (x) => x));
    }
    // An over-deep CLType in a CLValue is ExceededRecursionDepth.
    expect(call('rtCLValue', [0, 0, 0, 0, ...Array(50).fill(14), 0])).toEqual([39]);
    expect(call('rtCLValue', [0, 0, 0, 0, ...Array(49).fill(14), 0])).toEqual([
      0,
      0,
      0,
      0,
      0,
      ...Array(49).fill(14),
      0,
    ]);
    expect(call('rtCLValue', [0, 0, 0, 0, 23])).toEqual([18]);
  });
});

// ---------------------------------------------------------------------------------------------
// RuntimeArgs.

/** Kinds understood by the harness's buildArgs (kind → type). */
const ARG_KINDS: Ty[] = [
  T.bool,
  T.i32,
  T.i64,
  T.u8,
  T.u32,
  T.u64,
  T.unit,
  T.string,
  T.option(T.u64),
  T.list(T.string),
  T.map(T.string, T.u64),
  T.tuple(T.string, T.u64),
  T.result(T.u64, T.string),
  T.bytearray(32),
];

const refArgs = (args: [string, number[]][]): number[] => [
  ...u32le(args.length),
  ...args.flatMap(([n, cl]) => [...strBytes(n), ...cl]),
];
const refCLValue = (ty: Ty, v: Val): number[] => {
  const b = refEnc(ty, v);
  return [...u32le(b.length), ...b, ...refType(ty)];
};

describe('RuntimeArgs', () => {
  test(`${N} random argument lists: round trip of casper-js-sdk Args bytes`, () => {
    const rng = prng(808);
    for (let i = 0; i < N; i++) {
      const n = int(rng, 5);
      const map: Record<string, CLValue> = {};
      const ref: [string, number[]][] = [];
      for (let j = 0; j < n; j++) {
        const name = `${genString(rng, false)}#${j}`;
        const ty = pick(rng, VALUE_TYPES);
        const v = gen(ty, rng);
        map[name] = toSdk(ty, v);
        ref.push([name, refCLValue(ty, v)]);
      }
      const sdk = Array.from(Args.fromMap(map).toBytes());
      expect(hex(sdk)).toBe(hex(refArgs(ref)));
      expect(hex(call('rtRuntimeArgs', sdk))).toBe(hex([0, ...sdk]));
    }
  });

  test(`${N} argument lists built with insert<T> equal casper-js-sdk Args bytes`, () => {
    const rng = prng(809);
    for (let i = 0; i < N; i++) {
      const n = int(rng, 6);
      const map: Record<string, CLValue> = {};
      const spec: Val[] = [];
      for (let j = 0; j < n; j++) {
        const name = `${genString(rng, false)}.${j}`;
        const kind = int(rng, ARG_KINDS.length + 1);
        const ty = kind < ARG_KINDS.length ? ARG_KINDS[kind] : pick(rng, VALUE_TYPES);
        const v = gen(ty, rng);
        map[name] = toSdk(ty, v);
        const raw = kind < ARG_KINDS.length ? refEnc(ty, v) : refCLValue(ty, v);
        spec.push([name, BigInt(kind), raw.map(BigInt)]);
      }
      const specBytes = refEnc(T.list(T.tuple(T.string, T.u8, T.list(T.u8))), spec);
      expect(hex(call('buildArgs', specBytes))).toBe(hex([0, ...Args.fromMap(map).toBytes()]));
    }
  });

  test('duplicate names are kept in order; get() returns the first match, null when absent', () => {
    const a = refCLValue(T.u64, 1n);
    const b = refCLValue(T.string, 'two');
    const c = refCLValue(T.unit, null);
    const args = refArgs([
      ['x', a],
      ['y', b],
      ['x', c],
    ]);
    expect(call('rtRuntimeArgs', args)).toEqual([0, ...args]);
    const q = refEnc(T.list(T.string), ['x', 'y', 'z', '']);
    expect(call('argsGet', args, q)).toEqual([0, ...u32le(3), 1, ...a, 1, ...b, 0, 0]);
    expect(call('argsGet', refArgs([]), q)).toEqual([0, ...u32le(0), 0, 0, 0, 0]);
  });

  test('worked example 4 of the ABI note (amount U512, target AccountHash) round-trips', () => {
    const ex =
      '0200000006000000616d6f756e74050000000400ca9a3b08060000007461726765742000000011111111111111111111111111111111111111111111111111111111111111110f20000000';
    const b = Array.from(Buffer.from(ex, 'hex'));
    expect(hex(call('rtRuntimeArgs', b))).toBe(`00${ex}`);
  });

  test('truncated → 17, extended → 19; random and mutated bytes → casper-types’ result', () => {
    const rng = prng(810);
    const refDecArgs = (r: Reader): number[] => {
      const n = r.u32();
      const out: [string, number[]][] = [];
      for (let i = 0; i < n; i++) {
        const name = refDecString(r);
        out.push([name, refDecCLValue(r)]);
      }
      return refArgs(out);
    };
    const randomArgs = (): number[] => {
      const n = 1 + int(rng, 3);
      return refArgs(
        Array.from({ length: n }, (_, j) => {
          const ty = pick(rng, VALUE_TYPES);
          return [`a${j}`, refCLValue(ty, gen(ty, rng, true))] as [string, number[]];
        }),
      );
    };
    for (let i = 0; i < 60; i++) {
      const b = randomArgs();
      for (let n = 0; n < b.length; n++) expect(call('rtRuntimeArgs', b.slice(0, n))).toEqual([17]);
      expect(call('rtRuntimeArgs', [...b, 1])).toEqual([19]);
    }
    for (let i = 0; i < N; i++) {
      const b = i % 2 ? randBytes(rng, int(rng, 20)) : mutate(rng, randomArgs());
      expect(call('rtRuntimeArgs', b)).toEqual(expectFrom(b, refDecArgs, (x) => x));
    }
    // A count far larger than the input ends at the input's end (17), without a huge allocation.
    expect(call('rtRuntimeArgs', [0xff, 0xff, 0xff, 0xff, ...strBytes('a'), 0, 0, 0, 0, 9])).toEqual([17]);
    // A bad name (invalid UTF-8) is Formatting even with an oversized count, as casper-types reads in order.
    expect(call('rtRuntimeArgs', [0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0, 0xff])).toEqual([18]);
  });
});

describe('List decoding reads elements in order (bytesrepr fix)', () => {
  test('an element error is reported even when the count exceeds the input', () => {
    expect(call('rtListBool', [5, 0, 0, 0, 2])).toEqual([18]);
    expect(call('rtListString', [100, 0, 0, 0, 1, 0, 0, 0, 0xc0])).toEqual([18]);
    expect(call('rtListU64', [0xff, 0xff, 0xff, 0xff, 1, 2, 3])).toEqual([17]);
  });
});

// ---------------------------------------------------------------------------------------------
// NamedKeys (BTreeMap<String, Key>): casper-js-sdk CLValue Map(String, Key) is the oracle.

const KEY_PREFIXES = [
  'account-hash-',
  'hash-',
  'uref-',
  'transfer-',
  'deploy-',
  'era-',
  'balance-',
  'bid-',
  'withdraw-',
  'dictionary-',
  'system-contract-registry-',
  'era-summary-',
  'unbond-',
  'chainspec-registry-',
  'checksum-registry-',
];

/**
 * A random Key: its tag, the casper-js-sdk Key and its bytes as casper-types writes them.
 * casper-js-sdk 5 handles Key::EraInfo only below 2^53 - 1 (it goes through a JS number and then
 * throws "overflow"), so eras of 2^52 and above are generated only when `fullEra` (no oracle) is set.
 */
function genKey(rng: Rng, fullEra = false): { tag: number; sdk: Key | null; bytes: number[] } {
  const tag = int(rng, 15);
  const unitVariant = tag >= 10 && tag !== 12;
  const payload = unitVariant ? Array(32).fill(0) : randBytes(rng, 32);
  let src = KEY_PREFIXES[tag] + hex(payload);
  let bytes = [tag, ...payload];
  if (tag === 2) {
    const rights = int(rng, 8);
    src += `-00${rights}`;
    bytes = [...bytes, rights];
  } else if (tag === 5) {
    const era = fullEra ? genInt(rng, 'u64') : genInt(rng, 'u64') & (2n ** 52n - 1n);
    src = `era-${era}`;
    bytes = [5, ...u64le(era)];
  }
  return { tag, sdk: fullEra ? null : Key.newKey(src), bytes };
}

/** casper-types Key::from_bytes as canonical bytes (data-less variants re-encode as zeros). */
function refDecKey(r: Reader): number[] {
  const tag = r.u8();
  if (tag > 14) throw new DecodeError(18);
  const p = r.take(tag === 2 ? 33 : tag === 5 ? 8 : 32);
  if (tag === 2 && p[32] > 7) throw new DecodeError(18);
  return [tag, ...(tag >= 10 && tag !== 12 ? Array(32).fill(0) : p)];
}

/** NamedKeys bytes from (name, key bytes) pairs: later duplicates win, sorted by name bytes. */
function refNamedKeys(pairs: [string, number[]][]): number[] {
  const m = new Map<string, number[]>();
  for (const [n, k] of pairs) m.set(n, k);
  const sorted = [...m.entries()].sort((a, b) => Buffer.compare(Buffer.from(a[0], 'utf8'), Buffer.from(b[0], 'utf8')));
  return [...u32le(sorted.length), ...sorted.flatMap(([n, k]) => [...strBytes(n), ...k])];
}

describe('NamedKeys', () => {
  test('worked example 6 of the ABI note', () => {
    const ex = `010000000700000063 6f756e746572 02${'2a'.repeat(32)}07`.replace(/ /g, '');
    expect(hex(call('rtNamedKeys', Array.from(Buffer.from(ex, 'hex'))))).toBe(`00${ex}110a0b`);
  });

  test(`${N} random NamedKeys: AS bytes and CLType == casper-js-sdk Map(String, Key); insert/get/has/remove`, () => {
    const rng = prng(6060);
    const mapType = new CLTypeMap(CLTypeString, CLTypeKey);
    expect(hex(mapType.toBytes())).toBe('110a0b');
    for (let i = 0; i < N; i++) {
      const n = int(rng, 6);
      const names = Array.from({ length: n }, () => genString(rng, false).slice(0, 4));
      const keys = names.map(() => genKey(rng));
      // The oracle: a casper-js-sdk map with the entries appended in ascending name order.
      const latest = new Map<string, (typeof keys)[0]>();
      for (let j = 0; j < n; j++) latest.set(names[j], keys[j]);
      const sortedNames = [...latest.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const m = CLValue.newCLMap(CLTypeString, CLTypeKey);
      for (const nm of sortedNames)
        expect(m.map!.append(CLValue.newCLString(nm), CLValue.newCLKey(latest.get(nm)!.sdk!))).toBeNull();
      const sdk = Array.from(m.bytes());
      expect(hex(sdk)).toBe(hex(refNamedKeys(names.map((nm, j) => [nm, keys[j].bytes]))));
      expect(hex(call('rtNamedKeys', sdk))).toBe(hex([0, ...sdk, ...m.getType().toBytes()]));

      // Built with insert (in random order, duplicates replaced), then remove and queries.
      const spec = [...u32le(n), ...names.flatMap((nm, j) => [...strBytes(nm), ...keys[j].bytes])];
      const removes = sortedNames.length > 0 && rng() < 0.5 ? [pick(rng, sortedNames), 'not-there'] : ['not-there'];
      const after = new Map(latest);
      const removed = removes.map((r) => after.delete(r));
      const queries = [...names, 'zz', ''];
      const remaining = refNamedKeys([...after.entries()].map(([nm, k]) => [nm, k.bytes]));
      const left = [...after.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const want = [
        0,
        ...removed.map(Number),
        ...remaining,
        ...u32le(after.size),
        ...refEnc(T.list(T.string), left),
        ...queries.flatMap((q) => (after.has(q) ? [1, ...after.get(q)!.bytes] : [0])),
      ];
      expect(
        hex(call('buildNamedKeys', spec, refEnc(T.list(T.string), removes), refEnc(T.list(T.string), queries))),
      ).toBe(hex(want));
    }
  });

  test('unsorted input with duplicate names decodes with the later entry winning', () => {
    const k1 = [1, ...Array(32).fill(1)];
    const k2 = [0, ...Array(32).fill(2)];
    const k3 = [5, ...u64le(9n)];
    const raw = [...u32le(3), ...strBytes('b'), ...k1, ...strBytes('a'), ...k2, ...strBytes('b'), ...k3];
    expect(hex(call('rtNamedKeys', raw))).toBe(
      hex([0, ...u32le(2), ...strBytes('a'), ...k2, ...strBytes('b'), ...k3, 17, 10, 11]),
    );
  });

  test('truncated → 17, extended → 19; random and mutated bytes → casper-types’ result', () => {
    const rng = prng(6161);
    const refDecNamedKeys = (r: Reader): number[] => {
      const n = r.u32();
      const pairs: [string, number[]][] = [];
      for (let i = 0; i < n; i++) {
        const name = refDecString(r);
        pairs.push([name, refDecKey(r)]);
      }
      return [...refNamedKeys(pairs), 17, 10, 11];
    };
    const random = (): number[] =>
      refNamedKeys(
        Array.from(
          { length: 1 + int(rng, 3) },
          () => [genString(rng, true), genKey(rng, true).bytes] as [string, number[]],
        ),
      );
    for (let i = 0; i < 60; i++) {
      const b = random();
      for (let n = 0; n < b.length; n++) expect(call('rtNamedKeys', b.slice(0, n))).toEqual([17]);
      expect(call('rtNamedKeys', [...b, 0])).toEqual([19]);
    }
    for (let i = 0; i < N; i++) {
      const b = i % 2 ? randBytes(rng, int(rng, 40)) : mutate(rng, random());
      expect(hex(call('rtNamedKeys', b))).toBe(hex(expectFrom(b, refDecNamedKeys, (x) => x)));
    }
    expect(call('rtNamedKeys', [1, 0, 0, 0, ...strBytes('k'), 15, ...Array(32).fill(0)])).toEqual([18]);
    expect(call('rtNamedKeys', [1, 0, 0, 0, ...strBytes('k'), 2, ...Array(32).fill(0), 8])).toEqual([18]);
  });
});
