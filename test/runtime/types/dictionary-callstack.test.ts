// DictionaryValue wrapper and address (EE runtime_context/dictionary.rs, Key::dictionary) and
// CallStackElement (types/src/system/call_stack_element.rs).
import { blake2b } from '@noble/hashes/blake2';
import {
  BytesReprError,
  type CallStackElement,
  CLTypes,
  CLValue,
  callStackToCLValue,
  decodeCallStack,
  decodeCallStackElement,
  decodeDictionaryValue,
  decodeStoredValue,
  dictionaryAddress,
  dictionaryItemKey,
  encodeCallStackElement,
  encodeDictionaryValue,
  encodeStoredValue,
  keyToFormattedString,
  storedValueSerializedLength,
  unwrapDictionaryValue,
  wrapDictionaryValue,
} from '../../../runtime/types';
import { hex, Rng, randomCLType, randomData, unhex } from './helpers';

const SEED = new Uint8Array(32).fill(0x2a);
const ALICE = new TextEncoder().encode('alice');

describe('dictionary', () => {
  test('address example: seed 0x2a×32, item "alice"', () => {
    expect(hex(dictionaryAddress(SEED, ALICE))).toBe(
      'e4d32816b394f6d6d8ce2d55caf830a91d40ed9fa1a20ec556635e2662260460',
    );
    expect(keyToFormattedString(dictionaryItemKey(SEED, ALICE))).toBe(
      'dictionary-e4d32816b394f6d6d8ce2d55caf830a91d40ed9fa1a20ec556635e2662260460',
    );
  });

  test('1,000 random addresses equal blake2b-256(seed ‖ item) from @noble/hashes', () => {
    const rng = new Rng(0x81);
    for (let i = 0; i < 1000; i++) {
      const seed = rng.bytes(32);
      const item = new TextEncoder().encode(rng.ascii(128));
      expect(hex(dictionaryAddress(seed, item))).toBe(hex(blake2b(new Uint8Array([...seed, ...item]), { dkLen: 32 })));
    }
  });

  test('worked example 7: stored value of item "alice" = u64 42 (64 bytes)', () => {
    const stored = { tag: 0 as const, clValue: wrapDictionaryValue(CLValue.u64(42n), SEED, ALICE) };
    const expected = `00 3a000000 08000000 2a00000000000000 05 20000000 ${'2a'.repeat(32)} 05000000 616c696365 15`;
    const enc = encodeStoredValue(stored);
    expect(hex(enc)).toBe(hex(unhex(expected)));
    expect(enc.length).toBe(64);
    expect(storedValueSerializedLength(stored)).toBe(64);
    const dec = decodeStoredValue(enc);
    expect(dec.ok).toBe(true);
    if (dec.ok && dec.value.tag === 0) {
      const inner = unwrapDictionaryValue(dec.value.clValue);
      expect(inner.ok && inner.value.asU64()).toEqual({ ok: true, value: 42n });
    }
  });

  test('1,000 random wrapped values round-trip', () => {
    const rng = new Rng(0x82);
    for (let i = 0; i < 1000; i++) {
      const t = randomCLType(rng, 2);
      const v = CLValue.fromData(t, randomData(rng, t, false));
      const seed = rng.bytes(32);
      const item = new TextEncoder().encode(rng.ascii(20));
      const wrapped = wrapDictionaryValue(v, seed, item);
      expect(wrapped.clType).toBe(CLTypes.Any);
      const back = decodeDictionaryValue(wrapped.bytes);
      expect(back).toEqual({ ok: true, value: { clValue: v, seedURefAddr: seed, itemKey: item } });
      expect(hex(encodeDictionaryValue({ clValue: v, seedURefAddr: seed, itemKey: item }))).toBe(hex(wrapped.bytes));
      const un = unwrapDictionaryValue(wrapped);
      expect(un.ok && hex(un.value.encode())).toBe(hex(v.encode()));
    }
  });

  test('unwrap like into_t::<DictionaryValue>: type must be Any, bytes fully consumed', () => {
    const wrapped = wrapDictionaryValue(CLValue.u64(1n), SEED, ALICE);
    expect(unwrapDictionaryValue(CLValue.u64(1n))).toEqual({
      ok: false,
      error: { kind: 'type', expected: CLTypes.Any, found: CLTypes.U64 },
    });
    expect(unwrapDictionaryValue(CLValue.any(new Uint8Array([...wrapped.bytes, 0])))).toEqual({
      ok: false,
      error: { kind: 'bytesrepr', error: BytesReprError.LeftOverBytes },
    });
    expect(unwrapDictionaryValue(CLValue.any(wrapped.bytes.subarray(0, 20)))).toEqual({
      ok: false,
      error: { kind: 'bytesrepr', error: BytesReprError.EarlyEndOfStream },
    });
  });
});

describe('CallStackElement', () => {
  const h = (n: number) => new Uint8Array(32).fill(n);

  test('tags and layouts', () => {
    const frames: CallStackElement[] = [
      { tag: 0, accountHash: h(1) },
      { tag: 1, accountHash: h(1), contractPackageHash: h(2), contractHash: h(3) },
      { tag: 2, contractPackageHash: h(2), contractHash: h(3) },
    ];
    expect(hex(encodeCallStackElement(frames[0]))).toBe(`00${'01'.repeat(32)}`);
    expect(hex(encodeCallStackElement(frames[1]))).toBe(`01${'01'.repeat(32)}${'02'.repeat(32)}${'03'.repeat(32)}`);
    expect(hex(encodeCallStackElement(frames[2]))).toBe(`02${'02'.repeat(32)}${'03'.repeat(32)}`);
    for (const f of frames) expect(decodeCallStackElement(encodeCallStackElement(f))).toEqual({ ok: true, value: f });
    const cl = callStackToCLValue(frames);
    expect(cl.clType).toBe(CLTypes.ListAny);
    expect(decodeCallStack(cl.bytes)).toEqual({ ok: true, value: frames });
    expect(hex(cl.bytes).slice(0, 8)).toBe('03000000');
  });

  test('errors: tag ≥ 3 → Formatting; prefixes → EarlyEndOfStream', () => {
    for (let t = 3; t < 256; t++) {
      expect(decodeCallStackElement(new Uint8Array([t, ...h(0)]))).toEqual({
        ok: false,
        error: BytesReprError.Formatting,
      });
    }
    const b = encodeCallStackElement({ tag: 1, accountHash: h(1), contractPackageHash: h(2), contractHash: h(3) });
    for (let n = 0; n < b.length; n++) {
      expect(decodeCallStackElement(b.subarray(0, n))).toEqual({ ok: false, error: BytesReprError.EarlyEndOfStream });
    }
    expect(decodeCallStackElement(new Uint8Array([...b, 0]))).toEqual({
      ok: false,
      error: BytesReprError.LeftOverBytes,
    });
  });
});
