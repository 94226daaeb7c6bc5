// bytesrepr: casper-types' binary encoding. Encoding never fails; decoding untrusted bytes
// records an error code (numbered as ApiError) in the Decoder and never traps.
//
// Generic values: `encode<T>`, `decode<T>` and `writeCLType<T>` dispatch at compile time on
// bool / i32 / i64 / u8 / u32 / u64 / string / Array<T>, and otherwise call the value's class
// methods. A class that is a CLValue type implements:
//   encode(enc: Encoder): void        its bytes
//   decode(dec: Decoder): void        fills `this` from bytes; on failure calls dec.fail(code)
//   writeCLType(enc: Encoder): void   its CLType bytes; must not read fields of `this`
//                                     (it is also called on a null instance for empty lists)
// and has a constructor callable with no arguments.

import { __casper_static_string, __casper_static_strings_only } from './externals';

/** bytesrepr error codes, numbered as casper-types' ApiError. */
export namespace BytesReprError {
  /** No error. */
  export const Ok: u32 = 0;
  /** Input ended early. */
  export const EarlyEndOfStream: u32 = 17;
  /** Malformed input (bad tag, invalid UTF-8, out-of-range value). */
  export const Formatting: u32 = 18;
  /** Input not fully consumed. */
  export const LeftOverBytes: u32 = 19;
  /** Length prefix larger than the input can hold. */
  export const OutOfMemory: u32 = 20;
  /** CLType nesting deeper than 50. */
  export const ExceededRecursionDepth: u32 = 39;
  /** Value cannot be represented. */
  export const NotRepresentable: u32 = 40;
}

/** Allocates `size` bytes of unmanaged memory (the stub runtime never frees). */
export function alloc(size: usize): usize {
  return heap.alloc(size);
}

/**
 * Copies `n` bytes forward (regions must not overlap in the harmful direction). A byte loop:
 * without bulk memory, asc's `memory.copy` is an unrolled memmove of ~300 bytes of code.
 */
export function copyBytes(dst: usize, src: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<u8>(dst + i, load<u8>(src + i));
}

/**
 * A new StaticArray<u8> of `len` bytes. Not explicitly zero-filled: the stub runtime never reuses
 * memory, so fresh allocations are already zero (and `new StaticArray` would pull in memset).
 */
export function allocBytes(len: u32): StaticArray<u8> {
  return changetype<StaticArray<u8>>(__new(len, idof<StaticArray<u8>>()));
}

/** Copies `len` bytes into a new StaticArray<u8>. */
export function bytesFrom(ptr: usize, len: u32): StaticArray<u8> {
  const out = allocBytes(len);
  copyBytes(changetype<usize>(out), ptr, len);
  return out;
}

/** True when two byte arrays hold the same bytes. */
export function bytesEqual(a: StaticArray<u8>, b: StaticArray<u8>): bool {
  const n = a.length;
  if (n != b.length) return false;
  for (let i = 0; i < n; i++) if (unchecked(a[i]) != unchecked(b[i])) return false;
  return true;
}

/** Bytewise comparison as Rust orders [u8] slices: negative, 0 or positive. */
export function bytesCompare(a: StaticArray<u8>, b: StaticArray<u8>): i32 {
  const n = min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = <i32>unchecked(a[i]) - <i32>unchecked(b[i]);
    if (d != 0) return d;
  }
  return a.length - b.length;
}

/** Growable little-endian byte writer. */
export class Encoder {
  /** Start of the written bytes. */
  ptr: usize;
  /** Bytes written. */
  len: u32 = 0;
  /** Bytes reserved. */
  cap: u32;

  constructor(capacity: u32 = 64) {
    this.cap = capacity;
    this.ptr = heap.alloc(capacity);
  }

  /** Reserves room for `n` more bytes and returns where they go. */
  reserve(n: u32): usize {
    const need = this.len + n;
    if (need > this.cap) {
      const cap = max(need << 1, need); // (need itself if doubling overflows: heap.alloc rejects it)
      const to = heap.alloc(cap);
      copyBytes(to, this.ptr, this.len);
      this.ptr = to;
      this.cap = cap;
    }
    const at = this.ptr + this.len;
    this.len = need;
    return at;
  }

  /** Writes one byte. */
  putU8(v: u8): void {
    store<u8>(this.reserve(1), v);
  }

  /** Writes a bool as 0/1. */
  putBool(v: bool): void {
    store<u8>(this.reserve(1), v ? 1 : 0);
  }

  /** Writes a u32 little-endian. */
  putU32(v: u32): void {
    store<u32>(this.reserve(4), v);
  }

  /** Writes a u64 little-endian. */
  putU64(v: u64): void {
    store<u64>(this.reserve(8), v);
  }

  /** Writes raw bytes, no prefix. */
  putRaw(ptr: usize, len: u32): void {
    copyBytes(this.reserve(len), ptr, len);
  }

  /** Writes a byte array's bytes, no prefix (ByteArray(N), hashes). */
  putFixed(bytes: StaticArray<u8>): void {
    this.putRaw(changetype<usize>(bytes), bytes.length);
  }

  /** Writes Bytes / Vec<u8>: u32 length + bytes. */
  putBytes(bytes: StaticArray<u8>): void {
    this.putU32(bytes.length);
    this.putFixed(bytes);
  }

  /** Writes a String: u32 byte length + UTF-8. */
  putString(s: string): void {
    const p = stringBytes(s);
    this.putRaw(p, load<u32>(p) + 4);
  }

  /** Writes the UTF-8 bytes of `s` (no prefix) and returns their count. Lone surrogates become U+FFFD. */
  putUtf8(s: string): u32 {
    const p = stringBytes(s);
    const n = load<u32>(p);
    this.putRaw(p + 4, n);
    return n;
  }

  /** Copies the written bytes into a new StaticArray<u8>. */
  toBytes(): StaticArray<u8> {
    return bytesFrom(this.ptr, this.len);
  }
}

/** Where a string's header keeps the address of its bytesrepr String (release builds; asc's GC word). */
const STRING_BYTES_HEADER: usize = 16;

/**
 * The bytesrepr String of `s` (u32 byte length ‖ UTF-8) at an address: how names reach host
 * functions. In release builds a string literal's bytes are static data made by the build
 * (scripts/lib/static-strings.mjs), and a string decoded by this file keeps its bytes too
 * (their address is in the string's header, STRING_BYTES_HEADER bytes before it); the build
 * turns the marker calls below into those addresses, and drops the encoder below when every
 * string has them. Other strings, and every string in other builds, are encoded into fresh
 * memory: the same bytes either way.
 */
export function stringBytes(s: string): usize {
  if (CASPER_STATIC_STRINGS) {
    const p = __casper_static_string(changetype<usize>(s));
    if (p || __casper_static_strings_only()) return p;
  }
  const p = heap.alloc(4 + <usize>s.length * 3);
  store<u32>(p, writeUtf8(p + 4, s));
  return p;
}

/**
 * Writes the UTF-8 encoding of `s` at `dst` (room for 3 bytes per UTF-16 unit is enough) and
 * returns the byte count. Lone surrogates become U+FFFD, as Rust's lossy conversion would.
 */
export function writeUtf8(dst: usize, s: string): u32 {
  let q = dst;
  const end = changetype<usize>(s) + ((<usize>s.length) << 1);
  for (let p = changetype<usize>(s); p < end; p += 2) {
    let c = <u32>load<u16>(p);
    let k: u32 = 0; // continuation bytes
    if (c >= 0x80) {
      k = 1;
      if (c >= 0x800) {
        k = 2;
        if (c - 0xd800 < 0x800) {
          const c2 = p + 2 < end ? <u32>load<u16>(p + 2) : 0;
          if (c < 0xdc00 && c2 - 0xdc00 < 0x400) {
            c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
            p += 2;
            k = 3;
          } else c = 0xfffd;
        }
      }
    }
    // Continuation bytes back to front; the lead byte (plain ASCII when k = 0) takes the rest.
    for (let j = k; j > 0; j--) {
      store<u8>(q + j, <u8>(0x80 | (c & 63)));
      c >>= 6;
    }
    store<u8>(q, <u8>(((0xff00 >> (k + 1)) & (k ? 0xff : 0)) | c));
    q += k + 1;
  }
  return <u32>(q - dst);
}

/** Reader over untrusted bytes; the first failure is kept in `err` and later reads return zeros. */
export class Decoder {
  /** Next byte to read. */
  ptr: usize;
  /** One past the last byte. */
  end: usize;
  /** First error met (BytesReprError), 0 if none. */
  err: u32 = 0;
  /** CLType nesting depth while decoding a CLType. */
  depth: u32 = 0;

  constructor(ptr: usize, len: u32) {
    this.ptr = ptr;
    this.end = ptr + len;
  }

  /** A decoder over a byte array. */
  static of(bytes: StaticArray<u8>): Decoder {
    return new Decoder(changetype<usize>(bytes), bytes.length);
  }

  /** Records `code` unless an earlier error is already recorded. */
  fail(code: u32): void {
    if (this.err == 0) this.err = code;
    this.ptr = this.end;
  }

  /** Bytes left. */
  get remaining(): u32 {
    return <u32>(this.end - this.ptr);
  }

  /**
   * Advances over `n` bytes and returns where they start, or 0 with EarlyEndOfStream. (Memory
   * below 1,024 is never written, so the getters read zeros from 0 after a failure.)
   */
  take(n: u32): usize {
    const p = this.ptr;
    if (n > <u32>(this.end - p)) {
      this.fail(BytesReprError.EarlyEndOfStream);
      return 0;
    }
    this.ptr = p + n;
    return p;
  }

  /** Reads one byte. */
  getU8(): u8 {
    return load<u8>(this.take(1)); // (after a failure: address 0, where nothing is ever stored)
  }

  /** Reads a bool (0/1; anything else is Formatting). */
  getBool(): bool {
    const b = this.getU8();
    if (b > 1) this.fail(BytesReprError.Formatting);
    return b == 1;
  }

  /** Reads a u32 little-endian. */
  getU32(): u32 {
    return load<u32>(this.take(4));
  }

  /** Reads a u64 little-endian. */
  getU64(): u64 {
    return load<u64>(this.take(8));
  }

  /** Reads `n` raw bytes into a new array (ByteArray(N), hashes). */
  getFixed(n: u32): StaticArray<u8> {
    const p = this.take(n);
    return p ? bytesFrom(p, n) : allocBytes(0);
  }

  /** Reads Bytes / Vec<u8>: u32 length + bytes. */
  getBytes(): StaticArray<u8> {
    return this.getFixed(this.getU32());
  }

  /** Reads a String (u32 length + UTF-8; invalid UTF-8 is Formatting). */
  getString(): string {
    const n = this.getU32();
    const p = this.take(n);
    if (!p) return '';
    const s = utf8Decode(p, n);
    if (s === null) {
      this.fail(BytesReprError.Formatting);
      return '';
    }
    return s;
  }

  /** Ends a whole-input decode: LeftOverBytes if bytes remain. Returns the error code. */
  finish(): u32 {
    if (this.ptr != this.end) this.fail(BytesReprError.LeftOverBytes);
    return this.err;
  }
}

/** Decodes strict UTF-8 (as Rust's `String::from_utf8`) to a string, or null if invalid. */
export function utf8Decode(ptr: usize, len: u32): string | null {
  // One pass into a string of len units (UTF-8 never has fewer bytes than UTF-16 units), whose
  // length is then set to the units written (the rest of the block is never used).
  const out = __new((<usize>len) << 1, idof<string>());
  let q = out;
  const end = ptr + len;
  let p = ptr;
  while (p < end) {
    let c = <u32>load<u8>(p++);
    if (c >= 0x80) {
      // Lead byte: C2–DF, E0–EF or F0–F4 followed by 1, 2 or 3 continuation bytes.
      if (c - 0xc0 >= 0x38) return null; // 80–BF (continuation) or F8–FF
      const n: u32 = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
      const min: u32 = n == 3 ? 0x10000 : n == 2 ? 0x800 : 0x80; // shorter forms are overlong
      if (<usize>n > end - p) return null;
      c &= 0x3f >> n;
      for (let k = n; k; k--) {
        const b = <u32>load<u8>(p++);
        if ((b & 0xc0) != 0x80) return null;
        c = (c << 6) | (b & 0x3f);
      }
      if (c < min || c > 0x10ffff || c - 0xd800 < 0x800) return null;
      if (c >= 0x10000) {
        c -= 0x10000;
        store<u16>(q, <u16>(0xd800 + (c >> 10)));
        q += 2;
        c = 0xdc00 + (c & 0x3ff);
      }
    }
    store<u16>(q, <u16>c);
    q += 2;
  }
  store<u32>(out - 4, <u32>(q - out)); // the object's size: the string's length in bytes
  if (CASPER_STATIC_STRINGS) {
    // Keep the bytes, as the build does for literals: `stringBytes` then needs no encoder.
    const bytes = heap.alloc(4 + <usize>len);
    store<u32>(bytes, len);
    copyBytes(bytes + 4, ptr, len);
    store<usize>(out - STRING_BYTES_HEADER, bytes);
  }
  return changetype<string>(out);
}

/** The UTF-8 bytes of a string, no prefix. */
export function utf8Encode(s: string): StaticArray<u8> {
  const enc = new Encoder(<u32>s.length + 4);
  enc.putUtf8(s);
  return enc.toBytes();
}

/** The zero/null value of T: 0 for numbers and bool, a null reference for objects. */
export function zeroOf<T>(): T {
  if (isReference<T>()) return changetype<T>(0);
  // @ts-ignore: numeric cast
  return <T>0;
}

/** Encodes a value of any supported type (see the file header). */
export function encode<T>(enc: Encoder, v: T): void {
  if (isBoolean<T>()) {
    enc.putBool(<bool>v);
  } else if (isInteger<T>()) {
    if (sizeof<T>() == 1) {
      if (isSigned<T>()) ERROR('i8 has no CLType');
      enc.putU8(<u8>v);
    } else if (sizeof<T>() == 4) {
      enc.putU32(<u32>v);
    } else if (sizeof<T>() == 8) {
      enc.putU64(<u64>v);
    } else {
      ERROR('16-bit integers have no CLType');
    }
  } else if (isFloat<T>()) {
    ERROR('floats have no CLType and the node forbids float opcodes');
  } else if (isString<T>()) {
    enc.putString(changetype<string>(v));
  } else if (isArray<T>()) {
    // @ts-ignore: Array<U>
    const n = v.length;
    enc.putU32(n);
    // @ts-ignore: Array<U>
    for (let i = 0; i < n; i++) encode<valueof<T>>(enc, unchecked(v[i]));
  } else {
    // @ts-ignore: class protocol
    v.encode(enc);
  }
}

/** Decodes a value of any supported type; on failure `dec.err` is set and a zero value returned. */
export function decode<T>(dec: Decoder): T {
  if (isBoolean<T>()) {
    // @ts-ignore: bool
    return dec.getBool();
  } else if (isInteger<T>()) {
    if (sizeof<T>() == 1) {
      if (isSigned<T>()) ERROR('i8 has no CLType');
      return <T>dec.getU8();
    } else if (sizeof<T>() == 4) {
      return <T>dec.getU32();
    } else if (sizeof<T>() == 8) {
      return <T>dec.getU64();
    } else {
      ERROR('16-bit integers have no CLType');
    }
  } else if (isFloat<T>()) {
    ERROR('floats have no CLType and the node forbids float opcodes');
  } else if (isString<T>()) {
    // @ts-ignore: string
    return dec.getString();
  } else if (isArray<T>()) {
    const n = dec.getU32();
    // Elements are read until the first error, as casper-types does (so a bad element reports
    // its own error even when the count exceeds the input). Slots are allocated only for as
    // many elements as bytes remain; zero-sized elements (Unit) beyond that are pushed.
    const rem = dec.remaining;
    const cap = min(n, rem);
    const out = changetype<T>(newArray(cap, alignof<valueof<T>>(), idof<T>()));
    for (let i: u32 = 0; i < n && dec.err == 0; i++) {
      const e = decode<valueof<T>>(dec);
      if (i < cap) {
        // The slot exists (length cap): stored in place, without the checked setter's growth code.
        const offset = <usize>i * sizeof<valueof<T>>();
        // @ts-ignore: Array<U>
        store<valueof<T>>(out.dataStart + offset, e);
      } else if (isZeroSized<valueof<T>>()) {
        // Only a field-less class (Unit) encodes to no bytes: any other element beyond the slots
        // has already failed (each takes at least one byte), so only those need pushing.
        // @ts-ignore: Array<U>
        out.push(e);
      }
    }
    return out;
  } else {
    const v = instantiate<T>();
    // @ts-ignore: class protocol
    v.decode(dec);
    return v;
  }
  return zeroOf<T>();
}

/**
 * An Array of `length` zeroed slots of 2^`align` bytes with class id `id`: `new Array<T>(length)`
 * without its size checks (`length` is at most the bytes left to decode) and shared by every
 * element type.
 */
function newArray(length: usize, align: usize, id: u32): usize {
  const bytes = length << align;
  const buffer = __new(bytes, idof<ArrayBuffer>());
  const array = __new(offsetof<Array<u8>>(), id);
  store<usize>(array, buffer, offsetof<Array<u8>>('buffer'));
  store<usize>(array, buffer, offsetof<Array<u8>>('dataStart'));
  store<i32>(array, <i32>bytes, offsetof<Array<u8>>('byteLength'));
  store<i32>(array, <i32>length, offsetof<Array<u8>>('length_'));
  return array;
}

/** True for types that encode to no bytes: field-less classes such as Unit. */
function isZeroSized<U>(): bool {
  if (isReference<U>() && !isString<U>() && !isArray<U>()) return offsetof<U>() == 0;
  return false;
}

/** Writes the CLType of T (for value-dependent types such as ByteArray, from `v`). */
export function writeCLType<T>(enc: Encoder, v: T = zeroOf<T>()): void {
  if (isBoolean<T>()) {
    enc.putU8(0);
  } else if (isInteger<T>()) {
    if (sizeof<T>() == 1) enc.putU8(3);
    else if (sizeof<T>() == 4) enc.putU8(isSigned<T>() ? 1 : 4);
    else if (sizeof<T>() == 8) enc.putU8(isSigned<T>() ? 2 : 5);
    else ERROR('16-bit integers have no CLType');
  } else if (isString<T>()) {
    enc.putU8(10);
  } else if (isArray<T>()) {
    enc.putU8(14);
    // @ts-ignore: Array<U>
    const first = v !== null && v.length > 0 ? unchecked(v[0]) : zeroOf<valueof<T>>();
    writeCLType<valueof<T>>(enc, first);
  } else {
    // @ts-ignore: class protocol
    v.writeCLType(enc);
  }
}

/** Serializes a value to bytes. */
export function toBytes<T>(v: T): StaticArray<u8> {
  const enc = new Encoder();
  encode<T>(enc, v);
  return enc.toBytes();
}

/** Result of a whole-input decode: the value, or the error code (17/18/19…) with a zero value. */
export class Decoded<T> {
  constructor(
    /** The value (zero value on error). */
    public value: T,
    /** 0 on success, else a BytesReprError code. */
    public error: u32,
  ) {}
  /** True when decoding succeeded. */
  get ok(): bool {
    return this.error == 0;
  }
}

/** Decodes exactly the bytes at [ptr, ptr+len) as T (LeftOverBytes if not all consumed). */
export function fromBytesAt<T>(ptr: usize, len: u32): Decoded<T> {
  const dec = new Decoder(ptr, len);
  const v = decode<T>(dec);
  const err = dec.finish();
  return new Decoded<T>(err ? zeroOf<T>() : v, err);
}

/** Decodes exactly `bytes` as T (LeftOverBytes if not all consumed). */
export function fromBytes<T>(bytes: StaticArray<u8>): Decoded<T> {
  return fromBytesAt<T>(changetype<usize>(bytes), bytes.length);
}
