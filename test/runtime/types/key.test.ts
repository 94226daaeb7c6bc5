// Key and URef codecs (casper-types 4.0.1 key.rs, uref.rs, access_rights.rs) against casper-js-sdk 5.
import * as sdk from 'casper-js-sdk';
import {
  AccessRights,
  accessRightsToString,
  BytesReprError,
  CHAINSPEC_REGISTRY_KEY,
  compareBytes,
  compareKeys,
  compareURefs,
  decodeKey,
  decodeURef,
  encodeKey,
  encodeURef,
  eraInfoKey,
  type Key,
  keyEquals,
  keySerializedLength,
  keyStateId,
  keyToFormattedString,
  keyToHex,
  normalizeKey,
  normalizeURef,
  rightsContain,
  SYSTEM_CONTRACT_REGISTRY_KEY,
  urefKey,
  urefToFormattedString,
  urefToString,
} from '../../../runtime/types';
import { hex, Rng, randomKey, randomURef, toSdkKey, toSdkURef, unhex } from './helpers';

const err = (code: number) => ({ ok: false, error: code });

describe('URef', () => {
  test('1,000 random URefs: bytes and formatted string equal casper-js-sdk; sdk bytes decode back', () => {
    const rng = new Rng(0xa1);
    for (let i = 0; i < 1000; i++) {
      const u = randomURef(rng);
      const s = toSdkURef(u);
      expect(hex(encodeURef(u))).toBe(hex(s.bytes()));
      expect(urefToFormattedString(u)).toBe(s.toPrefixedString());
      expect(decodeURef(s.bytes())).toEqual({ ok: true, value: u });
      // and the sdk parses our formatted string back to the same bytes
      expect(hex(sdk.URef.fromString(urefToFormattedString(u)).bytes())).toBe(hex(encodeURef(u)));
    }
  });

  test('rights byte > 7 → Formatting; short → EarlyEndOfStream', () => {
    const addr = '2a'.repeat(32);
    for (let r = 0; r < 256; r++) {
      const res = decodeURef(unhex(addr + r.toString(16).padStart(2, '0')));
      if (r <= 7) expect(res.ok).toBe(true);
      else expect(res).toEqual(err(BytesReprError.Formatting));
    }
    expect(decodeURef(unhex(addr))).toEqual(err(17));
    expect(decodeURef(unhex('2a'.repeat(31)))).toEqual(err(17));
    expect(decodeURef(unhex(`${addr}0700`))).toEqual(err(19));
  });

  test('rights helpers and strings like casper-types', () => {
    const u = { addr: new Uint8Array(32), rights: AccessRights.READ_ADD_WRITE };
    expect(urefToFormattedString(u)).toBe(`uref-${'00'.repeat(32)}-007`);
    expect(urefToFormattedString(normalizeURef(u))).toBe(`uref-${'00'.repeat(32)}-000`);
    expect(urefToString(u)).toBe(`URef(${'00'.repeat(32)}, READ_ADD_WRITE)`);
    expect(accessRightsToString(3)).toBe('READ_WRITE');
    expect(accessRightsToString(6)).toBe('ADD_WRITE');
    expect(rightsContain(7, 5)).toBe(true);
    expect(rightsContain(5, 2)).toBe(false);
    expect(rightsContain(0, 0)).toBe(true);
  });

  test('Ord: address bytes then rights', () => {
    const rng = new Rng(0xa2);
    const list = Array.from({ length: 200 }, () => {
      const u = randomURef(rng);
      return rng.int(4) === 0 ? { addr: new Uint8Array(32).fill(rng.int(3)), rights: u.rights } : u;
    });
    for (let i = 0; i + 1 < list.length; i++) {
      expect(Math.sign(compareURefs(list[i], list[i + 1]))).toBe(
        Math.sign(compareBytes(encodeURef(list[i]), encodeURef(list[i + 1]))),
      );
    }
  });
});

describe('Key', () => {
  test('1,000 random keys (all 15 variants): bytes and formatted string equal casper-js-sdk', () => {
    const rng = new Rng(0xa3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = randomKey(rng, true);
      seen.add(k.tag);
      const s = toSdkKey(k);
      expect(hex(encodeKey(k))).toBe(hex(s.bytes()));
      expect(keyToFormattedString(k)).toBe(s.toPrefixedString());
      expect(encodeKey(k).length).toBe(keySerializedLength(k));
      expect(keyToHex(k)).toBe(hex(encodeKey(k)));
      const back = decodeKey(s.bytes());
      expect(back.ok).toBe(true);
      if (back.ok) expect(keyEquals(back.value, k)).toBe(true);
      if (back.ok) expect(back.value).toEqual(k);
    }
    expect(seen.size).toBe(15);
  });

  test('casper-js-sdk 5 Key.fromBytes disagreements (documented)', () => {
    // EraInfo: the sdk reads 1 byte and a u32 from the start of the underlying buffer
    const era = encodeKey(eraInfoKey(0x0102030405n));
    const parsed = sdk.Key.fromBytes(era);
    expect(parsed.bytes.length).toBe(7); // 7 of the 8 era bytes left unread
    // URef key followed by more bytes: the sdk insists on exactly 33 URef bytes
    const withTail = new Uint8Array([...encodeKey(urefKey({ addr: new Uint8Array(32), rights: 7 })), 0]);
    expect(() => sdk.Key.fromBytes(withTail)).toThrow();
  });

  test('worked example 2: Key::URef(0x2a×32, READ_ADD_WRITE)', () => {
    const k = urefKey({ addr: new Uint8Array(32).fill(0x2a), rights: 7 });
    expect(hex(encodeKey(k))).toBe(`02${'2a'.repeat(32)}07`);
    expect(keyToFormattedString(k)).toBe(`uref-${'2a'.repeat(32)}-007`);
  });

  test('formatted strings of every variant (key.rs to_formatted_string)', () => {
    const a = new Uint8Array(32).fill(0xab);
    const h = 'ab'.repeat(32);
    const z = '00'.repeat(32);
    const cases: [Key, string][] = [
      [{ tag: 0, addr: a }, `account-hash-${h}`],
      [{ tag: 1, addr: a }, `hash-${h}`],
      [{ tag: 2, uref: { addr: a, rights: 5 } }, `uref-${h}-005`],
      [{ tag: 3, addr: a }, `transfer-${h}`],
      [{ tag: 4, addr: a }, `deploy-${h}`],
      [{ tag: 5, era: 18446744073709551615n }, 'era-18446744073709551615'],
      [{ tag: 6, addr: a }, `balance-${h}`],
      [{ tag: 7, addr: a }, `bid-${h}`],
      [{ tag: 8, addr: a }, `withdraw-${h}`],
      [{ tag: 9, addr: a }, `dictionary-${h}`],
      [{ tag: 10 }, `system-contract-registry-${z}`],
      [{ tag: 11 }, `era-summary-${z}`],
      [{ tag: 12, addr: a }, `unbond-${h}`],
      [{ tag: 13 }, `chainspec-registry-${z}`],
      [{ tag: 14 }, `checksum-registry-${z}`],
    ];
    for (const [k, s] of cases) expect(keyToFormattedString(k)).toBe(s);
  });

  test('decode errors: unknown tags → Formatting, truncated payloads → EarlyEndOfStream', () => {
    for (let tag = 15; tag < 256; tag++) {
      expect(decodeKey(new Uint8Array([tag, ...new Uint8Array(40)]))).toEqual(err(BytesReprError.Formatting));
    }
    expect(decodeKey(new Uint8Array([]))).toEqual(err(17));
    const rng = new Rng(0xa4);
    for (let i = 0; i < 500; i++) {
      const b = encodeKey(randomKey(rng));
      for (let n = 0; n < b.length; n++) expect(decodeKey(b.subarray(0, n))).toEqual(err(17));
      expect(decodeKey(new Uint8Array([...b, rng.int(256)]))).toEqual(err(19));
    }
    // URef key with rights 8 → Formatting
    expect(decodeKey(unhex(`02${'00'.repeat(32)}08`))).toEqual(err(18));
  });

  test('registry keys accept any 32 padding bytes and re-serialize zero padding', () => {
    const r = decodeKey(unhex(`0a${'ff'.repeat(32)}`));
    expect(r).toEqual({ ok: true, value: SYSTEM_CONTRACT_REGISTRY_KEY });
    expect(hex(encodeKey(CHAINSPEC_REGISTRY_KEY))).toBe(`0d${'00'.repeat(32)}`);
    expect(decodeKey(unhex(`0e${'ff'.repeat(31)}`))).toEqual(err(17));
  });

  test('Ord (derive): tag, then payload; EraInfo numeric, URef addr then rights', () => {
    const rng = new Rng(0xa5);
    const keys = Array.from({ length: 400 }, () => randomKey(rng));
    for (let i = 0; i + 1 < keys.length; i++) {
      const a = keys[i];
      const b = keys[i + 1];
      const c = Math.sign(compareKeys(a, b));
      if (a.tag === 5 && b.tag === 5) expect(c).toBe(Math.sign(Number(a.era > b.era) - Number(a.era < b.era)));
      else expect(c).toBe(Math.sign(compareBytes(encodeKey(a), encodeKey(b))));
    }
    expect(compareKeys(eraInfoKey(256n), eraInfoKey(1n))).toBeGreaterThan(0); // bytes would say otherwise
  });

  test('state ids: rights-normalized, distinct per key', () => {
    const rng = new Rng(0xa6);
    const ids = new Map<string, Key>();
    for (let i = 0; i < 2000; i++) {
      const k = normalizeKey(randomKey(rng));
      const id = keyStateId(k);
      const prev = ids.get(id);
      if (prev) expect(keyEquals(prev, k)).toBe(true);
      ids.set(id, k);
    }
    const u = { addr: new Uint8Array(32).fill(9), rights: 7 };
    expect(keyStateId(urefKey(u))).toBe(keyStateId(urefKey({ ...u, rights: 1 })));
    expect(normalizeKey(urefKey(u))).toEqual(urefKey({ ...u, rights: 0 }));
    expect(keyStateId(eraInfoKey(0n))).not.toBe(keyStateId(eraInfoKey(1n)));
  });
});
