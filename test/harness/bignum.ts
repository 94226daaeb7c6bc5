// Harness for assembly/bignum.ts: U128 / U256 / U512 codec, decimal strings and arithmetic.
// `width` is 128, 256 or 512. Values cross the boundary as little-endian bytes (toBytesLE /
// fromBytesLE) or as bytesrepr bytes; results start with a status byte.

import { U128, U256, U512 } from '../../assembly/bignum';
import { Decoder, decode, Encoder, encode, writeCLType } from '../../assembly/bytesrepr';

/** The runtime id of StaticArray<u8>, for the loader's __newArray. */
export const STATIC_ARRAY_U8_ID = idof<StaticArray<u8>>();

/** Operation kinds for `op`. */
const ADD = 0,
  SUB = 1,
  MUL = 2,
  DIV = 3,
  REM = 4;
const CHECKED_ADD = 5,
  CHECKED_SUB = 6,
  CHECKED_MUL = 7,
  CHECKED_DIV = 8,
  CHECKED_REM = 9;
const COMPARE = 10;

function isNull<T>(v: T | null): bool {
  return changetype<usize>(v) == 0;
}

/** T.fromBytesLE(bytes) for the concrete width T. */
function fromLE<T>(bytes: StaticArray<u8>): T | null {
  if (idof<T>() == idof<U128>()) return changetype<T | null>(U128.fromBytesLE(bytes));
  if (idof<T>() == idof<U256>()) return changetype<T | null>(U256.fromBytesLE(bytes));
  return changetype<T | null>(U512.fromBytesLE(bytes));
}

/** T.fromString(s) for the concrete width T. */
function fromStr<T>(s: string): T | null {
  if (idof<T>() == idof<U128>()) return changetype<T | null>(U128.fromString(s));
  if (idof<T>() == idof<U256>()) return changetype<T | null>(U256.fromString(s));
  return changetype<T | null>(U512.fromString(s));
}

/** T.fromU64(v) for the concrete width T. */
function fromU64<T>(v: u64): T {
  if (idof<T>() == idof<U128>()) return changetype<T>(U128.fromU64(v));
  if (idof<T>() == idof<U256>()) return changetype<T>(U256.fromU64(v));
  return changetype<T>(U512.fromU64(v));
}

/** T.max() for the concrete width T. */
function maxOf<T>(): T {
  if (idof<T>() == idof<U128>()) return changetype<T>(U128.max());
  if (idof<T>() == idof<U256>()) return changetype<T>(U256.max());
  return changetype<T>(U512.max());
}

/** [0, ...LE bytes] for a value, [1] for null. */
function result<T>(v: T | null): StaticArray<u8> {
  const enc = new Encoder();
  if (isNull(v)) {
    enc.putU8(1);
  } else {
    enc.putU8(0);
    // @ts-ignore: U128 | U256 | U512
    enc.putFixed(changetype<T>(v).toBytesLE());
  }
  return enc.toBytes();
}

function opT<T>(kind: u32, ab: StaticArray<u8>, bb: StaticArray<u8>): StaticArray<u8> {
  const a = changetype<T>(fromLE<T>(ab));
  const b = changetype<T>(fromLE<T>(bb));
  // Operands must be left unchanged by every operation.
  const a0 = a.toBytesLE();
  const b0 = b.toBytesLE();
  let out: StaticArray<u8>;
  if (kind == ADD) out = result<T>(a + b);
  else if (kind == SUB) out = result<T>(a - b);
  else if (kind == MUL) out = result<T>(a * b);
  else if (kind == DIV) out = result<T>(a / b);
  else if (kind == REM) out = result<T>(a % b);
  else if (kind == CHECKED_ADD) out = result<T>(a.checkedAdd(b));
  else if (kind == CHECKED_SUB) out = result<T>(a.checkedSub(b));
  else if (kind == CHECKED_MUL) out = result<T>(a.checkedMul(b));
  else if (kind == CHECKED_DIV) out = result<T>(a.checkedDiv(b));
  else if (kind == CHECKED_REM) out = result<T>(a.checkedRem(b));
  else if (kind == COMPARE) {
    // [0, flags, cmp + 1]: flags bit 0 ==, 1 !=, 2 <, 3 <=, 4 >, 5 >=.
    let f: u8 = 0;
    if (a == b) f |= 1;
    if (a != b) f |= 2;
    if (a < b) f |= 4;
    if (a <= b) f |= 8;
    if (a > b) f |= 16;
    if (a >= b) f |= 32;
    out = StaticArray.fromArray<u8>([0, f, <u8>(a.cmp(b) + 1)]);
  } else {
    out = StaticArray.fromArray<u8>([255]);
  }
  const a1 = a.toBytesLE();
  const b1 = b.toBytesLE();
  for (let i = 0; i < a0.length; i++) {
    if (unchecked(a0[i]) != unchecked(a1[i]) || unchecked(b0[i]) != unchecked(b1[i]))
      return StaticArray.fromArray<u8>([254]);
  }
  return out;
}

/**
 * Applies operation `kind` (0 + 1 - 2 * 3 / 4 %, 5..9 checkedAdd/Sub/Mul/Div/Rem, 10 compare) to
 * a and b (little-endian, at most width/8 bytes). Returns [0, ...result LE] or [1] for null;
 * compare returns [0, flags (bit 0 ==, 1 !=, 2 <, 3 <=, 4 >, 5 >=), cmp + 1]; [254] if an operand changed.
 */
export function op(kind: u32, width: u32, a: StaticArray<u8>, b: StaticArray<u8>): StaticArray<u8> {
  if (width == 128) return opT<U128>(kind, a, b);
  if (width == 256) return opT<U256>(kind, a, b);
  return opT<U512>(kind, a, b);
}

function roundTripT<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) encode<T>(enc, v);
  return enc.toBytes();
}

/** Decodes `input` as the width's type and re-encodes it: [error code, ...bytes if 0]. */
export function roundTrip(width: u32, input: StaticArray<u8>): StaticArray<u8> {
  if (width == 128) return roundTripT<U128>(input);
  if (width == 256) return roundTripT<U256>(input);
  return roundTripT<U512>(input);
}

function decodeLET<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  // @ts-ignore: U128 | U256 | U512
  if (err == 0) enc.putFixed(v.toBytesLE());
  return enc.toBytes();
}

/** Decodes bytesrepr `input`: [error code, ...value LE (full width) if 0]. */
export function decodeLE(width: u32, input: StaticArray<u8>): StaticArray<u8> {
  if (width == 128) return decodeLET<U128>(input);
  if (width == 256) return decodeLET<U256>(input);
  return decodeLET<U512>(input);
}

function clValueT<T>(le: StaticArray<u8>): StaticArray<u8> {
  const v = changetype<T>(fromLE<T>(le));
  const inner = new Encoder();
  encode<T>(inner, v);
  const enc = new Encoder();
  enc.putBytes(inner.toBytes());
  writeCLType<T>(enc, v);
  writeCLType<T>(enc); // on a null instance, as for an empty list
  return enc.toBytes();
}

/** CLValue bytes of the value (u32 length ‖ bytesrepr ‖ CLType), then the CLType once more from a null instance. */
export function clValue(width: u32, le: StaticArray<u8>): StaticArray<u8> {
  if (width == 128) return clValueT<U128>(le);
  if (width == 256) return clValueT<U256>(le);
  return clValueT<U512>(le);
}

function toStrT<T>(le: StaticArray<u8>): string {
  return changetype<T>(fromLE<T>(le)).toString();
}

/** Decimal string of a little-endian value. */
export function toStr(width: u32, le: StaticArray<u8>): string {
  if (width == 128) return toStrT<U128>(le);
  if (width == 256) return toStrT<U256>(le);
  return toStrT<U512>(le);
}

/** Parses a decimal string: [0, ...LE] or [1] for null. */
export function parse(width: u32, s: string): StaticArray<u8> {
  if (width == 128) return result<U128>(fromStr<U128>(s));
  if (width == 256) return result<U256>(fromStr<U256>(s));
  return result<U512>(fromStr<U512>(s));
}

/** fromBytesLE: [0, ...LE] or [1] for null (input longer than the width). */
export function fromBytes(width: u32, le: StaticArray<u8>): StaticArray<u8> {
  if (width == 128) return result<U128>(fromLE<U128>(le));
  if (width == 256) return result<U256>(fromLE<U256>(le));
  return result<U512>(fromLE<U512>(le));
}

function miscT<T>(le: StaticArray<u8>, v: u64): StaticArray<u8> {
  const x = changetype<T>(fromLE<T>(le));
  const c = x.clone();
  const enc = new Encoder();
  enc.putU8(x.isZero() ? 1 : 0);
  enc.putU64(x.toU64());
  enc.putU8(changetype<usize>(c) != changetype<usize>(x) && c == x ? 1 : 0);
  enc.putFixed(fromU64<T>(v).toBytesLE());
  enc.putFixed(maxOf<T>().toBytesLE());
  enc.putFixed(instantiate<T>().toBytesLE());
  // == and != with null operands: bits 0 null==null, 1 x==null, 2 null==x, 3 x!=null, 4 null!=null.
  const n: T | null = null;
  const m: T | null = null;
  let f: u8 = 0;
  if (n == m) f |= 1;
  if (x == n) f |= 2;
  if (n == x) f |= 4;
  if (x != n) f |= 8;
  if (n != m) f |= 16;
  enc.putU8(f);
  return enc.toBytes();
}

/**
 * [isZero, toU64 (8 bytes LE), clone is a distinct equal object, fromU64(v) LE, max() LE,
 *  new T() LE, null-comparison flags] for a little-endian value.
 */
export function misc(width: u32, le: StaticArray<u8>, v: u64): StaticArray<u8> {
  if (width == 128) return miscT<U128>(le, v);
  if (width == 256) return miscT<U256>(le, v);
  return miscT<U512>(le, v);
}

function decodeGuardT<T>(input: StaticArray<u8>): StaticArray<u8> {
  const v = instantiate<T>();
  const sentinel = new StaticArray<u8>(256); // allocated right after v
  for (let i = 0; i < 256; i++) unchecked((sentinel[i] = 0xa5));
  const dec = Decoder.of(input);
  // @ts-ignore: U128 | U256 | U512
  v.decode(dec);
  let intact: u8 = 1;
  for (let i = 0; i < 256; i++) if (unchecked(sentinel[i]) != 0xa5) intact = 0;
  const enc = new Encoder();
  enc.putU8(<u8>dec.err);
  enc.putU8(intact);
  // @ts-ignore: U128 | U256 | U512
  enc.putFixed(v.toBytesLE());
  return enc.toBytes();
}

/** Decodes into a new value followed in memory by a sentinel: [error, sentinel intact, ...value LE]. */
export function decodeGuard(width: u32, input: StaticArray<u8>): StaticArray<u8> {
  if (width == 128) return decodeGuardT<U128>(input);
  if (width == 256) return decodeGuardT<U256>(input);
  return decodeGuardT<U512>(input);
}
