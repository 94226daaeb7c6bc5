// CLType: tag constants, validation of CLType bytes from untrusted input, and builders for
// CLType bytes (casper-types `cl_type.rs`). A CLType is kept as its bytes (StaticArray<u8>):
// session code only ever writes or forwards types, it never interprets them.

import { U128, U256, U512 } from './bignum';
import { allocBytes, BytesReprError, bytesFrom, Decoder, Encoder, writeCLType } from './bytesrepr';
import { Key } from './key';
import { PublicKey } from './public_key';
import { Unit } from './unit';
import { URef } from './uref';

/** CLType tags (the first byte of a CLType's bytes). */
export namespace CLTypeTag {
  /** bool. */
  export const Bool: u8 = 0;
  /** i32. */
  export const I32: u8 = 1;
  /** i64. */
  export const I64: u8 = 2;
  /** u8. */
  export const U8: u8 = 3;
  /** u32. */
  export const U32: u8 = 4;
  /** u64. */
  export const U64: u8 = 5;
  /** U128. */
  export const U128: u8 = 6;
  /** U256. */
  export const U256: u8 = 7;
  /** U512. */
  export const U512: u8 = 8;
  /** Unit, `()`. */
  export const Unit: u8 = 9;
  /** String. */
  export const String: u8 = 10;
  /** Key. */
  export const Key: u8 = 11;
  /** URef. */
  export const URef: u8 = 12;
  /** Option + inner type. */
  export const Option: u8 = 13;
  /** List + element type. */
  export const List: u8 = 14;
  /** ByteArray + u32 length. */
  export const ByteArray: u8 = 15;
  /** Result + Ok type + Err type. */
  export const Result: u8 = 16;
  /** Map + key type + value type. */
  export const Map: u8 = 17;
  /** Tuple1 + one type. */
  export const Tuple1: u8 = 18;
  /** Tuple2 + two types. */
  export const Tuple2: u8 = 19;
  /** Tuple3 + three types. */
  export const Tuple3: u8 = 20;
  /** Any (opaque bytes). */
  export const Any: u8 = 21;
  /** PublicKey. */
  export const PublicKey: u8 = 22;
}

/** Deepest CLType nesting casper-types decodes (`CL_TYPE_RECURSION_DEPTH`). */
export const CL_TYPE_RECURSION_DEPTH: u32 = 50;

/**
 * Reads over one CLType, validating it as casper-types' `CLType::from_bytes` does: a type nested
 * 50 levels deep (the 51st tag) fails with ExceededRecursionDepth (checked before its tag is
 * read), an unknown tag with Formatting, short input with EarlyEndOfStream.
 */
export function skipCLType(dec: Decoder): void {
  if (dec.err != 0) return;
  if (dec.depth >= CL_TYPE_RECURSION_DEPTH) {
    dec.fail(BytesReprError.ExceededRecursionDepth);
    return;
  }
  dec.depth++;
  const tag = dec.getU8();
  if (tag == CLTypeTag.ByteArray) {
    dec.getU32();
  } else if (tag == CLTypeTag.Option || tag == CLTypeTag.List || tag == CLTypeTag.Tuple1) {
    skipCLType(dec);
  } else if (tag == CLTypeTag.Result || tag == CLTypeTag.Map || tag == CLTypeTag.Tuple2) {
    skipCLType(dec);
    skipCLType(dec);
  } else if (tag == CLTypeTag.Tuple3) {
    skipCLType(dec);
    skipCLType(dec);
    skipCLType(dec);
  } else if (tag > CLTypeTag.PublicKey) {
    dec.fail(BytesReprError.Formatting);
  }
  dec.depth--;
}

/** Reads one CLType (validated by skipCLType) and returns its bytes; empty on error. */
export function readCLType(dec: Decoder): StaticArray<u8> {
  const start = dec.ptr;
  skipCLType(dec);
  if (dec.err != 0) return allocBytes(0);
  return bytesFrom(start, <u32>(dec.ptr - start));
}

// One-byte CLTypes as static StaticArray<u8> objects: `memory.data` bytes laid out as asc lays out
// a static object (20-byte header whose rtId and rtSize matter, then the byte); the pointer is the
// payload, 20 bytes in. Emitted only where a session uses that type: a module-level constant
// would be emitted in every session and move all later static data.
const SA_U8: u8 = <u8>idof<StaticArray<u8>>();

/** The static CLType bytes of T when T's CLType is one parameterless tag, else 0 (a compile-time constant). */
function simpleCLType<T>(): usize {
  if (isBoolean<T>()) return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 0]) + 20;
  if (isInteger<T>()) {
    if (sizeof<T>() == 1)
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 3]) + 20;
    if (sizeof<T>() == 4) {
      if (isSigned<T>())
        return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 1]) + 20;
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 4]) + 20;
    }
    if (sizeof<T>() == 8) {
      if (isSigned<T>())
        return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 2]) + 20;
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 5]) + 20;
    }
  }
  if (isString<T>()) return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 10]) + 20;
  if (isReference<T>() && !isArray<T>()) {
    if (idof<T>() == idof<Unit>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 9]) + 20;
    if (idof<T>() == idof<Key>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 11]) + 20;
    if (idof<T>() == idof<URef>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 12]) + 20;
    if (idof<T>() == idof<PublicKey>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 22]) + 20;
    if (idof<T>() == idof<U128>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 6]) + 20;
    if (idof<T>() == idof<U256>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 7]) + 20;
    if (idof<T>() == idof<U512>())
      return memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SA_U8, 0, 0, 0, 1, 0, 0, 0, 8]) + 20;
  }
  return 0;
}

/**
 * The CLType bytes of T, e.g. `clTypeBytes<u64>()` = [5], `clTypeBytes<Unit>()` = [9]. A type
 * that is one parameterless tag is a shared static array (do not modify it); the others are
 * built by writeCLType<T>.
 */
export function clTypeBytes<T>(): StaticArray<u8> {
  const simple = simpleCLType<T>();
  if (simple) return changetype<StaticArray<u8>>(simple);
  const enc = new Encoder(8);
  writeCLType<T>(enc);
  return enc.toBytes();
}

/**
 * The CLType bytes of a value (needed where the type depends on the value, e.g. ByteArray(N));
 * static data for the types clTypeBytes gives as such.
 */
export function clTypeOf<T>(v: T): StaticArray<u8> {
  const simple = simpleCLType<T>();
  if (simple) return changetype<StaticArray<u8>>(simple);
  const enc = new Encoder(8);
  writeCLType<T>(enc, v);
  return enc.toBytes();
}

/** A one-byte CLType (Bool … PublicKey without parameters, e.g. `CLTypeTag.Key`). */
export function clTypeSimple(tag: u8): StaticArray<u8> {
  const out = allocBytes(1);
  unchecked((out[0] = tag));
  return out;
}

/** Builds tag ‖ a ‖ b ‖ c from CLType bytes (b, c may be null). */
function compound(tag: u8, a: StaticArray<u8>, b: StaticArray<u8> | null, c: StaticArray<u8> | null): StaticArray<u8> {
  const enc = new Encoder(16);
  enc.putU8(tag);
  enc.putFixed(a);
  if (b !== null) enc.putFixed(b);
  if (c !== null) enc.putFixed(c);
  return enc.toBytes();
}

/** CLType Option(inner). */
export function clTypeOption(inner: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.Option, inner, null, null);
}

/** CLType List(inner). */
export function clTypeList(inner: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.List, inner, null, null);
}

/** CLType ByteArray(n). */
export function clTypeByteArray(n: u32): StaticArray<u8> {
  const enc = new Encoder(5);
  enc.putU8(CLTypeTag.ByteArray);
  enc.putU32(n);
  return enc.toBytes();
}

/** CLType Result(ok, err). */
export function clTypeResult(ok: StaticArray<u8>, err: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.Result, ok, err, null);
}

/** CLType Map(key, value). */
export function clTypeMap(key: StaticArray<u8>, value: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.Map, key, value, null);
}

/** CLType Tuple1(a). */
export function clTypeTuple1(a: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.Tuple1, a, null, null);
}

/** CLType Tuple2(a, b). */
export function clTypeTuple2(a: StaticArray<u8>, b: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.Tuple2, a, b, null);
}

/** CLType Tuple3(a, b, c). */
export function clTypeTuple3(a: StaticArray<u8>, b: StaticArray<u8>, c: StaticArray<u8>): StaticArray<u8> {
  return compound(CLTypeTag.Tuple3, a, b, c);
}
