// CLType and CLValue codecs against casper-js-sdk 5 and casper-types 4.0.1 rules.
import * as sdk from 'casper-js-sdk';
import {
  BytesReprError,
  byteArrayType,
  type CLData,
  CLTypes,
  CLValue,
  clTypeEquals,
  clTypeSerializedLength,
  clTypeToString,
  clValueEquals,
  clValueErrorToString,
  decodeCLType,
  decodeCLValue,
  encodeCLType,
  encodeCLValue,
  fromBytes,
  listType,
  mapType,
  optionType,
  readCLData,
  resultType,
  tuple2Type,
  tuple3Type,
  Writer,
  writeCLData,
} from '../../../runtime/types';
import { hex, Rng, randomCLType, randomData, toSdkType, toSdkValue, unhex } from './helpers';

function canon(t: Parameters<typeof writeCLData>[1], d: CLData): CLData {
  // round-trip through our codec to get canonical (sorted, deduplicated) maps
  const w = new Writer();
  writeCLData(w, t, d);
  const res = fromBytes(w.finish(), (r) => readCLData(r, t));
  if (!res.ok) throw new Error('canon failed');
  return res.value;
}

describe('CLType', () => {
  test('1,000 random types: bytes equal casper-js-sdk, sdk bytes decode to the same type', () => {
    const rng = new Rng(0xc1);
    for (let i = 0; i < 1000; i++) {
      const t = randomCLType(rng, 4);
      const mine = encodeCLType(t);
      const theirs = toSdkType(t).toBytes();
      expect(hex(mine)).toBe(hex(theirs));
      expect(mine.length).toBe(clTypeSerializedLength(t));
      const back = decodeCLType(theirs);
      expect(back.ok).toBe(true);
      if (back.ok) expect(clTypeEquals(back.value, t)).toBe(true);
    }
  });

  test('recursion depth: 50 nested levels decode, 51 → ExceededRecursionDepth (checked before EOF)', () => {
    const nest = (n: number) => new Uint8Array([...new Array(n - 1).fill(13), 0]); // Option^(n-1)(Bool)
    expect(decodeCLType(nest(50)).ok).toBe(true);
    expect(decodeCLType(nest(51))).toEqual({ ok: false, error: BytesReprError.ExceededRecursionDepth });
    // 50 Option tags and then nothing: the depth check fires before the missing tag is noticed
    expect(decodeCLType(new Uint8Array(50).fill(13))).toEqual({
      ok: false,
      error: BytesReprError.ExceededRecursionDepth,
    });
    expect(decodeCLType(new Uint8Array(49).fill(13))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
    // Map/Result/Tuple children are one level deeper than their parent, siblings are not
    const deepList = new Uint8Array([...new Array(48).fill(14), 17, 0, 0]); // List^48(Map(Bool,Bool))
    expect(decodeCLType(deepList).ok).toBe(true);
    const tooDeep = new Uint8Array([...new Array(49).fill(14), 17, 0, 0]);
    expect(decodeCLType(tooDeep)).toEqual({ ok: false, error: BytesReprError.ExceededRecursionDepth });
  });

  test('errors: unknown tag → Formatting, truncated → EarlyEndOfStream, extra → LeftOverBytes', () => {
    for (const tag of [23, 24, 100, 255]) {
      expect(decodeCLType(new Uint8Array([tag]))).toEqual({ ok: false, error: BytesReprError.Formatting });
    }
    expect(decodeCLType(new Uint8Array([]))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
    expect(decodeCLType(new Uint8Array([15, 32, 0, 0]))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
    expect(decodeCLType(new Uint8Array([16, 0]))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
    expect(decodeCLType(new Uint8Array([8, 8]))).toEqual({ ok: false, error: BytesReprError.LeftOverBytes });
  });

  test('Debug strings like casper-types', () => {
    expect(clTypeToString(CLTypes.U512)).toBe('U512');
    expect(clTypeToString(optionType(CLTypes.U8))).toBe('Option(U8)');
    expect(clTypeToString(CLTypes.ListU8)).toBe('List(U8)');
    expect(clTypeToString(CLTypes.ByteArray32)).toBe('ByteArray(32)');
    expect(clTypeToString(resultType(CLTypes.Unit, CLTypes.U8))).toBe('Result { ok: Unit, err: U8 }');
    expect(clTypeToString(CLTypes.NamedKeys)).toBe('Map { key: String, value: Key }');
    expect(clTypeToString(CLTypes.NamedKey)).toBe('Tuple2([String, Key])');
    expect(clTypeToString(tuple3Type(CLTypes.Bool, CLTypes.Any, CLTypes.PublicKey))).toBe(
      'Tuple3([Bool, Any, PublicKey])',
    );
  });
});

describe('CLValue', () => {
  test('1,000 random values: bytes equal casper-js-sdk, sdk bytes decode to equal values', () => {
    const rng = new Rng(0xc2);
    for (let i = 0; i < 1000; i++) {
      const t = randomCLType(rng, 3);
      const d = canon(t, randomData(rng, t));
      const mine = CLValue.fromData(t, d);
      const enc = encodeCLValue(mine);
      expect(enc.length).toBe(mine.serializedLength());
      const sdkValue = toSdkValue(t, d);
      const theirs = sdk.CLValueParser.toBytesWithType(sdkValue);
      expect(hex(enc)).toBe(hex(theirs));
      const back = decodeCLValue(theirs);
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(clValueEquals(back.value, mine)).toBe(true);
      const data = back.value.asData();
      expect(data.ok).toBe(true);
      if (data.ok) expect(data.value).toEqual(d);
    }
  });

  test('worked examples 1 and 3 (ABI note §5)', () => {
    expect(hex(CLValue.u64(1_000_000n).encode())).toBe('0800000040420f000000000005');
    expect(hex(CLValue.u512(1_000_000_000n).encode())).toBe('050000000400ca9a3b08');
    expect(hex(CLValue.u512(0n).bytes)).toBe('00');
    const d = decodeCLValue(unhex('050000000400ca9a3b08'));
    expect(d.ok && d.value.asU512()).toEqual({ ok: true, value: 1_000_000_000n });
  });

  test('typed constructors agree with casper-js-sdk', () => {
    const rng = new Rng(0xc3);
    const C = sdk.CLValue;
    const both = (mine: CLValue, theirs: sdk.CLValue) =>
      expect(hex(mine.encode())).toBe(hex(sdk.CLValueParser.toBytesWithType(theirs)));
    for (let i = 0; i < 200; i++) {
      const u = rng.ubig(256);
      both(CLValue.u512(u), C.newCLUInt512(u.toString()));
      const s = rng.ascii(20);
      both(CLValue.string(s), C.newCLString(s));
      const b = rng.bytes(32);
      both(CLValue.byteArray32(b), C.newCLByteArray(b));
      const n = rng.int(256);
      both(CLValue.u8(n), C.newCLUint8(n));
      const x = rng.u32() | 0;
      both(CLValue.i32(x), C.newCLInt32(x));
      const y = BigInt.asIntN(64, rng.ubig(64));
      both(CLValue.i64(y), C.newCLInt64(y.toString()));
      const bv = rng.bool();
      both(CLValue.bool(bv), C.newCLValueBool(bv));
    }
    both(CLValue.option(CLValue.u64(7n)), C.newCLOption(C.newCLUint64(7)));
    both(CLValue.option(null, CLTypes.U64), C.newCLOption(null, sdk.CLTypeUInt64));
    both(CLValue.any(new Uint8Array([1, 2, 3])), C.newCLAny(new Uint8Array([1, 2, 3])));
  });

  test('typed getters check the CLType exactly and decode the whole inner bytes', () => {
    expect(CLValue.u512(5n).asU512()).toEqual({ ok: true, value: 5n });
    const mismatch = CLValue.u64(5n).asU512();
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) {
      expect(mismatch.error).toEqual({ kind: 'type', expected: CLTypes.U512, found: CLTypes.U64 });
      expect(clValueErrorToString(mismatch.error)).toBe('Type mismatch: Expected U512 but found U64.');
    }
    // trailing inner bytes → LeftOverBytes; short → EarlyEndOfStream; bad bool → Formatting
    expect(new CLValue(CLTypes.U64, new Uint8Array(9)).asU64()).toEqual({
      ok: false,
      error: { kind: 'bytesrepr', error: BytesReprError.LeftOverBytes },
    });
    expect(new CLValue(CLTypes.U64, new Uint8Array(7)).asU64()).toEqual({
      ok: false,
      error: { kind: 'bytesrepr', error: BytesReprError.EarlyEndOfStream },
    });
    expect(new CLValue(CLTypes.Bool, new Uint8Array([2])).asBool()).toEqual({
      ok: false,
      error: { kind: 'bytesrepr', error: BytesReprError.Formatting },
    });
    expect(CLValue.string('héllo ✓ 𝄞').asString()).toEqual({ ok: true, value: 'héllo ✓ 𝄞' });
    expect(CLValue.unit().asUnit()).toEqual({ ok: true, value: null });
    expect(CLValue.option(null, CLTypes.U64).asOptionU64()).toEqual({ ok: true, value: null });
    expect(CLValue.option(CLValue.u64(9n)).asOptionU64()).toEqual({ ok: true, value: 9n });
    const urefs = [{ addr: new Uint8Array(32).fill(1), rights: 7 }];
    expect(CLValue.listOfURefs(urefs).asListOfURefs()).toEqual({ ok: true, value: urefs });
    const key = { tag: 1 as const, addr: new Uint8Array(32).fill(3) };
    const nk = CLValue.tuple2StringKey('counter', key);
    expect(clTypeEquals(nk.clType, CLTypes.NamedKey)).toBe(true);
    expect(nk.asNamedKey()).toEqual({ ok: true, value: { name: 'counter', key } });
    expect(CLValue.bytesList(new Uint8Array([9, 8])).asBytesList()).toEqual({
      ok: true,
      value: new Uint8Array([9, 8]),
    });
    expect(CLValue.byteArray(new Uint8Array(5)).asByteArray(5).ok).toBe(true);
    expect(CLValue.byteArray(new Uint8Array(5)).asByteArray(6).ok).toBe(false);
  });

  test('Map data is sorted by key Ord (numeric, not bytewise) and deduplicated (last wins)', () => {
    const v = CLValue.map(CLTypes.U64, CLTypes.String, [
      [256n, 'b'],
      [1n, 'a'],
      [256n, 'c'],
    ]);
    const d = v.asData();
    expect(d).toEqual({
      ok: true,
      value: {
        entries: [
          [1n, 'a'],
          [256n, 'c'],
        ],
      },
    });
    // decoding accepts unsorted/duplicate entries like BTreeMap::from_bytes
    const w = new Writer();
    w.u32(3).u64(256n).string('x').u64(1n).string('y').u64(256n).string('z');
    const raw = new CLValue(mapType(CLTypes.U64, CLTypes.String), w.finish());
    expect(raw.asData()).toEqual({
      ok: true,
      value: {
        entries: [
          [1n, 'y'],
          [256n, 'z'],
        ],
      },
    });
    // Option: None sorts first; Result: Ok before Err; String by UTF-8 bytes
    const o = CLValue.map(optionType(CLTypes.U8), CLTypes.Unit, [
      [{ some: 1 }, null],
      [null, null],
    ]);
    expect(hex(o.bytes)).toBe('02000000' + '00' + '0101');
    const r = CLValue.map(resultType(CLTypes.U8, CLTypes.U8), CLTypes.Unit, [
      [{ err: 0 }, null],
      [{ ok: 9 }, null],
    ]);
    expect(hex(r.bytes)).toBe('02000000' + '0109' + '0000');
    const s = CLValue.map(CLTypes.String, CLTypes.Unit, [
      ['\u{1F600}', null],
      ['\uFFFD', null],
    ]);
    const sd = s.asData();
    expect(sd.ok && (sd.value as { entries: [string, null][] }).entries.map((e) => e[0])).toEqual([
      '\uFFFD',
      '\u{1F600}',
    ]);
  });

  test('CLValue decode errors and never-throw on junk', () => {
    expect(decodeCLValue(unhex('0800000040420f00000000'))).toEqual({
      ok: false,
      error: BytesReprError.EarlyEndOfStream,
    });
    expect(decodeCLValue(unhex('0800000040420f0000000000'))).toEqual({
      ok: false,
      error: BytesReprError.EarlyEndOfStream,
    });
    expect(decodeCLValue(unhex('0800000040420f000000000005ff'))).toEqual({
      ok: false,
      error: BytesReprError.LeftOverBytes,
    });
    expect(decodeCLValue(unhex('0000000017'))).toEqual({ ok: false, error: BytesReprError.Formatting });
    const rng = new Rng(0xc4);
    for (let i = 0; i < 3000; i++) {
      const junk = rng.bytes(rng.int(40));
      const r = decodeCLValue(junk);
      if (!r.ok) expect([17, 18, 19, 39]).toContain(r.error);
      if (r.ok) r.value.asData(); // must not throw either
    }
  });

  test('every strict prefix of a valid CLValue → EarlyEndOfStream; one extra byte → LeftOverBytes', () => {
    const rng = new Rng(0xc5);
    for (let i = 0; i < 300; i++) {
      const t = randomCLType(rng, 3);
      const bytes = encodeCLValue(CLValue.fromData(t, randomData(rng, t)));
      for (let n = 0; n < bytes.length; n++) {
        expect(decodeCLValue(bytes.subarray(0, n))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
      }
      const ext = new Uint8Array(bytes.length + 1);
      ext.set(bytes);
      expect(decodeCLValue(ext)).toEqual({ ok: false, error: BytesReprError.LeftOverBytes });
    }
  });

  test('inner data: every strict prefix → EarlyEndOfStream (asData)', () => {
    const rng = new Rng(0xc6);
    for (let i = 0; i < 300; i++) {
      const t = randomCLType(rng, 3);
      const v = CLValue.fromData(t, randomData(rng, t));
      for (let n = 0; n < v.bytes.length; n++) {
        expect(new CLValue(t, v.bytes.subarray(0, n)).asData()).toEqual({
          ok: false,
          error: { kind: 'bytesrepr', error: BytesReprError.EarlyEndOfStream },
        });
      }
    }
  });

  test('constructor argument checks', () => {
    expect(() => CLValue.byteArray32(new Uint8Array(31))).toThrow(RangeError);
    expect(() => CLValue.u512(-1n)).toThrow(RangeError);
    expect(() => CLValue.u512(1n << 512n)).toThrow(RangeError);
    expect(() => CLValue.u8(256)).toThrow(RangeError);
    expect(() => CLValue.list(CLTypes.U8, [CLValue.u32(1)])).toThrow(TypeError);
    expect(() => CLValue.option(null)).toThrow(TypeError);
    expect(CLValue.list(CLTypes.U8, [CLValue.u8(1), CLValue.u8(2)]).asBytesList()).toEqual({
      ok: true,
      value: new Uint8Array([1, 2]),
    });
    expect(byteArrayType(32)).toBe(CLTypes.ByteArray32);
    expect(clTypeEquals(listType(CLTypes.U8), CLTypes.ListU8)).toBe(true);
    expect(clTypeEquals(tuple2Type(CLTypes.String, CLTypes.Key), CLTypes.NamedKey)).toBe(true);
  });
});
