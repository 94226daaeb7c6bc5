/**
 * bytesrepr, the binary format of casper-types 4.0.1 (Casper 1.5.6): error codes, a zero-copy
 * `Reader`, a growable `Writer` and the whole-input `fromBytes` helper.
 *
 * Decoding convention: `Reader` methods throw a private sentinel on bad input; `fromBytes` /
 * `fromBytesPrefix` catch it and return `{ ok: false, error }` with the bytesrepr error code, so
 * the public `decodeX(bytes)` functions of this package never throw for bad input. Anything else
 * thrown (a bug) propagates. `readX(r)` functions are the composable building blocks: call them
 * only inside a `fromBytes` callback.
 *
 * Zero copy: fixed-size arrays, `Bytes` and CLValue payloads are `subarray` views into the input.
 * Pass bytes you own (copy out of guest memory once), not a live view of Wasm memory.
 */

/** bytesrepr::Error, numbered as `ApiError` numbers them (the i32 a host function returns). */
export const BytesReprError = {
  /** Input ended before the value did. */
  EarlyEndOfStream: 17,
  /** Malformed input (bad tag, bad bool, bad UTF-8, oversized integer, invalid point…). */
  Formatting: 18,
  /** Whole-input decoding left bytes unconsumed. */
  LeftOverBytes: 19,
  /** Serialization buffer too large (never produced by decoding). */
  OutOfMemory: 20,
  /** CLType nested deeper than 50 levels. */
  ExceededRecursionDepth: 39,
  /** A length does not fit the u32 prefix (serialization only). */
  NotRepresentable: 40,
} as const;

/** One of the `BytesReprError` codes. */
export type BytesReprError = (typeof BytesReprError)[keyof typeof BytesReprError];

const ERROR_NAMES: Record<number, string> = {
  17: 'EarlyEndOfStream',
  18: 'Formatting',
  19: 'LeftOverBytes',
  20: 'OutOfMemory',
  39: 'ExceededRecursionDepth',
  40: 'NotRepresentable',
};

const ERROR_MESSAGES: Record<number, string> = {
  17: 'Deserialization error: early end of stream',
  18: 'Deserialization error: formatting',
  19: 'Deserialization error: left-over bytes',
  20: 'Serialization error: out of memory',
  39: 'exceeded recursion depth',
  40: 'Serialization error: value is not representable.',
};

/** The Rust variant name of a bytesrepr error code, e.g. 17 → "EarlyEndOfStream". */
export function bytesReprErrorName(code: BytesReprError): string {
  return ERROR_NAMES[code] ?? `Unknown(${code})`;
}

/** casper-types' Display text of a bytesrepr error code. */
export function bytesReprErrorMessage(code: BytesReprError): string {
  return ERROR_MESSAGES[code] ?? `unknown bytesrepr error ${code}`;
}

/** Result of a decode: the value, or the bytesrepr error code. */
export type DecodeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BytesReprError };

/** Result of a prefix decode: also the offset just past the value. */
export type DecodePrefixResult<T> =
  | { readonly ok: true; readonly value: T; readonly next: number }
  | { readonly ok: false; readonly error: BytesReprError };

/** The private sentinel thrown by `Reader` and caught by `fromBytes`. */
class DecodeFailure {
  constructor(readonly code: BytesReprError) {}
}

const FAILURES: Record<number, DecodeFailure> = {};
for (const code of Object.values(BytesReprError)) FAILURES[code] = new DecodeFailure(code);

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** Little-endian `bytes[p, p+n)` as an unsigned bigint (48-bit chunks: cheaper than hex parsing). */
function leToBigInt(b: Uint8Array, p: number, n: number): bigint {
  // most significant partial chunk first
  const first = n % 6 || 6;
  let x = 0;
  let i = n - 1;
  for (; i >= n - first && i >= 0; i--) x = x * 256 + b[p + i];
  if (n <= 6) return BigInt(x);
  let r = BigInt(x);
  while (i >= 0) {
    x = 0;
    for (let k = 0; k < 6; k++, i--) x = x * 256 + b[p + i];
    r = (r << 48n) | BigInt(x);
  }
  return r;
}

/** Cursor over `bytes[start, end)`; every read is bounds-checked against `end`. */
export class Reader {
  /** The underlying buffer (offsets are relative to it). */
  readonly buf: Uint8Array;
  /** Next byte to read. */
  pos: number;
  /** Exclusive end of the readable window. */
  readonly end: number;

  /** Reads `buf[start, end)`; throws RangeError for an invalid window (a caller bug). */
  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    if (!(start >= 0 && start <= end && end <= buf.length)) {
      throw new RangeError(`invalid reader window [${start}, ${end}) over ${buf.length} bytes`);
    }
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  /** Bytes left in the window. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** Aborts the current decode with `code`. */
  fail(code: BytesReprError): never {
    throw FAILURES[code];
  }

  /** Advances past `n` bytes (EarlyEndOfStream if fewer remain). */
  skip(n: number): void {
    if (n > this.end - this.pos) this.fail(BytesReprError.EarlyEndOfStream);
    this.pos += n;
  }

  /** u8. */
  u8(): number {
    if (this.pos >= this.end) this.fail(BytesReprError.EarlyEndOfStream);
    return this.buf[this.pos++];
  }

  /** bool: 0 or 1, anything else Formatting. */
  bool(): boolean {
    const v = this.u8();
    if (v > 1) this.fail(BytesReprError.Formatting);
    return v === 1;
  }

  /** u32 (as a non-negative number). */
  u32(): number {
    const p = this.pos;
    if (this.end - p < 4) this.fail(BytesReprError.EarlyEndOfStream);
    const b = this.buf;
    this.pos = p + 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  /** i32. */
  i32(): number {
    return this.u32() | 0;
  }

  /** u64 as bigint. */
  u64(): bigint {
    const p = this.pos;
    if (this.end - p < 8) this.fail(BytesReprError.EarlyEndOfStream);
    const b = this.buf;
    this.pos = p + 8;
    const lo = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
    const hi = (b[p + 4] | (b[p + 5] << 8) | (b[p + 6] << 16) | (b[p + 7] << 24)) >>> 0;
    if (hi < 0x200000) return BigInt(hi * 0x100000000 + lo);
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** i64 as bigint. */
  i64(): bigint {
    return BigInt.asIntN(64, this.u64());
  }

  /**
   * casper-types U128/U256/U512: a length byte L then L little-endian bytes. L > maxBytes →
   * Formatting; non-minimal encodings (trailing zero bytes) are accepted.
   */
  uint(maxBytes: number): bigint {
    const n = this.u8();
    if (n > maxBytes) this.fail(BytesReprError.Formatting);
    const p = this.pos;
    if (n > this.end - p) this.fail(BytesReprError.EarlyEndOfStream);
    this.pos = p + n;
    return leToBigInt(this.buf, p, n);
  }

  /** U128. */
  u128(): bigint {
    return this.uint(16);
  }

  /** U256. */
  u256(): bigint {
    return this.uint(32);
  }

  /** U512. */
  u512(): bigint {
    return this.uint(64);
  }

  /** `[u8; n]`: a view of the next n bytes (no copy). */
  fixed(n: number): Uint8Array {
    const p = this.pos;
    if (n > this.end - p) this.fail(BytesReprError.EarlyEndOfStream);
    this.pos = p + n;
    return this.buf.subarray(p, p + n);
  }

  /** `Bytes` / `Vec<u8>`: u32 length then the bytes, as a view (no copy). */
  bytes(): Uint8Array {
    return this.fixed(this.u32());
  }

  /** `String`: u32 byte length then strict UTF-8 (invalid → Formatting; a BOM is kept). */
  string(): string {
    const n = this.u32();
    const p = this.pos;
    if (n > this.end - p) this.fail(BytesReprError.EarlyEndOfStream);
    this.pos = p + n;
    const b = this.buf;
    if (n <= 32) {
      let s = '';
      let i = p;
      const e = p + n;
      for (; i < e; i++) {
        const c = b[i];
        if (c >= 0x80) break;
        s += String.fromCharCode(c);
      }
      if (i === e) return s;
    }
    try {
      return utf8Decoder.decode(b.subarray(p, p + n));
    } catch {
      return this.fail(BytesReprError.Formatting);
    }
  }

  /** `Option<T>`: tag 0 → null, 1 → Some, other → Formatting. */
  option<T>(read: (r: Reader) => T): T | null {
    const tag = this.u8();
    if (tag === 0) return null;
    if (tag !== 1) this.fail(BytesReprError.Formatting);
    return read(this);
  }

  /** `Vec<T>` / `BTreeSet<T>` elements in wire order: u32 count then the items. */
  vec<T>(read: (r: Reader) => T): T[] {
    const n = this.u32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }
}

/**
 * Decodes `bytes[start, end)` entirely with `read`: LeftOverBytes if bytes remain
 * (`deserialize_from_slice`). Never throws for bad input.
 */
export function fromBytes<T>(
  bytes: Uint8Array,
  read: (r: Reader) => T,
  start = 0,
  end = bytes.length,
): DecodeResult<T> {
  const r = new Reader(bytes, start, end);
  try {
    const value = read(r);
    if (r.pos !== r.end) return { ok: false, error: BytesReprError.LeftOverBytes };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof DecodeFailure) return { ok: false, error: e.code };
    throw e;
  }
}

/** Decodes a value at the start of `bytes[start, end)` (`FromBytes::from_bytes`); reports where it ended. */
export function fromBytesPrefix<T>(
  bytes: Uint8Array,
  read: (r: Reader) => T,
  start = 0,
  end = bytes.length,
): DecodePrefixResult<T> {
  const r = new Reader(bytes, start, end);
  try {
    const value = read(r);
    return { ok: true, value, next: r.pos };
  } catch (e) {
    if (e instanceof DecodeFailure) return { ok: false, error: e.code };
    throw e;
  }
}

const U32_MAX = 0xffffffff;
const TWO_32 = 0x100000000;

/**
 * Growable output buffer. Writers validate their inputs and throw RangeError/TypeError on values
 * that cannot be represented (a caller bug, not a decode error).
 */
export class Writer {
  private buf: Uint8Array;
  private len = 0;

  /** Starts with `capacity` bytes of room (grows as needed). */
  constructor(capacity = 64) {
    this.buf = new Uint8Array(capacity > 0 ? capacity : 16);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.len;
  }

  /** Current buffer capacity. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    const need = this.len + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(0, this.len));
    this.buf = nb;
  }

  /** u8 (0..255). */
  u8(v: number): this {
    if (!(v >= 0 && v <= 255 && Number.isInteger(v))) throw new RangeError(`u8 out of range: ${v}`);
    this.reserve(1);
    this.buf[this.len++] = v;
    return this;
  }

  /** bool as 0/1. */
  bool(v: boolean): this {
    this.reserve(1);
    this.buf[this.len++] = v ? 1 : 0;
    return this;
  }

  /** u32 (0..2^32-1). */
  u32(v: number): this {
    if (!(v >= 0 && v <= U32_MAX && Number.isInteger(v))) throw new RangeError(`u32 out of range: ${v}`);
    this.reserve(4);
    const b = this.buf;
    const p = this.len;
    b[p] = v & 0xff;
    b[p + 1] = (v >>> 8) & 0xff;
    b[p + 2] = (v >>> 16) & 0xff;
    b[p + 3] = (v >>> 24) & 0xff;
    this.len = p + 4;
    return this;
  }

  /** i32 (-2^31..2^31-1). */
  i32(v: number): this {
    if (!(v >= -0x80000000 && v <= 0x7fffffff && Number.isInteger(v))) throw new RangeError(`i32 out of range: ${v}`);
    return this.u32(v >>> 0);
  }

  /** u64 from a bigint in [0, 2^64). */
  u64(v: bigint): this {
    if (typeof v !== 'bigint' || v < 0n || v > 0xffffffffffffffffn) throw new RangeError(`u64 out of range: ${v}`);
    let lo: number;
    let hi: number;
    if (v <= 0x1fffffffffffffn) {
      const n = Number(v);
      lo = n % TWO_32;
      hi = (n - lo) / TWO_32;
    } else {
      lo = Number(v & 0xffffffffn);
      hi = Number(v >> 32n);
    }
    this.u32(lo);
    return this.u32(hi);
  }

  /** i64 from a bigint in [-2^63, 2^63). */
  i64(v: bigint): this {
    if (typeof v !== 'bigint' || v < -0x8000000000000000n || v > 0x7fffffffffffffffn) {
      throw new RangeError(`i64 out of range: ${v}`);
    }
    return this.u64(BigInt.asUintN(64, v));
  }

  /** casper-types U128/U256/U512 of at most `maxBytes` bytes: minimal length byte + LE bytes. */
  uint(v: bigint, maxBytes: number): this {
    if (typeof v !== 'bigint' || v < 0n || v >> BigInt(maxBytes * 8) !== 0n) {
      throw new RangeError(`value out of range for a ${maxBytes * 8}-bit unsigned integer: ${v}`);
    }
    if (v <= 0x1fffffffffffffn) {
      let n = Number(v);
      let k = 0;
      for (let t = n; t > 0; t = Math.floor(t / 256)) k++;
      this.reserve(1 + k);
      const b = this.buf;
      b[this.len++] = k;
      for (let i = 0; i < k; i++) {
        b[this.len++] = n % 256;
        n = Math.floor(n / 256);
      }
      return this;
    }
    // 48-bit chunks, least significant first
    const tmp: number[] = [];
    for (let rest = v; rest > 0n; rest >>= 48n) {
      let x = Number(rest & 0xffffffffffffn);
      for (let j = 0; j < 6; j++) {
        tmp.push(x % 256);
        x = Math.floor(x / 256);
      }
    }
    let k = tmp.length;
    while (k > 0 && tmp[k - 1] === 0) k--;
    this.reserve(1 + k);
    const b = this.buf;
    b[this.len++] = k;
    for (let i = 0; i < k; i++) b[this.len++] = tmp[i];
    return this;
  }

  /** U128. */
  u128(v: bigint): this {
    return this.uint(v, 16);
  }

  /** U256. */
  u256(v: bigint): this {
    return this.uint(v, 32);
  }

  /** U512. */
  u512(v: bigint): this {
    return this.uint(v, 64);
  }

  /** Raw bytes, no prefix (`[u8; N]`, nested serializations). */
  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
    return this;
  }

  /** Raw bytes that must be exactly `n` long (fixed arrays such as hashes). */
  fixed(bytes: Uint8Array, n: number): this {
    if (!(bytes instanceof Uint8Array) || bytes.length !== n) {
      throw new RangeError(`expected ${n} bytes, got ${bytes instanceof Uint8Array ? bytes.length : typeof bytes}`);
    }
    return this.raw(bytes);
  }

  /** `Bytes` / `Vec<u8>`: u32 length + bytes. */
  bytes(bytes: Uint8Array): this {
    this.u32(bytes.length);
    return this.raw(bytes);
  }

  /** `String`: u32 UTF-8 byte length + UTF-8 (lone surrogates become U+FFFD, as TextEncoder does). */
  string(s: string): this {
    const n = s.length;
    this.reserve(4 + n);
    const b = this.buf;
    const p = this.len + 4;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      b[p + i] = c;
    }
    if (i === n) {
      this.u32(n);
      this.len += n;
      return this;
    }
    return this.bytes(utf8Encoder.encode(s));
  }

  /** `Option<T>`: null → 0, else 1 + T. */
  option<T>(v: T | null | undefined, write: (w: Writer, v: T) => void): this {
    if (v === null || v === undefined) return this.u8(0);
    this.u8(1);
    write(this, v);
    return this;
  }

  /** `Vec<T>`: u32 count + items in the given order. */
  vec<T>(items: readonly T[], write: (w: Writer, v: T) => void): this {
    this.u32(items.length);
    for (const it of items) write(this, it);
    return this;
  }

  /** A fresh array holding exactly the bytes written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  /** Forgets the content (keeps the capacity). */
  reset(): void {
    this.len = 0;
  }
}

/** Serializes with `write` into a fresh exact-size array. */
export function toBytes<T>(value: T, write: (w: Writer, v: T) => void, capacity = 64): Uint8Array {
  const w = new Writer(capacity);
  write(w, value);
  return w.finish();
}
