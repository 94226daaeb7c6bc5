// bytesrepr primitives (casper-types 4.0.1 bytesrepr.rs, uint.rs) against casper-js-sdk 5 and hand vectors.
import * as sdk from 'casper-js-sdk';
import {
  BytesReprError,
  bytesReprErrorMessage,
  bytesReprErrorName,
  compareStringsUtf8,
  fromBytes,
  fromBytesPrefix,
  hexToBytes,
  type Reader,
  sortDedupLast,
  toBytes,
  utf8Length,
  Writer,
} from '../../../runtime/types';
import { hex, Rng, unhex } from './helpers';

const dec = <T>(b: Uint8Array, f: (r: Reader) => T) => fromBytes(b, f);
const err = (code: number) => ({ ok: false, error: code });

describe('error codes', () => {
  test('numbered as ApiError numbers them, with Rust names and Display texts', () => {
    expect(BytesReprError).toEqual({
      EarlyEndOfStream: 17,
      Formatting: 18,
      LeftOverBytes: 19,
      OutOfMemory: 20,
      ExceededRecursionDepth: 39,
      NotRepresentable: 40,
    });
    expect(bytesReprErrorName(17)).toBe('EarlyEndOfStream');
    expect(bytesReprErrorName(39)).toBe('ExceededRecursionDepth');
    expect(bytesReprErrorMessage(19)).toBe('Deserialization error: left-over bytes');
  });
});

describe('fixed-width integers', () => {
  test('1,000 random u8/u32/i32/u64/i64 values equal casper-js-sdk bytes and decode back', () => {
    const rng = new Rng(0xb1);
    const C = sdk.CLValue;
    for (let i = 0; i < 1000; i++) {
      const u8 = rng.int(256);
      const u32 = rng.u32();
      const i32 = rng.u32() | 0;
      const u64 = rng.ubig(64);
      const i64 = BigInt.asIntN(64, rng.ubig(64));
      const cases: [Uint8Array, Uint8Array, (r: Reader) => unknown, unknown][] = [
        [toBytes(u8, (w, v) => w.u8(v)), C.newCLUint8(u8).bytes(), (r) => r.u8(), u8],
        [toBytes(u32, (w, v) => w.u32(v)), C.newCLUInt32(u32).bytes(), (r) => r.u32(), u32],
        [toBytes(i32, (w, v) => w.i32(v)), C.newCLInt32(i32).bytes(), (r) => r.i32(), i32],
        [toBytes(u64, (w, v) => w.u64(v)), C.newCLUint64(u64.toString()).bytes(), (r) => r.u64(), u64],
        [toBytes(i64, (w, v) => w.i64(v)), C.newCLInt64(i64.toString()).bytes(), (r) => r.i64(), i64],
      ];
      for (const [mine, theirs, read, value] of cases) {
        expect(hex(mine)).toBe(hex(theirs));
        expect(dec(theirs, read)).toEqual({ ok: true, value });
      }
    }
  });

  test('short input → EarlyEndOfStream; extra → LeftOverBytes', () => {
    expect(dec(new Uint8Array(3), (r) => r.u32())).toEqual(err(17));
    expect(dec(new Uint8Array(7), (r) => r.u64())).toEqual(err(17));
    expect(dec(new Uint8Array(0), (r) => r.u8())).toEqual(err(17));
    expect(dec(new Uint8Array(5), (r) => r.u32())).toEqual(err(19));
    expect(dec(unhex('ffffffffffffffff'), (r) => r.i64())).toEqual({ ok: true, value: -1n });
    expect(dec(unhex('ffffffffffffffff'), (r) => r.u64())).toEqual({ ok: true, value: 0xffffffffffffffffn });
    expect(dec(unhex('0000000000002000'), (r) => r.u64())).toEqual({ ok: true, value: 1n << 53n });
  });

  test('bool: 0/1, anything else Formatting', () => {
    expect(dec(new Uint8Array([1]), (r) => r.bool())).toEqual({ ok: true, value: true });
    expect(dec(new Uint8Array([0]), (r) => r.bool())).toEqual({ ok: true, value: false });
    for (let b = 2; b < 256; b++) expect(dec(new Uint8Array([b]), (r) => r.bool())).toEqual(err(18));
  });

  test('writer range checks (host bugs, not decode errors)', () => {
    const w = new Writer(1);
    expect(() => w.u8(256)).toThrow(RangeError);
    expect(() => w.u8(-1)).toThrow(RangeError);
    expect(() => w.u32(2 ** 32)).toThrow(RangeError);
    expect(() => w.i32(2 ** 31)).toThrow(RangeError);
    expect(() => w.u64(-1n)).toThrow(RangeError);
    expect(() => w.u64(1n << 64n)).toThrow(RangeError);
    expect(() => w.i64(1n << 63n)).toThrow(RangeError);
    expect(() => w.u128(1n << 128n)).toThrow(RangeError);
    expect(() => w.fixed(new Uint8Array(31), 32)).toThrow(RangeError);
    w.u8(1).u32(2).u64(3n).string('x');
    expect(w.length).toBe(18);
    expect(hex(w.finish())).toBe('01020000000300000000000000010000007' + '8');
  });
});

describe('U128 / U256 / U512', () => {
  test('1,000 random values equal casper-js-sdk bytes (≤ 2^256 for U512: the sdk limit) and decode back', () => {
    const rng = new Rng(0xb2);
    const C = sdk.CLValue;
    for (let i = 0; i < 1000; i++) {
      const a = rng.ubig(128);
      const b = rng.ubig(256);
      const c = rng.ubig(256);
      const cases: [Uint8Array, Uint8Array, (r: Reader) => bigint, bigint][] = [
        [toBytes(a, (w, v) => w.u128(v)), C.newCLUInt128(a.toString()).bytes(), (r) => r.u128(), a],
        [toBytes(b, (w, v) => w.u256(v)), C.newCLUInt256(b.toString()).bytes(), (r) => r.u256(), b],
        [toBytes(c, (w, v) => w.u512(v)), C.newCLUInt512(c.toString()).bytes(), (r) => r.u512(), c],
      ];
      for (const [mine, theirs, read, value] of cases) {
        expect(hex(mine)).toBe(hex(theirs));
        expect(dec(theirs, read)).toEqual({ ok: true, value });
      }
    }
  });

  test('full-width U512 (beyond what casper-js-sdk 5 can encode), hand vectors', () => {
    const max = (1n << 512n) - 1n;
    const bytes = toBytes(max, (w, v) => w.u512(v));
    expect(hex(bytes)).toBe(`40${'ff'.repeat(64)}`);
    expect(dec(bytes, (r) => r.u512())).toEqual({ ok: true, value: max });
    const v = (1n << 300n) + 5n;
    const b2 = toBytes(v, (w, x) => w.u512(x));
    expect(hex(b2)).toBe(`26${'05'}${'00'.repeat(36)}10`);
    expect(dec(b2, (r) => r.u512())).toEqual({ ok: true, value: v });
    const rng = new Rng(0xb3);
    for (let i = 0; i < 1000; i++) {
      const x = rng.ubig(512);
      expect(
        dec(
          toBytes(x, (w, y) => w.u512(y)),
          (r) => r.u512(),
        ),
      ).toEqual({ ok: true, value: x });
    }
  });

  test('length byte over the width → Formatting; non-minimal forms accepted; short → EarlyEndOfStream', () => {
    expect(dec(unhex(`41${'00'.repeat(65)}`), (r) => r.u512())).toEqual(err(18));
    expect(dec(unhex(`11${'00'.repeat(17)}`), (r) => r.u128())).toEqual(err(18));
    expect(dec(unhex(`21${'00'.repeat(33)}`), (r) => r.u256())).toEqual(err(18));
    expect(dec(unhex('ff'), (r) => r.u512())).toEqual(err(18)); // Formatting before the missing bytes
    expect(dec(unhex('020500'), (r) => r.u512())).toEqual({ ok: true, value: 5n });
    expect(dec(unhex(`10${'00'.repeat(16)}`), (r) => r.u128())).toEqual({ ok: true, value: 0n });
    expect(dec(unhex('0405'), (r) => r.u512())).toEqual(err(17));
    expect(dec(unhex(''), (r) => r.u512())).toEqual(err(17));
    expect(hex(toBytes(0n, (w, v) => w.u512(v)))).toBe('00');
  });
});

describe('String and Bytes', () => {
  test('1,000 random ASCII strings equal casper-js-sdk bytes and decode back', () => {
    const rng = new Rng(0xb4);
    for (let i = 0; i < 1000; i++) {
      const s = rng.ascii(60);
      const mine = toBytes(s, (w, v) => w.string(v));
      expect(hex(mine)).toBe(hex(sdk.CLValue.newCLString(s).bytes()));
      expect(dec(mine, (r) => r.string())).toEqual({ ok: true, value: s });
    }
  });

  test('non-ASCII strings use the UTF-8 byte length (casper-js-sdk 5 writes the UTF-16 length)', () => {
    const s = 'héllo ✓ 𝄞';
    const mine = toBytes(s, (w, v) => w.string(v));
    expect(hex(mine)).toBe(`0f000000${Buffer.from(s, 'utf8').toString('hex')}`);
    expect(utf8Length(s)).toBe(15);
    expect(hex(sdk.CLValue.newCLString(s).bytes()).slice(0, 8)).toBe('0a000000'); // the sdk bug: 10 UTF-16 units
    expect(dec(mine, (r) => r.string())).toEqual({ ok: true, value: s });
  });

  test('strict UTF-8 like String::from_utf8: invalid → Formatting, BOM and NUL kept', () => {
    const bad = ['80', 'c0af', 'e080af', 'eda080', 'f4908080', 'ff', 'c3', 'e282', 'f0908d'];
    for (const b of bad) {
      const len = (b.length / 2).toString(16).padStart(2, '0');
      expect(dec(unhex(`${len}000000${b}`), (r) => r.string())).toEqual(err(18));
      // also on the long (TextDecoder) path
      const pad = '41'.repeat(40);
      const len2 = (b.length / 2 + 40).toString(16).padStart(2, '0');
      expect(dec(unhex(`${len2}000000${pad}${b}`), (r) => r.string())).toEqual(err(18));
    }
    expect(dec(unhex('03000000efbbbf'), (r) => r.string())).toEqual({ ok: true, value: '\uFEFF' });
    expect(dec(unhex('0100000000'), (r) => r.string())).toEqual({ ok: true, value: '\u0000' });
    expect(dec(unhex('04000000f09d849e'), (r) => r.string())).toEqual({ ok: true, value: '𝄞' });
    expect(dec(unhex('0500000061'), (r) => r.string())).toEqual(err(17));
    expect(dec(unhex('050000'), (r) => r.string())).toEqual(err(17));
  });

  test('Bytes: u32 length + bytes, a view into the input', () => {
    const input = unhex('03000000aabbcc');
    const res = dec(input, (r) => r.bytes());
    expect(res).toEqual({ ok: true, value: unhex('aabbcc') });
    if (res.ok) expect(res.value.buffer).toBe(input.buffer);
    expect(dec(unhex('04000000aabbcc'), (r) => r.bytes())).toEqual(err(17));
    expect(dec(unhex('ffffffff'), (r) => r.bytes())).toEqual(err(17));
  });
});

describe('Option, Vec, prefix decoding', () => {
  test('Option tag 0/1, other → Formatting', () => {
    const rd = (r: Reader) => r.option((x) => x.u8());
    expect(dec(unhex('00'), rd)).toEqual({ ok: true, value: null });
    expect(dec(unhex('0107'), rd)).toEqual({ ok: true, value: 7 });
    expect(dec(unhex('0207'), rd)).toEqual(err(18));
    expect(dec(unhex('01'), rd)).toEqual(err(17));
  });

  test('Vec with a huge count and no items → EarlyEndOfStream (no allocation blow-up)', () => {
    expect(dec(unhex('ffffffff'), (r) => r.vec((x) => x.u64()))).toEqual(err(17));
    expect(dec(unhex('00000000'), (r) => r.vec((x) => x.u64()))).toEqual({ ok: true, value: [] });
  });

  test('fromBytesPrefix reports the end offset; windows of a larger buffer', () => {
    const b = unhex('ff0500000068656c6c6fee');
    expect(fromBytesPrefix(b, (r) => r.string(), 1)).toEqual({ ok: true, value: 'hello', next: 10 });
    expect(fromBytes(b, (r) => r.string(), 1, 10)).toEqual({ ok: true, value: 'hello' });
    expect(fromBytes(b, (r) => r.string(), 1, 9)).toEqual(err(17));
    expect(() => fromBytes(b, (r) => r.u8(), 5, 3)).toThrow(RangeError);
  });

  test('non-decode exceptions propagate (host bugs are not turned into results)', () => {
    expect(() =>
      fromBytes(new Uint8Array(1), () => {
        throw new Error('bug');
      }),
    ).toThrow('bug');
  });
});

describe('helpers', () => {
  test('compareStringsUtf8 is UTF-8 byte order (= Rust String Ord)', () => {
    const rng = new Rng(0xb5);
    const alphabet = ['a', 'z', 'é', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '𐀀', '𝄞', '\u{10ffff}', ''];
    for (let i = 0; i < 2000; i++) {
      let a = '';
      let b = '';
      for (let k = rng.int(4); k > 0; k--) a += rng.pick(alphabet);
      for (let k = rng.int(4); k > 0; k--) b += rng.pick(alphabet);
      const ba = Buffer.from(a, 'utf8');
      const bb = Buffer.from(b, 'utf8');
      expect(Math.sign(compareStringsUtf8(a, b))).toBe(Math.sign(Buffer.compare(ba, bb)));
    }
  });

  test('sortDedupLast keeps the last of equal items', () => {
    const items = [
      { k: 2, v: 'a' },
      { k: 1, v: 'b' },
      { k: 2, v: 'c' },
    ];
    expect(sortDedupLast(items, (x, y) => x.k - y.k)).toEqual([
      { k: 1, v: 'b' },
      { k: 2, v: 'c' },
    ]);
  });

  test('hexToBytes', () => {
    expect(hexToBytes('00aAfF')).toEqual(new Uint8Array([0, 0xaa, 0xff]));
    expect(() => hexToBytes('0')).toThrow(RangeError);
    expect(() => hexToBytes('zz')).toThrow(RangeError);
  });
});
