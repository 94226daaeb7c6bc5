// PublicKey codec and point validation (casper-types 4.0.1 asymmetric_key.rs with ed25519-dalek 2.0 /
// k256 0.13), checked against casper-js-sdk 5 bytes and @noble/curves as the point oracle.
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import * as sdk from 'casper-js-sdk';
import {
  comparePublicKeys,
  decodePublicKey,
  encodePublicKey,
  isValidEd25519Point,
  isValidSecp256k1Point,
  jacobi,
  publicKeyAccountHash,
  publicKeyFromRaw,
  publicKeyToHex,
  publicKeyToString,
  SYSTEM_PUBLIC_KEY,
} from '../../../runtime/types';
import { hex, Rng, randomPublicKey, realPublicKey, toSdkPublicKey, unhex } from './helpers';

const err = (code: number) => ({ ok: false, error: code });

const ED_P = (1n << 255n) - 19n;
const SECP_P = (1n << 256n) - (1n << 32n) - 977n;

/** noble's ZIP-215 decoding = ed25519-dalek 2.0's accepted set. */
function nobleEd(raw: Uint8Array): boolean {
  try {
    ed25519.Point.fromBytes(raw, true);
    return true;
  } catch {
    return false;
  }
}

/** noble's SEC1 decoding, with the compact tag 0x05 mapped to 0x02 as k256 decompacts it. */
function nobleSecp(raw: Uint8Array): boolean {
  if (raw.length !== 33) return false;
  const b = raw[0] === 5 ? new Uint8Array([2, ...raw.subarray(1)]) : raw;
  try {
    secp256k1.Point.fromBytes(b);
    return true;
  } catch {
    return false;
  }
}

function le32(v: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((v >> BigInt(8 * i)) & 0xffn);
  return out;
}

function be32(v: bigint): Uint8Array {
  return le32(v).reverse();
}

describe('PublicKey bytes', () => {
  test('1,000 random keys: bytes and account hash equal casper-js-sdk; sdk bytes decode back', () => {
    const rng = new Rng(0xd1);
    for (let i = 0; i < 1000; i++) {
      const pk = i % 10 === 0 ? realPublicKey(rng) : randomPublicKey(rng);
      const s = toSdkPublicKey(pk);
      expect(hex(encodePublicKey(pk))).toBe(hex(s.bytes()));
      expect(publicKeyToHex(pk)).toBe(s.toHex(false).toLowerCase());
      expect(hex(publicKeyAccountHash(pk))).toBe(hex(s.accountHash().toBytes()));
      expect(decodePublicKey(s.bytes())).toEqual({ ok: true, value: pk });
    }
  });

  test('account hash examples (ABI note §5)', () => {
    const rfc8032 = publicKeyFromRaw(1, unhex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'));
    expect(rfc8032).not.toBeNull();
    expect(hex(publicKeyAccountHash(rfc8032!))).toBe(
      'b6c0e5c9ee25f43f57e577b5821688b9ac164eb7c4c08a24d43d1806ac721342',
    );
    expect(hex(publicKeyAccountHash(SYSTEM_PUBLIC_KEY))).toBe(
      '6174cf2e6f8fed1715c9a3bace9c50bfe572eecb763b0ed3f644532616452008',
    );
  });

  test('System key: tag 0, no bytes (casper-js-sdk 5 cannot decode it)', () => {
    expect(decodePublicKey(new Uint8Array([0]))).toEqual({ ok: true, value: SYSTEM_PUBLIC_KEY });
    expect(hex(encodePublicKey(SYSTEM_PUBLIC_KEY))).toBe('00');
    expect(() => sdk.PublicKey.fromBytes(new Uint8Array([0]))).toThrow();
    expect(publicKeyToString(SYSTEM_PUBLIC_KEY)).toBe('PublicKey::System()');
  });

  test('errors: bad tag → Formatting, short → EarlyEndOfStream, invalid point → Formatting', () => {
    for (let tag = 3; tag < 256; tag++) expect(decodePublicKey(new Uint8Array([tag]))).toEqual(err(18));
    expect(decodePublicKey(new Uint8Array([]))).toEqual(err(17));
    expect(decodePublicKey(new Uint8Array([1, ...new Uint8Array(31)]))).toEqual(err(17));
    expect(decodePublicKey(new Uint8Array([2, 2, ...new Uint8Array(31)]))).toEqual(err(17));
    expect(decodePublicKey(new Uint8Array([0, 0]))).toEqual(err(19));
    // y = 2 is not on the curve
    expect(decodePublicKey(new Uint8Array([1, ...le32(2n)]))).toEqual(err(18));
    // secp256k1 with an uncompressed/identity tag inside 33 bytes
    expect(decodePublicKey(new Uint8Array([2, 4, ...new Uint8Array(32)]))).toEqual(err(18));
    expect(decodePublicKey(new Uint8Array([2, 0, ...new Uint8Array(32)]))).toEqual(err(18));
    const rng = new Rng(0xd2);
    for (let i = 0; i < 300; i++) {
      const b = encodePublicKey(randomPublicKey(rng));
      for (let n = 0; n < b.length; n++) expect(decodePublicKey(b.subarray(0, n))).toEqual(err(17));
    }
  });

  test('Ord: tag, then raw bytes', () => {
    const rng = new Rng(0xd3);
    const keys = Array.from({ length: 100 }, () => randomPublicKey(rng, true));
    for (let i = 0; i + 1 < keys.length; i++) {
      const a = encodePublicKey(keys[i]);
      const b = encodePublicKey(keys[i + 1]);
      expect(Math.sign(comparePublicKeys(keys[i], keys[i + 1]))).toBe(Math.sign(Buffer.compare(a, b)));
    }
  });
});

describe('Ed25519 point validation (ed25519-dalek 2.0 / curve25519-dalek 4.0 decompress)', () => {
  test('2,000 random 32-byte strings agree with noble ZIP-215 decoding', () => {
    const rng = new Rng(0xd4);
    let valid = 0;
    for (let i = 0; i < 2000; i++) {
      const raw = rng.bytes(32);
      const ours = isValidEd25519Point(raw);
      expect(ours).toBe(nobleEd(raw));
      if (ours) valid++;
    }
    expect(valid).toBeGreaterThan(800);
    expect(valid).toBeLessThan(1200);
  });

  test('edge cases: identity, x = 0 with sign bit, non-canonical y ≥ p, small-order points', () => {
    const cases: Uint8Array[] = [];
    for (const y of [0n, 1n, ED_P - 1n, 2n, ED_P - 2n]) {
      cases.push(le32(y));
      const s = le32(y);
      s[31] |= 0x80;
      cases.push(s);
    }
    // every non-canonical y in [p, 2^255), with and without the sign bit
    for (let y = ED_P; y < 1n << 255n; y++) {
      cases.push(le32(y));
      const s = le32(y);
      s[31] |= 0x80;
      cases.push(s);
    }
    // the 8-torsion points (encodings from the ZIP-215 test vectors)
    for (const h of [
      '0100000000000000000000000000000000000000000000000000000000000000',
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      '0000000000000000000000000000000000000000000000000000000000000080',
      '0000000000000000000000000000000000000000000000000000000000000000',
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
      '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
      '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
    ]) {
      cases.push(unhex(h));
    }
    for (const raw of cases) expect([hex(raw), isValidEd25519Point(raw)]).toEqual([hex(raw), nobleEd(raw)]);
    // identity (y = 1) and its sign-bit twin are accepted, as are non-canonical encodings of valid y
    expect(isValidEd25519Point(le32(1n))).toBe(true);
    const signed = le32(1n);
    signed[31] |= 0x80;
    expect(isValidEd25519Point(signed)).toBe(true);
    expect(isValidEd25519Point(le32(ED_P + 1n))).toBe(true); // y ≡ 1
    // and they round-trip with their original bytes
    const d = decodePublicKey(new Uint8Array([1, ...le32(ED_P + 1n)]));
    expect(d.ok && hex(d.value.raw)).toBe(hex(le32(ED_P + 1n)));
  });
});

describe('Secp256k1 point validation (k256 0.13 from_sec1_bytes, 33 bytes)', () => {
  test('2,000 random x with tags 02/03/05 agree with noble', () => {
    const rng = new Rng(0xd5);
    for (let i = 0; i < 2000; i++) {
      const raw = new Uint8Array([rng.pick([2, 3, 5]), ...rng.bytes(32)]);
      expect(isValidSecp256k1Point(raw)).toBe(nobleSecp(raw));
    }
  });

  test('edge cases: x = 0, x ≥ p, tags other than 02/03/05', () => {
    for (const x of [0n, 1n, 7n, SECP_P - 1n, SECP_P, SECP_P + 1n, (1n << 256n) - 1n]) {
      for (const tag of [2, 3, 5]) {
        const raw = new Uint8Array([tag, ...be32(x)]);
        expect([x, tag, isValidSecp256k1Point(raw)]).toEqual([x, tag, nobleSecp(raw)]);
      }
    }
    expect(jacobi(7n, SECP_P)).toBe(-1); // so x = 0 is not a point
    for (const tag of [0, 1, 4, 6, 7, 0xff]) {
      expect(isValidSecp256k1Point(new Uint8Array([tag, ...secp256k1.Point.BASE.toBytes(true).subarray(1)]))).toBe(
        false,
      );
    }
  });

  test('SEC1 compact tag 0x05 is accepted and re-serialized as 0x02 (even y), like casper-types', () => {
    const g = secp256k1.Point.BASE.toBytes(true);
    const compact = new Uint8Array([5, ...g.subarray(1)]);
    const d = decodePublicKey(new Uint8Array([2, ...compact]));
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.value.raw[0]).toBe(2);
      expect(hex(encodePublicKey(d.value))).toBe(`0202${hex(g.subarray(1))}`);
      expect(hex(publicKeyAccountHash(d.value))).toBe(
        hex(publicKeyAccountHash({ tag: 2, raw: new Uint8Array([2, ...g.subarray(1)]) })),
      );
    }
  });
});
