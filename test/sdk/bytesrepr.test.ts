import { CLValue } from 'casper-js-sdk';
import { getBytes, type Harness, loadHarness, putBytes } from '../helpers/harness';

let h: Harness;
beforeEach(() => {
  h = loadHarness('bytesrepr');
});

function roundTrip(fn: string, bytes: Uint8Array): Uint8Array {
  return getBytes(h, h[fn](putBytes(h, bytes, h.STATIC_ARRAY_U8_ID.value)));
}

describe('bytesrepr primitives', () => {
  test('ASCII String round-trips casper-js-sdk bytes', () => {
    for (const s of ['', 'hello', 'donation_count', '~!@#$%^&*()']) {
      const bytes = CLValue.newCLString(s).bytes();
      expect(Array.from(roundTrip('roundTripString', bytes))).toEqual([0, ...bytes]);
    }
  });

  test('non-ASCII String uses the UTF-8 byte length, as casper-types does', () => {
    // casper-js-sdk 5 prefixes the UTF-16 length (01000000c3a9 for "é"); casper-types writes
    // u32 byte length + UTF-8, which is what the node decodes.
    for (const s of ['é', 'héllo wörld', '😀 emoji', '日本語']) {
      const utf8 = Buffer.from(s, 'utf8');
      const bytes = Uint8Array.from([...new Uint8Array(new Uint32Array([utf8.length]).buffer), ...utf8]);
      expect(Array.from(roundTrip('roundTripString', bytes))).toEqual([0, ...bytes]);
    }
    expect(Buffer.from(CLValue.newCLString('é').bytes()).toString('hex')).toBe('01000000c3a9');
  });

  test('invalid UTF-8 is Formatting (18), never a trap', () => {
    const cases = [
      [1, 0, 0, 0, 0xff],
      [2, 0, 0, 0, 0xc0, 0x80], // overlong
      [3, 0, 0, 0, 0xed, 0xa0, 0x80], // surrogate
      [4, 0, 0, 0, 0xf4, 0x90, 0x80, 0x80], // > U+10FFFF
      [1, 0, 0, 0, 0x80],
    ];
    for (const c of cases) expect(Array.from(roundTrip('roundTripString', Uint8Array.from(c)))).toEqual([18]);
  });

  test('truncated input is EarlyEndOfStream (17); extra input is LeftOverBytes (19)', () => {
    expect(Array.from(roundTrip('roundTripString', Uint8Array.from([5, 0, 0, 0, 0x61])))).toEqual([17]);
    expect(Array.from(roundTrip('roundTripU64', Uint8Array.from([1, 2, 3])))).toEqual([17]);
    expect(Array.from(roundTrip('roundTripU64', new Uint8Array(9)))).toEqual([19]);
    expect(Array.from(roundTrip('roundTripStringList', Uint8Array.from([0xff, 0xff, 0xff, 0xff])))).toEqual([17]);
  });

  test('bool accepts only 0 and 1', () => {
    expect(Array.from(roundTrip('roundTripBool', Uint8Array.from([1])))).toEqual([0, 1]);
    expect(Array.from(roundTrip('roundTripBool', Uint8Array.from([2])))).toEqual([18]);
  });
});
