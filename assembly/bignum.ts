// U128 / U256 / U512: the fixed-width unsigned integers of casper-types (the `uint` crate), with
// their bytesrepr encoding, decimal strings, and wrapping and checked arithmetic.
//
// Representation: a value is one object whose 16 / 32 / 64 payload bytes are the number in
// little-endian order (2 / 4 / 8 u64 limbs, lowest first), so `changetype<usize>(x)` points at its
// bytes. The classes declare no fields: the constructor allocates and zeroes the payload itself
// (a zeroing loop instead of one store per field), which is why they are `@final`. The limb code
// is shared by the three widths (pointer + limb count); the classes only differ in size and tag.
//
// bytesrepr (casper-types `uint.rs`): 1 length byte L, then L little-endian bytes with the most
// significant zero bytes removed; zero is `00`. Decoding accepts non-minimal forms (`02 05 00` = 5)
// and fails with Formatting (18) when L exceeds the width in bytes (16 / 32 / 64), with
// EarlyEndOfStream (17) when fewer than L bytes follow. Encoding is always minimal.
// CLType tags: U128 6, U256 7, U512 8.
//
// Arithmetic (every operation returns a new value; operands are never modified):
// - `add`, `sub`, `mul` (operators + - *) wrap modulo 2^bits, as Rust's `wrapping_*`.
// - `div`, `rem` (operators / %) return zero when the divisor is zero (casper-types panics; a
//   session cannot recover from a panic either, so use the checked forms when that can happen).
// - `checkedAdd`, `checkedSub`, `checkedMul`, `checkedDiv`, `checkedRem` return null on overflow,
//   underflow or division by zero, as Rust's `checked_*`.
// - `cmp` and == != < <= > >=; == and != also accept null (null equals only null).
// Decimal: `fromString` takes ASCII digits only (leading zeros allowed) and returns null on overflow,
// on any other character and on "" (the `uint` crate's from_dec_str reads "" as 0).
// Only what a session calls is compiled in (-O3z, MVP): decoding + re-encoding a U512 adds about
// 150 bytes over the same module with a u64; + - or a comparison about 80-100 bytes more, * about
// 200, / or % about 400, toString + fromString about 430. The arithmetic is plain: schoolbook
// multiplication on 32-bit digits, binary shift-subtract division (one step per bit of the
// dividend), decimal conversion by short division/multiplication on 32-bit digits.

import { BytesReprError, bytesFrom, copyBytes, Decoder, Encoder } from './bytesrepr';

// ------------------------------------------------------------------------------------------------
// Shared limb code. `p` points at n little-endian u64 limbs (8n bytes); as 32-bit digits the
// same memory holds 2n little-endian u32 digits.

/**
 * Decodes L + L bytes into the low bytes of the `size`-byte value at p, which must be zero (a new
 * value: `decode<T>` always decodes into one). Formatting if L > size.
 */
function decodeUInt(dec: Decoder, p: usize, size: u32): void {
  let len = <u32>dec.getU8();
  if (len > size) dec.fail(BytesReprError.Formatting);
  const src = dec.take(len); // 0 after any failure, including the one above (then len > 0) ...
  if (!src) len = 0; // ... so never more than `size` bytes are written
  copyBytes(p, src, len);
}

/** Writes the `size`-byte value at p as L + L bytes (L minimal) at `out`; returns 1 + L. */
function serializeUInt(p: usize, size: u32, out: usize): u32 {
  let n = size;
  while (n && !load<u8>(p + n - 1)) n--;
  store<u8>(out, <u8>n);
  copyBytes(out + 1, p, n);
  return n + 1;
}

/** Encodes the `size`-byte value at p as L + L bytes, L minimal. */
function encodeUInt(enc: Encoder, p: usize, size: u32): void {
  const at = enc.reserve(size + 1);
  enc.len -= size + 1 - serializeUInt(p, size, at);
}

/** True when all n limbs at p are zero. */
function limbsIsZero(p: usize, n: i32): bool {
  let acc: u64 = 0;
  for (let o: usize = 0, end = (<usize>n) << 3; o < end; o += 8) acc |= load<u64>(p + o);
  return acc == 0;
}

/** r = a + b (mod 2^64n); returns the carry out (0 or 1). r may alias a or b. */
function limbsAdd(r: usize, a: usize, b: usize, n: i32): u64 {
  let c: u64 = 0;
  for (let o: usize = 0, end = (<usize>n) << 3; o < end; o += 8) {
    const x = load<u64>(a + o);
    const s = x + load<u64>(b + o);
    const t = s + c;
    c = (<u64>(s < x)) | (<u64>(t < s));
    store<u64>(r + o, t);
  }
  return c;
}

/** r = a - b (mod 2^64n); returns the borrow out (0 or 1). r may alias a or b. */
function limbsSub(r: usize, a: usize, b: usize, n: i32): u64 {
  let c: u64 = 0;
  for (let o: usize = 0, end = (<usize>n) << 3; o < end; o += 8) {
    const x = load<u64>(a + o);
    const y = load<u64>(b + o);
    const d = x - y;
    store<u64>(r + o, d - c);
    c = (<u64>(x < y)) | (<u64>(d < c));
  }
  return c;
}

/** -1, 0 or 1 as a <, ==, > b. */
function limbsCmp(a: usize, b: usize, n: i32): i32 {
  for (let o = (<usize>n) << 3; o; ) {
    o -= 8;
    const x = load<u64>(a + o);
    const y = load<u64>(b + o);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Equality of two possibly-null values of n limbs (null equals only null). */
function limbsEq(a: usize, b: usize, n: i32): bool {
  if (!a || !b) return a == b;
  return limbsCmp(a, b, n) == 0;
}

/** r = a * b (mod 2^64n), r zero on entry and distinct from a and b; returns true on overflow. */
function limbsMul(r: usize, a: usize, b: usize, n: i32): bool {
  const d = n << 1; // 32-bit digits
  let ovf = false;
  for (let i = 0; i < d; i++) {
    const ai = <u64>load<u32>(a + ((<usize>i) << 2));
    if (!ai) continue;
    let c: u64 = 0;
    for (let j = 0; j < d; j++) {
      const bj = <u64>load<u32>(b + ((<usize>j) << 2));
      if (i + j < d) {
        const q = r + ((<usize>(i + j)) << 2);
        const t = <u64>load<u32>(q) + ai * bj + c; // ≤ 2^64 - 1
        store<u32>(q, <u32>t);
        c = t >> 32;
      } else {
        if (bj | c) ovf = true;
        c = 0;
      }
    }
    if (c) ovf = true;
  }
  return ovf;
}

/**
 * q = a / b, r = a % b by binary shift-subtract; q and r zero on entry and distinct from a and b.
 * Returns false (q, r left zero) when b is zero.
 */
function limbsDivRem(q: usize, r: usize, a: usize, b: usize, n: i32): bool {
  if (limbsIsZero(b, n)) return false;
  const end = (<usize>n) << 3;
  let bit = n << 6;
  while (bit && !load<u64>(a + (((<usize>(bit - 1)) >> 6) << 3))) bit -= 64; // skip zero limbs
  while (bit) {
    bit--;
    const o = ((<usize>bit) >> 6) << 3;
    const m = (<u64>1) << ((<u64>bit) & 63);
    // r = r << 1 | bit of a. r ≤ a >> (bit + 1) before the shift, so nothing leaves the top.
    let c = <u64>((load<u64>(a + o) & m) != 0);
    for (let k: usize = 0; k < end; k += 8) {
      const x = load<u64>(r + k);
      store<u64>(r + k, (x << 1) | c);
      c = x >> 63;
    }
    if (limbsCmp(r, b, n) >= 0) {
      limbsSub(r, r, b, n);
      store<u64>(q + o, load<u64>(q + o) | m);
    }
  }
  return true;
}

/** x = x * m + add over d 32-bit digits; returns the carry out (non-zero = overflow). */
function digitsMulAdd(x: usize, d: i32, m: u32, add: u32): u32 {
  let c = <u64>add;
  for (let o: usize = 0, end = (<usize>d) << 2; o < end; o += 4) {
    const t = <u64>load<u32>(x + o) * m + c;
    store<u32>(x + o, <u32>t);
    c = t >> 32;
  }
  return <u32>c;
}

/** x = x / m over d 32-bit digits (m ≠ 0); returns the remainder. */
function digitsDivSmall(x: usize, d: i32, m: u32): u32 {
  let rem: u64 = 0;
  for (let o = (<usize>d) << 2; o; ) {
    o -= 4;
    const t = (rem << 32) | (<u64>load<u32>(x + o));
    store<u32>(x + o, <u32>(t / m));
    rem = t % m;
  }
  return <u32>rem;
}

/** Parses decimal digits into r (zero on entry); false on empty, non-digit or overflow. */
function limbsParse(r: usize, n: i32, s: string): bool {
  const len = s.length;
  if (!len) return false;
  const p = changetype<usize>(s);
  for (let i = 0; i < len; i++) {
    const c = <u32>load<u16>(p + ((<usize>i) << 1)) - 48;
    if (c > 9 || digitsMulAdd(r, n << 1, 10, c)) return false;
  }
  return true;
}

/** Decimal string of the n-limb value at a. */
function limbsToString(a: usize, n: i32): string {
  const bytes = (<usize>n) << 3;
  const x = heap.alloc(bytes); // scratch copy, divided down to zero
  copyBytes(x, a, bytes);
  const cap = <usize>n * 20; // ≥ 64n·log10(2) digits
  const buf = heap.alloc(cap << 1);
  let pos = cap;
  let last = false;
  do {
    let chunk = digitsDivSmall(x, n << 1, 1_000_000_000);
    last = limbsIsZero(x, n);
    for (let k = 0; k < 9; k++) {
      pos--;
      store<u16>(buf + (pos << 1), <u16>(48 + (chunk % 10)));
      chunk /= 10;
      if (last && !chunk) break;
    }
  } while (!last);
  const len = cap - pos;
  const s = __new(len << 1, idof<string>());
  copyBytes(s, buf + (pos << 1), len << 1);
  return changetype<string>(s);
}

/** Copies little-endian `bytes` into the `size`-byte value at p (zero on entry); false if too long. */
function setBytes(p: usize, size: u32, bytes: StaticArray<u8>): bool {
  const n = <u32>bytes.length;
  if (n > size) return false;
  copyBytes(p, changetype<usize>(bytes), n);
  return true;
}

/**
 * A new zero value of `size` bytes with runtime id `id`. Fresh objects are all zero bytes (the
 * stub runtime never reuses memory; the others clear it), as `allocBytes` relies on too.
 */
function allocZero(size: usize, id: u32): usize {
  return __new(size, id);
}

/** Sets all n limbs at p to v. */
function limbsFill(p: usize, n: i32, v: u64): void {
  for (let o: usize = 0, end = (<usize>n) << 3; o < end; o += 8) store<u64>(p + o, v);
}

/** The address of a value's bytes (null: 0); the optimizer inlines it. */
function ptr<T>(v: T): usize {
  return changetype<usize>(v);
}

// ------------------------------------------------------------------------------------------------
// The three widths: identical code, differing only in name, size and CLType tag.

/** Unsigned 128-bit integer (casper-types U128, CLType 6). */
// @ts-ignore: decorator
@final
export class U128 {
  /** Zero. */
  constructor() {
    return changetype<U128>(allocZero(16, idof<U128>()));
  }

  /** v as a U128. */
  static fromU64(v: u64): U128 {
    const r = new U128();
    store<u64>(ptr(r), v);
    return r;
  }
  /** Parses decimal digits (leading zeros allowed); null on empty, non-digit or overflow. */
  static fromString(s: string): U128 | null {
    const r = new U128();
    return limbsParse(ptr(r), 2, s) ? r : null;
  }
  /** From little-endian bytes (at most 16, zero-extended); null if longer. */
  static fromBytesLE(bytes: StaticArray<u8>): U128 | null {
    const r = new U128();
    return setBytes(ptr(r), 16, bytes) ? r : null;
  }
  /** 2^128 - 1. */
  static max(): U128 {
    const r = new U128();
    limbsFill(ptr(r), 2, ~(<u64>0));
    return r;
  }
  /** The 16 little-endian bytes. */
  toBytesLE(): StaticArray<u8> {
    return bytesFrom(ptr(this), 16);
  }
  /** Decimal digits, no leading zeros ("0" for zero). */
  toString(): string {
    return limbsToString(ptr(this), 2);
  }
  /** The low 64 bits. */
  toU64(): u64 {
    return load<u64>(ptr(this));
  }
  /** True when zero. */
  isZero(): bool {
    return limbsIsZero(ptr(this), 2);
  }
  /** A copy. */
  clone(): U128 {
    const r = new U128();
    copyBytes(ptr(r), ptr(this), 16);
    return r;
  }
  /** -1, 0 or 1 as this <, ==, > b. */
  cmp(b: U128): i32 {
    return limbsCmp(ptr(this), ptr(b), 2);
  }

  /** this + b, wrapping modulo 2^128. */
  // @ts-ignore: decorator
  @operator('+') add(b: U128): U128 {
    const r = new U128();
    limbsAdd(ptr(r), ptr(this), ptr(b), 2);
    return r;
  }
  /** this - b, wrapping modulo 2^128. */
  // @ts-ignore: decorator
  @operator('-') sub(b: U128): U128 {
    const r = new U128();
    limbsSub(ptr(r), ptr(this), ptr(b), 2);
    return r;
  }
  /** this * b, wrapping modulo 2^128. */
  // @ts-ignore: decorator
  @operator('*') mul(b: U128): U128 {
    const r = new U128();
    limbsMul(ptr(r), ptr(this), ptr(b), 2);
    return r;
  }
  /** this / b rounded down; zero when b is zero. */
  // @ts-ignore: decorator
  @operator('/') div(b: U128): U128 {
    const q = new U128();
    limbsDivRem(ptr(q), ptr(new U128()), ptr(this), ptr(b), 2);
    return q;
  }
  /** this % b; zero when b is zero. */
  // @ts-ignore: decorator
  @operator('%') rem(b: U128): U128 {
    const r = new U128();
    limbsDivRem(ptr(new U128()), ptr(r), ptr(this), ptr(b), 2);
    return r;
  }
  /** this + b, or null on overflow. */
  checkedAdd(b: U128): U128 | null {
    const r = new U128();
    return limbsAdd(ptr(r), ptr(this), ptr(b), 2) ? null : r;
  }
  /** this - b, or null on underflow. */
  checkedSub(b: U128): U128 | null {
    const r = new U128();
    return limbsSub(ptr(r), ptr(this), ptr(b), 2) ? null : r;
  }
  /** this * b, or null on overflow. */
  checkedMul(b: U128): U128 | null {
    const r = new U128();
    return limbsMul(ptr(r), ptr(this), ptr(b), 2) ? null : r;
  }
  /** this / b, or null when b is zero. */
  checkedDiv(b: U128): U128 | null {
    const q = new U128();
    const ok = limbsDivRem(ptr(q), ptr(new U128()), ptr(this), ptr(b), 2);
    return ok ? q : null;
  }
  /** this % b, or null when b is zero. */
  checkedRem(b: U128): U128 | null {
    const r = new U128();
    const ok = limbsDivRem(ptr(new U128()), ptr(r), ptr(this), ptr(b), 2);
    return ok ? r : null;
  }

  /** a == b (null equals only null). */
  // @ts-ignore: decorator
  @operator('==') static eq(a: U128 | null, b: U128 | null): bool {
    return limbsEq(ptr(a), ptr(b), 2);
  }
  /** a != b (null equals only null). */
  // @ts-ignore: decorator
  @operator('!=') static ne(a: U128 | null, b: U128 | null): bool {
    return !limbsEq(ptr(a), ptr(b), 2);
  }
  /** this < b. */
  // @ts-ignore: decorator
  @operator('<') lt(b: U128): bool {
    return limbsCmp(ptr(this), ptr(b), 2) < 0;
  }
  /** this <= b. */
  // @ts-ignore: decorator
  @operator('<=') le(b: U128): bool {
    return limbsCmp(ptr(this), ptr(b), 2) <= 0;
  }
  /** this > b. */
  // @ts-ignore: decorator
  @operator('>') gt(b: U128): bool {
    return limbsCmp(ptr(this), ptr(b), 2) > 0;
  }
  /** this >= b. */
  // @ts-ignore: decorator
  @operator('>=') ge(b: U128): bool {
    return limbsCmp(ptr(this), ptr(b), 2) >= 0;
  }

  /** bytesrepr: length byte + minimal little-endian bytes. */
  encode(enc: Encoder): void {
    encodeUInt(enc, ptr(this), 16);
  }
  /** bytesrepr into a new (zero) value; L > 16 is Formatting (18), short input EarlyEndOfStream (17). */
  decode(dec: Decoder): void {
    decodeUInt(dec, ptr(this), 16);
  }
  /** CLType U128 (tag 6). */
  writeCLType(enc: Encoder): void {
    enc.putU8(6);
  }
}

/** Unsigned 256-bit integer (casper-types U256, CLType 7): CEP-18 token amounts. */
// @ts-ignore: decorator
@final
export class U256 {
  /** Zero. */
  constructor() {
    return changetype<U256>(allocZero(32, idof<U256>()));
  }

  /** v as a U256. */
  static fromU64(v: u64): U256 {
    const r = new U256();
    store<u64>(ptr(r), v);
    return r;
  }
  /** Parses decimal digits (leading zeros allowed); null on empty, non-digit or overflow. */
  static fromString(s: string): U256 | null {
    const r = new U256();
    return limbsParse(ptr(r), 4, s) ? r : null;
  }
  /** From little-endian bytes (at most 32, zero-extended); null if longer. */
  static fromBytesLE(bytes: StaticArray<u8>): U256 | null {
    const r = new U256();
    return setBytes(ptr(r), 32, bytes) ? r : null;
  }
  /** 2^256 - 1. */
  static max(): U256 {
    const r = new U256();
    limbsFill(ptr(r), 4, ~(<u64>0));
    return r;
  }
  /** The 32 little-endian bytes. */
  toBytesLE(): StaticArray<u8> {
    return bytesFrom(ptr(this), 32);
  }
  /** Decimal digits, no leading zeros ("0" for zero). */
  toString(): string {
    return limbsToString(ptr(this), 4);
  }
  /** The low 64 bits. */
  toU64(): u64 {
    return load<u64>(ptr(this));
  }
  /** True when zero. */
  isZero(): bool {
    return limbsIsZero(ptr(this), 4);
  }
  /** A copy. */
  clone(): U256 {
    const r = new U256();
    copyBytes(ptr(r), ptr(this), 32);
    return r;
  }
  /** -1, 0 or 1 as this <, ==, > b. */
  cmp(b: U256): i32 {
    return limbsCmp(ptr(this), ptr(b), 4);
  }

  /** this + b, wrapping modulo 2^256. */
  // @ts-ignore: decorator
  @operator('+') add(b: U256): U256 {
    const r = new U256();
    limbsAdd(ptr(r), ptr(this), ptr(b), 4);
    return r;
  }
  /** this - b, wrapping modulo 2^256. */
  // @ts-ignore: decorator
  @operator('-') sub(b: U256): U256 {
    const r = new U256();
    limbsSub(ptr(r), ptr(this), ptr(b), 4);
    return r;
  }
  /** this * b, wrapping modulo 2^256. */
  // @ts-ignore: decorator
  @operator('*') mul(b: U256): U256 {
    const r = new U256();
    limbsMul(ptr(r), ptr(this), ptr(b), 4);
    return r;
  }
  /** this / b rounded down; zero when b is zero. */
  // @ts-ignore: decorator
  @operator('/') div(b: U256): U256 {
    const q = new U256();
    limbsDivRem(ptr(q), ptr(new U256()), ptr(this), ptr(b), 4);
    return q;
  }
  /** this % b; zero when b is zero. */
  // @ts-ignore: decorator
  @operator('%') rem(b: U256): U256 {
    const r = new U256();
    limbsDivRem(ptr(new U256()), ptr(r), ptr(this), ptr(b), 4);
    return r;
  }
  /** this + b, or null on overflow. */
  checkedAdd(b: U256): U256 | null {
    const r = new U256();
    return limbsAdd(ptr(r), ptr(this), ptr(b), 4) ? null : r;
  }
  /** this - b, or null on underflow. */
  checkedSub(b: U256): U256 | null {
    const r = new U256();
    return limbsSub(ptr(r), ptr(this), ptr(b), 4) ? null : r;
  }
  /** this * b, or null on overflow. */
  checkedMul(b: U256): U256 | null {
    const r = new U256();
    return limbsMul(ptr(r), ptr(this), ptr(b), 4) ? null : r;
  }
  /** this / b, or null when b is zero. */
  checkedDiv(b: U256): U256 | null {
    const q = new U256();
    const ok = limbsDivRem(ptr(q), ptr(new U256()), ptr(this), ptr(b), 4);
    return ok ? q : null;
  }
  /** this % b, or null when b is zero. */
  checkedRem(b: U256): U256 | null {
    const r = new U256();
    const ok = limbsDivRem(ptr(new U256()), ptr(r), ptr(this), ptr(b), 4);
    return ok ? r : null;
  }

  /** a == b (null equals only null). */
  // @ts-ignore: decorator
  @operator('==') static eq(a: U256 | null, b: U256 | null): bool {
    return limbsEq(ptr(a), ptr(b), 4);
  }
  /** a != b (null equals only null). */
  // @ts-ignore: decorator
  @operator('!=') static ne(a: U256 | null, b: U256 | null): bool {
    return !limbsEq(ptr(a), ptr(b), 4);
  }
  /** this < b. */
  // @ts-ignore: decorator
  @operator('<') lt(b: U256): bool {
    return limbsCmp(ptr(this), ptr(b), 4) < 0;
  }
  /** this <= b. */
  // @ts-ignore: decorator
  @operator('<=') le(b: U256): bool {
    return limbsCmp(ptr(this), ptr(b), 4) <= 0;
  }
  /** this > b. */
  // @ts-ignore: decorator
  @operator('>') gt(b: U256): bool {
    return limbsCmp(ptr(this), ptr(b), 4) > 0;
  }
  /** this >= b. */
  // @ts-ignore: decorator
  @operator('>=') ge(b: U256): bool {
    return limbsCmp(ptr(this), ptr(b), 4) >= 0;
  }

  /** bytesrepr: length byte + minimal little-endian bytes. */
  encode(enc: Encoder): void {
    encodeUInt(enc, ptr(this), 32);
  }
  /** bytesrepr into a new (zero) value; L > 32 is Formatting (18), short input EarlyEndOfStream (17). */
  decode(dec: Decoder): void {
    decodeUInt(dec, ptr(this), 32);
  }
  /** CLType U256 (tag 7). */
  writeCLType(enc: Encoder): void {
    enc.putU8(7);
  }
}

/** Unsigned 512-bit integer (casper-types U512, CLType 8): motes amounts and balances. */
// @ts-ignore: decorator
@final
export class U512 {
  /** Zero. */
  constructor() {
    return changetype<U512>(allocZero(64, idof<U512>()));
  }

  /** v as a U512. */
  static fromU64(v: u64): U512 {
    const r = new U512();
    store<u64>(ptr(r), v);
    return r;
  }
  /** Parses decimal digits (leading zeros allowed); null on empty, non-digit or overflow. */
  static fromString(s: string): U512 | null {
    const r = new U512();
    return limbsParse(ptr(r), 8, s) ? r : null;
  }
  /** From little-endian bytes (at most 64, zero-extended); null if longer. */
  static fromBytesLE(bytes: StaticArray<u8>): U512 | null {
    const r = new U512();
    return setBytes(ptr(r), 64, bytes) ? r : null;
  }
  /** 2^512 - 1. */
  static max(): U512 {
    const r = new U512();
    limbsFill(ptr(r), 8, ~(<u64>0));
    return r;
  }
  /** The 64 little-endian bytes. */
  toBytesLE(): StaticArray<u8> {
    return bytesFrom(ptr(this), 64);
  }
  /** Decimal digits, no leading zeros ("0" for zero). */
  toString(): string {
    return limbsToString(ptr(this), 8);
  }
  /** The low 64 bits. */
  toU64(): u64 {
    return load<u64>(ptr(this));
  }
  /** True when zero. */
  isZero(): bool {
    return limbsIsZero(ptr(this), 8);
  }
  /** A copy. */
  clone(): U512 {
    const r = new U512();
    copyBytes(ptr(r), ptr(this), 64);
    return r;
  }
  /** -1, 0 or 1 as this <, ==, > b. */
  cmp(b: U512): i32 {
    return limbsCmp(ptr(this), ptr(b), 8);
  }

  /** this + b, wrapping modulo 2^512. */
  // @ts-ignore: decorator
  @operator('+') add(b: U512): U512 {
    const r = new U512();
    limbsAdd(ptr(r), ptr(this), ptr(b), 8);
    return r;
  }
  /** this - b, wrapping modulo 2^512. */
  // @ts-ignore: decorator
  @operator('-') sub(b: U512): U512 {
    const r = new U512();
    limbsSub(ptr(r), ptr(this), ptr(b), 8);
    return r;
  }
  /** this * b, wrapping modulo 2^512. */
  // @ts-ignore: decorator
  @operator('*') mul(b: U512): U512 {
    const r = new U512();
    limbsMul(ptr(r), ptr(this), ptr(b), 8);
    return r;
  }
  /** this / b rounded down; zero when b is zero. */
  // @ts-ignore: decorator
  @operator('/') div(b: U512): U512 {
    const q = new U512();
    limbsDivRem(ptr(q), ptr(new U512()), ptr(this), ptr(b), 8);
    return q;
  }
  /** this % b; zero when b is zero. */
  // @ts-ignore: decorator
  @operator('%') rem(b: U512): U512 {
    const r = new U512();
    limbsDivRem(ptr(new U512()), ptr(r), ptr(this), ptr(b), 8);
    return r;
  }
  /** this + b, or null on overflow. */
  checkedAdd(b: U512): U512 | null {
    const r = new U512();
    return limbsAdd(ptr(r), ptr(this), ptr(b), 8) ? null : r;
  }
  /** this - b, or null on underflow. */
  checkedSub(b: U512): U512 | null {
    const r = new U512();
    return limbsSub(ptr(r), ptr(this), ptr(b), 8) ? null : r;
  }
  /** this * b, or null on overflow. */
  checkedMul(b: U512): U512 | null {
    const r = new U512();
    return limbsMul(ptr(r), ptr(this), ptr(b), 8) ? null : r;
  }
  /** this / b, or null when b is zero. */
  checkedDiv(b: U512): U512 | null {
    const q = new U512();
    const ok = limbsDivRem(ptr(q), ptr(new U512()), ptr(this), ptr(b), 8);
    return ok ? q : null;
  }
  /** this % b, or null when b is zero. */
  checkedRem(b: U512): U512 | null {
    const r = new U512();
    const ok = limbsDivRem(ptr(new U512()), ptr(r), ptr(this), ptr(b), 8);
    return ok ? r : null;
  }

  /** a == b (null equals only null). */
  // @ts-ignore: decorator
  @operator('==') static eq(a: U512 | null, b: U512 | null): bool {
    return limbsEq(ptr(a), ptr(b), 8);
  }
  /** a != b (null equals only null). */
  // @ts-ignore: decorator
  @operator('!=') static ne(a: U512 | null, b: U512 | null): bool {
    return !limbsEq(ptr(a), ptr(b), 8);
  }
  /** this < b. */
  // @ts-ignore: decorator
  @operator('<') lt(b: U512): bool {
    return limbsCmp(ptr(this), ptr(b), 8) < 0;
  }
  /** this <= b. */
  // @ts-ignore: decorator
  @operator('<=') le(b: U512): bool {
    return limbsCmp(ptr(this), ptr(b), 8) <= 0;
  }
  /** this > b. */
  // @ts-ignore: decorator
  @operator('>') gt(b: U512): bool {
    return limbsCmp(ptr(this), ptr(b), 8) > 0;
  }
  /** this >= b. */
  // @ts-ignore: decorator
  @operator('>=') ge(b: U512): bool {
    return limbsCmp(ptr(this), ptr(b), 8) >= 0;
  }

  /** bytesrepr: length byte + minimal little-endian bytes. */
  encode(enc: Encoder): void {
    encodeUInt(enc, ptr(this), 64);
  }
  /** Writes the bytesrepr (L + L bytes, at most 65) at `out`; returns its length. */
  serializeTo(out: usize): u32 {
    return serializeUInt(ptr(this), 64, out);
  }
  /** bytesrepr into a new (zero) value; L > 64 is Formatting (18), short input EarlyEndOfStream (17). */
  decode(dec: Decoder): void {
    decodeUInt(dec, ptr(this), 64);
  }
  /** CLType U512 (tag 8). */
  writeCLType(enc: Encoder): void {
    enc.putU8(8);
  }
}
