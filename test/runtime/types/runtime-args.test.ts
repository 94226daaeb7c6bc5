// RuntimeArgs (casper-types 4.0.1 runtime_args.rs) against casper-js-sdk 5 Args.
import * as sdk from 'casper-js-sdk';
import {
  BytesReprError,
  CLValue,
  clValueEquals,
  decodeRuntimeArgs,
  encodeRuntimeArgs,
  getRuntimeArg,
  type NamedArg,
  runtimeArgs,
} from '../../../runtime/types';
import { hex, Rng, randomCLType, randomData, toSdkValue, unhex } from './helpers';

function randomArgs(rng: Rng): { mine: NamedArg[]; theirs: sdk.Args } {
  const names = new Set<string>();
  const n = rng.int(5);
  while (names.size < n) names.add(rng.ascii(12));
  const mine: NamedArg[] = [];
  const m = new Map<string, sdk.CLValue>();
  for (const name of names) {
    const t = randomCLType(rng, 2);
    const d = CLValue.fromData(t, randomData(rng, t)).asData();
    if (!d.ok) throw new Error('bad data');
    mine.push({ name, value: CLValue.fromData(t, d.value) });
    m.set(name, toSdkValue(t, d.value));
  }
  return { mine, theirs: new sdk.Args(m) };
}

describe('RuntimeArgs', () => {
  test('1,000 random argument lists: bytes equal casper-js-sdk Args; sdk bytes decode back', () => {
    const rng = new Rng(0x91);
    for (let i = 0; i < 1000; i++) {
      const { mine, theirs } = randomArgs(rng);
      const enc = encodeRuntimeArgs(mine);
      const sdkBytes = theirs.toBytes();
      expect(hex(enc)).toBe(hex(sdkBytes));
      const back = decodeRuntimeArgs(sdkBytes);
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(back.value.map((a) => a.name)).toEqual(mine.map((a) => a.name));
      for (let k = 0; k < mine.length; k++) expect(clValueEquals(back.value[k].value, mine[k].value)).toBe(true);
    }
  });

  test('worked example 4: {amount: U512 1e9, target: AccountHash 0x11×32} (75 bytes)', () => {
    const args = runtimeArgs({
      amount: CLValue.u512(1_000_000_000n),
      target: CLValue.byteArray32(new Uint8Array(32).fill(0x11)),
    });
    const expected =
      '0200000006000000616d6f756e74050000000400ca9a3b08060000007461726765742000000011111111111111111111111111111111111111111111111111111111111111110f20000000';
    const enc = encodeRuntimeArgs(args);
    expect(enc.length).toBe(75);
    expect(hex(enc)).toBe(expected);
    const dec = decodeRuntimeArgs(unhex(expected));
    expect(dec.ok).toBe(true);
    if (dec.ok) {
      expect(getRuntimeArg(dec.value, 'amount')?.asU512()).toEqual({ ok: true, value: 1_000_000_000n });
      expect(getRuntimeArg(dec.value, 'target')?.asByteArray32()).toEqual({
        ok: true,
        value: new Uint8Array(32).fill(0x11),
      });
      expect(getRuntimeArg(dec.value, 'missing')).toBeUndefined();
    }
  });

  test('duplicate names are kept in order (a Vec) and lookups take the first', () => {
    const args: NamedArg[] = [
      { name: 'x', value: CLValue.u8(1) },
      { name: 'x', value: CLValue.u8(2) },
    ];
    const dec = decodeRuntimeArgs(encodeRuntimeArgs(args));
    expect(dec.ok).toBe(true);
    if (dec.ok) {
      expect(dec.value).toHaveLength(2);
      expect(getRuntimeArg(dec.value, 'x')?.asU8()).toEqual({ ok: true, value: 1 });
    }
    // casper-js-sdk 5 keeps args in a Map: the duplicate collapses (last wins)
    const sdkArgs = sdk.Args.fromBytes(encodeRuntimeArgs(args));
    expect(sdkArgs.args.size).toBe(1);
  });

  test('errors: prefixes → EarlyEndOfStream, extension → LeftOverBytes, bad names → Formatting', () => {
    const rng = new Rng(0x92);
    for (let i = 0; i < 200; i++) {
      const b = encodeRuntimeArgs(randomArgs(rng).mine);
      for (let n = 0; n < b.length; n++) {
        expect(decodeRuntimeArgs(b.subarray(0, n))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
      }
      expect(decodeRuntimeArgs(new Uint8Array([...b, 1]))).toEqual({ ok: false, error: BytesReprError.LeftOverBytes });
    }
    expect(decodeRuntimeArgs(unhex('01000000 01000000 ff 00000000 09'))).toEqual({
      ok: false,
      error: BytesReprError.Formatting,
    });
    expect(decodeRuntimeArgs(unhex('01000000 01000000 61 00000000 17'))).toEqual({
      ok: false,
      error: BytesReprError.Formatting,
    });
    expect(decodeRuntimeArgs(unhex('00000000'))).toEqual({ ok: true, value: [] });
    for (let i = 0; i < 3000; i++) {
      const r = decodeRuntimeArgs(rng.bytes(rng.int(60)));
      if (!r.ok) expect([17, 18, 19, 39]).toContain(r.error);
    }
  });
});
