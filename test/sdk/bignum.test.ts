// U128 / U256 / U512 (assembly/bignum.ts): bytesrepr against casper-js-sdk 5, arithmetic against
// BigInt, decimal strings, and decoding errors. Randomized parts use a fixed-seed PRNG.
import { CLTypeUInt128, CLTypeUInt256, CLTypeUInt512, CLValue, CLValueParser } from 'casper-js-sdk';
import { getBytes, type Harness, loadHarness, putBytes } from '../helpers/harness';

type Width = 128 | 256 | 512;
const WIDTHS: Width[] = [128, 256, 512];
const TAG: Record<Width, number> = { 128: 6, 256: 7, 512: 8 };

let h: Harness;
beforeEach(() => {
  h = loadHarness('bignum');
});

/** xorshift32 with a fixed seed: deterministic u32 stream. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** A random BigInt of exactly `bits` random bits (top bit not forced). */
function randBits(next: () => number, bits: number): bigint {
  let v = 0n;
  for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(next());
  const extra = (32 - (bits % 32)) % 32;
  return v >> BigInt(extra);
}

const maxOf = (w: Width): bigint => (1n << BigInt(w)) - 1n;

/** A mix of small, boundary, sparse and full-width values below 2^w. */
function randValue(next: () => number, w: Width): bigint {
  const kind = next() % 6;
  const bits = 1 + (next() % w);
  switch (kind) {
    case 0: // small
      return randBits(next, 1 + (next() % 64));
    case 1: {
      // boundary around a power of two, clamped to the width
      const p = 1n << BigInt(next() % w);
      const v = p + BigInt((next() % 3) - 1);
      return v < 0n ? 0n : v > maxOf(w) ? maxOf(w) : v;
    }
    case 2: // near the maximum
      return maxOf(w) - randBits(next, next() % 16);
    case 3: {
      // sparse: a few non-zero bytes among zero bytes
      let v = 0n;
      for (let k = next() % 4; k >= 0; k--) v |= BigInt(next() & 0xff) << BigInt(8 * (next() % (w / 8)));
      return v;
    }
    case 4: // full width
      return randBits(next, w);
    default: // random bit length
      return randBits(next, bits) | (1n << BigInt(bits - 1));
  }
}

/** Little-endian bytes of v, `n` bytes. */
function le(v: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Value of little-endian bytes. */
function fromLe(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

/** casper-types bytesrepr of v: minimal length byte + little-endian bytes. */
function minimal(v: bigint): number[] {
  const bytes: number[] = [];
  while (v > 0n) {
    bytes.push(Number(v & 0xffn));
    v >>= 8n;
  }
  return [bytes.length, ...bytes];
}

function sdkValue(w: Width, v: bigint): CLValue {
  return w === 128 ? CLValue.newCLUInt128(v) : w === 256 ? CLValue.newCLUInt256(v) : CLValue.newCLUInt512(v);
}

function sdkDecode(w: Width, bytes: Uint8Array): bigint {
  const type = w === 128 ? CLTypeUInt128 : w === 256 ? CLTypeUInt256 : CLTypeUInt512;
  const r = CLValueParser.fromBytesByType(bytes, type).result;
  const n = w === 128 ? r.ui128 : w === 256 ? r.ui256 : r.ui512;
  return BigInt(n!.toString());
}

const arr = (h: Harness, b: Uint8Array | number[]): number =>
  putBytes(h, Uint8Array.from(b), h.STATIC_ARRAY_U8_ID.value);
/** Calls a harness function that returns bytes; the result as hex (fast to compare). */
const call = (fn: string, ...args: unknown[]): string => Buffer.from(getBytes(h, h[fn](...args))).toString('hex');
/** Hex of bytes. */
const hex = (...parts: (number[] | Uint8Array)[]): string =>
  parts.map((p) => Buffer.from(Uint8Array.from(p)).toString('hex')).join('');

describe.each(WIDTHS)('U%i bytesrepr', (w) => {
  const n = w / 8;

  // casper-js-sdk 5.0.12 cannot encode U512 values of 2^256 or more: its toBytesNumber bounds every
  // width above 256 bits by MaxUint256 ("value out-of-bounds"); it decodes them correctly. Those
  // values are checked against hand-computed casper-types bytes and the SDK's decoder instead.
  const sdkCanEncode = (v: bigint): boolean => w < 512 || v < 1n << 256n;

  test('matches casper-js-sdk on 1,200+ random values both ways', () => {
    const next = prng(0x5eed0000 + w);
    const values = [0n, 1n, 255n, 256n, maxOf(w), maxOf(w) - 1n, 1n << BigInt(w - 1)];
    if (w === 512) values.push((1n << 256n) - 1n, 1n << 256n);
    while (values.length < 1200) values.push(randValue(next, w));
    // For U512, another 1,000 values below 2^256, the range casper-js-sdk can encode.
    if (w === 512) for (let i = 0; i < 1000; i++) values.push(randValue(next, 256));
    let sdkEncoded = 0;
    for (const v of values) {
      const bytes = minimal(v); // casper-types: length byte + minimal little-endian bytes
      const cl = call('clValue', w, arr(h, le(v, n)));
      // AS CLValue bytes (u32 length, value, tag), and the tag once more from a null instance.
      expect(cl).toBe(hex(le(BigInt(bytes.length), 4), bytes, [TAG[w], TAG[w]]));
      const sdk = sdkValue(w, v);
      if (sdkCanEncode(v)) {
        expect(hex(sdk.bytes())).toBe(hex(bytes));
        expect(cl.slice(0, -2)).toBe(hex(CLValueParser.toBytesWithType(sdk)));
        sdkEncoded++;
      } else {
        expect(() => sdk.bytes()).toThrow('value out-of-bounds');
      }
      // The bytes decode in AS to the same value and re-encode identically.
      expect(call('decodeLE', w, arr(h, bytes))).toBe(hex([0, ...le(v, n)]));
      expect(call('roundTrip', w, arr(h, bytes))).toBe(hex([0, ...bytes]));
      // And casper-js-sdk reads the AS bytes back as v.
      expect(sdkDecode(w, Buffer.from(cl.slice(8, 8 + 2 * bytes.length), 'hex'))).toBe(v);
    }
    expect(sdkEncoded).toBeGreaterThanOrEqual(1000);
  });

  test('worked example: 1,000,000,000 is 04 00ca9a3b; zero is 00', () => {
    const cl = call('clValue', w, arr(h, le(1_000_000_000n, n)));
    expect(cl).toBe(`050000000400ca9a3b${TAG[w].toString(16).padStart(2, '0').repeat(2)}`);
    expect(call('roundTrip', w, arr(h, [0]))).toBe(hex([0, 0]));
  });

  test('non-minimal encodings are accepted and re-encoded minimally', () => {
    const next = prng(0xa11 + w);
    const cases: [number[], bigint][] = [
      [[2, 5, 0], 5n],
      [[1, 0], 0n],
      [[n, ...new Array(n).fill(0)], 0n],
      [[n, 1, ...new Array(n - 1).fill(0)], 1n],
    ];
    for (let i = 0; i < 200; i++) {
      const v = randValue(next, w);
      const m = minimal(v);
      const len = m[0] + (next() % (n - m[0] + 1));
      cases.push([[len, ...m.slice(1), ...new Array(len - m[0]).fill(0)], v]);
    }
    for (const [bytes, v] of cases) {
      expect(call('decodeLE', w, arr(h, bytes))).toBe(hex([0, ...le(v, n)]));
      expect(call('roundTrip', w, arr(h, bytes))).toBe(hex([0, ...minimal(v)]));
    }
  });

  test('length byte above the width is Formatting (18), whatever follows', () => {
    for (let len = n + 1; len <= 255; len++) {
      expect(call('roundTrip', w, arr(h, [len]))).toBe(hex([18]));
      expect(call('roundTrip', w, arr(h, [len, ...new Array(len).fill(1)]))).toBe(hex([18]));
    }
  });

  test('a failed decode writes nothing: the value stays zero and the memory after it intact', () => {
    for (const bytes of [
      [255, ...new Array(255).fill(0xff)],
      [n + 1, ...new Array(n + 1).fill(0xff)],
      [n, 0xff],
      [3, 1, 2],
    ]) {
      expect(call('decodeGuard', w, arr(h, bytes))).toBe(hex([bytes[0] > n ? 18 : 17, 1], le(0n, n)));
    }
    expect(call('decodeGuard', w, arr(h, [2, 0x34, 0x12]))).toBe(hex([0, 1], le(0x1234n, n)));
  });

  test('truncated input is EarlyEndOfStream (17); trailing bytes are LeftOverBytes (19)', () => {
    expect(call('roundTrip', w, arr(h, []))).toBe(hex([17]));
    for (let len = 1; len <= n; len++) {
      for (const have of [0, len - 1])
        expect(call('roundTrip', w, arr(h, [len, ...new Array(have).fill(7)]))).toBe(hex([17]));
      expect(call('roundTrip', w, arr(h, [len, ...new Array(len).fill(7), 0]))).toBe(hex([19]));
    }
    expect(call('roundTrip', w, arr(h, [0, 0]))).toBe(hex([19]));
  });

  test('2,000 random byte strings: exact result, never a trap', () => {
    const next = prng(0xbad0 + w);
    for (let i = 0; i < 2000; i++) {
      const size = next() % (n + 6);
      const bytes = Array.from({ length: size }, () => next() & 0xff);
      if (size > 0 && next() % 4 !== 0) bytes[0] = next() % (n + 3); // mostly plausible lengths
      let expected: number[];
      if (size === 0) expected = [17];
      else if (bytes[0] > n) expected = [18];
      else if (size - 1 < bytes[0]) expected = [17];
      else if (size - 1 > bytes[0]) expected = [19];
      else expected = [0, ...minimal(fromLe(Uint8Array.from(bytes.slice(1))))];
      expect(call('roundTrip', w, arr(h, bytes))).toBe(hex(expected));
    }
  });
});

// Operation kinds of the harness's op().
const ADD = 0,
  SUB = 1,
  MUL = 2,
  DIV = 3,
  REM = 4;
const CHECKED = 5;
const COMPARE = 10;
const OPS = [
  ['add', ADD],
  ['sub', SUB],
  ['mul', MUL],
  ['div', DIV],
  ['rem', REM],
] as const;

/** Expected [wrapping result, checked result or null] for a op b at width w, as BigInt. */
function expected(kind: number, a: bigint, b: bigint, w: Width): [bigint, bigint | null] {
  const mod = 1n << BigInt(w);
  const exact =
    kind === ADD ? a + b : kind === SUB ? a - b : kind === MUL ? a * b : b === 0n ? null : kind === DIV ? a / b : a % b;
  if (exact === null) return [0n, null];
  const wrapped = ((exact % mod) + mod) % mod;
  return [wrapped, exact === wrapped ? exact : null];
}

/** Random operand pairs for one op: random mixes plus the edge cases of that op. */
function pairs(kind: number, w: Width, seed: number): [bigint, bigint][] {
  const next = prng(seed);
  const max = maxOf(w);
  const out: [bigint, bigint][] = [
    [0n, 0n],
    [max, max],
    [max, 1n],
    [1n, max],
    [max, 0n],
    [0n, max],
    [0n, 1n],
    [max - 1n, 1n],
    [1n << BigInt(w / 2), 1n << BigInt(w / 2)],
    [(1n << BigInt(w / 2)) - 1n, (1n << BigInt(w / 2)) + 1n],
    [max, 2n],
    [max, 1n << BigInt(w - 1)],
    [(1n << BigInt(w - 1)) + 1n, (1n << BigInt(w - 1)) + 1n],
  ];
  for (let i = 0; i < 1000; i++) {
    let a = randValue(next, w);
    let b = randValue(next, w);
    if (kind === MUL && next() % 2 === 0) {
      // operands whose bit lengths add up to about w: both overflowing and fitting products
      const ab = 1 + (next() % (w - 1));
      a = randBits(next, ab);
      b = randBits(next, Math.max(1, w - ab + (next() % 5) - 2));
    }
    if ((kind === DIV || kind === REM) && next() % 3 === 0) b = randBits(next, 1 + (next() % 64)); // short divisors
    if (next() % 50 === 0) b = 0n;
    if (next() % 50 === 0) b = a;
    out.push([a, b]);
  }
  return out;
}

describe.each(WIDTHS)('U%i arithmetic against BigInt', (w) => {
  const n = w / 8;
  const res = (v: bigint | null): string => (v === null ? '01' : hex([0], le(v, n)));

  test.each(OPS)('%s: wrapping and checked forms on 1,013 pairs', (_name, kind) => {
    let nulls = 0;
    for (const [a, b] of pairs(kind, w, 0xc0ffee + kind * 7919 + w)) {
      const [wrapped, checked] = expected(kind, a, b, w);
      const A = arr(h, le(a, n));
      const B = arr(h, le(b, n));
      expect(call('op', kind, w, A, B)).toBe(res(wrapped));
      expect(call('op', kind + CHECKED, w, A, B)).toBe(res(checked));
      if (checked === null) nulls++;
    }
    // Each op meets its failure case (overflow, underflow or zero divisor) many times.
    expect(nulls).toBeGreaterThan(kind === DIV || kind === REM ? 10 : 100);
  });

  test('comparisons: == != < <= > >= and cmp on 1,013 pairs', () => {
    for (const [a, b] of pairs(COMPARE, w, 0xc0de + w)) {
      const flags =
        (a === b ? 1 : 0) |
        (a !== b ? 2 : 0) |
        (a < b ? 4 : 0) |
        (a <= b ? 8 : 0) |
        (a > b ? 16 : 0) |
        (a >= b ? 32 : 0);
      const cmp = a < b ? 0 : a === b ? 1 : 2;
      expect(call('op', COMPARE, w, arr(h, le(a, n)), arr(h, le(b, n)))).toBe(hex([0, flags, cmp]));
    }
  });

  test('shorter little-endian inputs are zero-extended; longer ones are null', () => {
    expect(call('fromBytes', w, arr(h, [1, 2]))).toBe(hex([0, ...le(0x201n, n)]));
    expect(call('fromBytes', w, arr(h, []))).toBe(hex([0, ...le(0n, n)]));
    expect(call('fromBytes', w, arr(h, new Array(n).fill(0xff)))).toBe(hex([0, ...le(maxOf(w), n)]));
    expect(call('fromBytes', w, arr(h, new Array(n + 1).fill(0)))).toBe(hex([1]));
  });

  test('isZero, toU64, clone, fromU64, max, new, and == / != with null', () => {
    const next = prng(0x77 + w);
    const values = [0n, 1n, maxOf(w), 1n << 64n, (1n << 64n) - 1n];
    for (let i = 0; i < 100; i++) values.push(randValue(next, w));
    for (const v of values) {
      const u = randBits(next, 64);
      const out = call('misc', w, arr(h, le(v, n)), u);
      expect(out).toBe(
        hex(
          [v === 0n ? 1 : 0],
          le(v & 0xffffffffffffffffn, 8),
          [1],
          le(u, n),
          le(maxOf(w), n),
          le(0n, n),
          // null == null, x != null; never x == null, null == x, null != null
          [0b01001],
        ),
      );
    }
  });
});

describe.each(WIDTHS)('U%i decimal strings', (w) => {
  const n = w / 8;
  const parse = (s: string): string => call('parse', w, h.__newString(s));
  const toStr = (v: bigint): string => h.__getString(h.toStr(w, arr(h, le(v, n))));

  test('toString / fromString round trip 1,000 random values', () => {
    const next = prng(0xdec + w);
    const values = [0n, 1n, 9n, 10n, 999_999_999n, 1_000_000_000n, 10n ** 18n, maxOf(w)];
    while (values.length < 1000) values.push(randValue(next, w));
    for (const v of values) {
      const s = toStr(v);
      expect(s).toBe(v.toString());
      expect(parse(s)).toBe(hex([0, ...le(v, n)]));
    }
  });

  test('maximum, leading zeros, and overflow', () => {
    const max = maxOf(w);
    expect(toStr(max)).toBe(max.toString());
    expect(parse(max.toString())).toBe(hex([0, ...le(max, n)]));
    expect(parse(`000000${max}`)).toBe(hex([0, ...le(max, n)]));
    expect(parse('0')).toBe(hex([0, ...le(0n, n)]));
    expect(parse('0000')).toBe(hex([0, ...le(0n, n)]));
    expect(parse('007')).toBe(hex([0, ...le(7n, n)]));
    expect(parse(`${'0'.repeat(500)}42`)).toBe(hex([0, ...le(42n, n)]));
    // Overflow: max + 1, max * 10, a longer digit string, and each of the next few values.
    for (const v of [max + 1n, max + 2n, max * 10n, max * 10n + 9n, 10n ** BigInt(max.toString().length), 2n * max]) {
      expect(parse(v.toString())).toBe(hex([1]));
    }
    expect(parse('9'.repeat(max.toString().length + 1))).toBe(hex([1]));
  });

  test('empty and non-digit strings are null', () => {
    for (const s of [
      '',
      ' ',
      ' 1',
      '1 ',
      '-1',
      '+1',
      '1e5',
      '0x10',
      '12a',
      '/',
      ':',
      '1.0',
      '1_000',
      '١٢',
      '１',
      '😀',
      '\u0000',
    ]) {
      expect(parse(s)).toBe(hex([1]));
    }
  });
});
