// The key/address family (assembly/hashes, uref, key, public_key, curve) against casper-js-sdk 5
// and against casper-types 4.0.1's rules where casper-js-sdk differs (see the notes per test).
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import { blake2b } from '@noble/hashes/blake2b';
import {
  CLTypeKey,
  CLValue,
  AccountHash as JsAccountHash,
  Hash as JsHash,
  Key as JsKey,
  PublicKey as JsPublicKey,
  URef as JsURef,
  KeyAlgorithm,
  PrivateKey,
} from 'casper-js-sdk';
import { getBytes, type Harness, loadHarness, putBytes } from '../helpers/harness';

// ---------------------------------------------------------------------------------------------
// Helpers

/** xorshift32, fixed seed per test. */
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
function randomBytes(next: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = next() & 0xff;
  return out;
}
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const le64 = (v: bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};
const bytesToBigLE = (b: Uint8Array): bigint => BigInt(`0x${hex(Uint8Array.from(b).reverse()) || '0'}`);
const bytesToBigBE = (b: Uint8Array): bigint => BigInt(`0x${hex(b) || '0'}`);
const bigToBytesLE = (v: bigint, n: number): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Number((v >> BigInt(8 * i)) & 0xffn);
  return out;
};
const bigToBytesBE = (v: bigint, n: number): Uint8Array => bigToBytesLE(v, n).reverse();

let h: Harness;
let ID: number;
beforeEach(() => {
  h = loadHarness('keys');
  ID = h.STATIC_ARRAY_U8_ID.value;
});

/** Calls a harness function; Uint8Array arguments become StaticArray<u8>, the result is bytes. */
function call(fn: string, ...args: (Uint8Array | number)[]): Uint8Array {
  return getBytes(h, h[fn](...args.map((a) => (a instanceof Uint8Array ? putBytes(h, a, ID) : a))));
}
/** Calls a harness function that returns an i32. */
function callNum(fn: string, ...args: (Uint8Array | number)[]): number {
  return h[fn](...args.map((a) => (a instanceof Uint8Array ? putBytes(h, a, ID) : a))) as number;
}
const ok = (bytes: Uint8Array): number[] => [0, ...bytes];
/** Asserts exact bytes (as hex: far faster in jest than comparing typed arrays). */
function expectBytes(actual: Uint8Array, expected: Uint8Array | number[]): void {
  expect(hex(actual)).toBe(hex(Uint8Array.from(expected)));
}

// ---------------------------------------------------------------------------------------------
// casper-types 4.0.1 reference rules (BigInt), used for expected codes and for the curves.

const ED_P = (1n << 255n) - 19n;
const ED_D = 0x52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3n;
const SECP_P = (1n << 256n) - (1n << 32n) - 977n;
const mod = (a: bigint, p: bigint): bigint => ((a % p) + p) % p;
function powMod(b: bigint, e: bigint, p: bigint): bigint {
  let r = 1n;
  b = mod(b, p);
  while (e > 0n) {
    if (e & 1n) r = (r * b) % p;
    b = (b * b) % p;
    e >>= 1n;
  }
  return r;
}
/** Euler's criterion: 0, 1 or -1. */
function legendre(a: bigint, p: bigint): number {
  const r = powMod(a, (p - 1n) / 2n, p);
  return r === 0n ? 0 : r === 1n ? 1 : -1;
}
/**
 * curve25519-dalek 4.0.0 CompressedEdwardsY::decompress: y = low 255 bits mod p (no range
 * check), valid iff (y²-1)(dy²+1) is 0 or a square; the sign bit is never checked.
 */
function edValidRef(b: Uint8Array): boolean {
  const y = mod(bytesToBigLE(b) & ((1n << 255n) - 1n), ED_P);
  const y2 = (y * y) % ED_P;
  return legendre((y2 - 1n) * (ED_D * y2 + 1n), ED_P) !== -1;
}
/** k256 0.13.1 VerifyingKey::from_sec1_bytes on 33 bytes: tag 02/03/05, x < p, x³+7 square. */
function secpValidRef(b: Uint8Array): boolean {
  if (b.length !== 33 || ![2, 3, 5].includes(b[0])) return false;
  const x = bytesToBigBE(b.subarray(1));
  return x < SECP_P && legendre(x * x * x + 7n, SECP_P) === 1;
}
/** Expected (code, canonical re-encoding) for a whole-input PublicKey decode. */
function refPublicKey(b: Uint8Array): [number, Uint8Array] {
  if (b.length === 0) return [17, b];
  const tag = b[0];
  if (tag > 2) return [18, b];
  const n = [0, 32, 33][tag];
  if (b.length - 1 < n) return [17, b];
  const key = b.subarray(1, 1 + n);
  if (tag === 1 && !edValidRef(key)) return [18, b];
  if (tag === 2 && !secpValidRef(key)) return [18, b];
  if (b.length - 1 > n) return [19, b];
  const canon = Uint8Array.from(b);
  if (tag === 2 && canon[1] === 5) canon[1] = 2;
  return [0, canon];
}
const UNIT_TAGS = [10, 11, 13, 14];
/** Expected (code, canonical re-encoding) for a whole-input Key decode (casper-types key.rs). */
function refKey(b: Uint8Array): [number, Uint8Array] {
  if (b.length === 0) return [17, b];
  const tag = b[0];
  if (tag > 14) return [18, b];
  const n = tag === 2 ? 33 : tag === 5 ? 8 : 32;
  if (b.length - 1 < n) return [17, b];
  if (tag === 2 && b[33] > 7) return [18, b];
  if (b.length - 1 > n) return [19, b];
  return [0, UNIT_TAGS.includes(tag) ? cat([tag], new Uint8Array(32)) : b];
}
/** Expected code for a whole-input URef decode. */
function refURef(b: Uint8Array): number {
  if (b.length < 33) return 17;
  if (b[32] > 7) return 18;
  return b.length > 33 ? 19 : 0;
}
/** Rust's derived Ord on decoded Keys: tag, then payload (EraInfo as u64, URef as address then rights). */
function refKeyCompare(a: Uint8Array, b: Uint8Array): number {
  a = refKey(a)[1];
  b = refKey(b)[1];
  if (a[0] !== b[0]) return Math.sign(a[0] - b[0]);
  if (a[0] === 5) {
    const x = bytesToBigLE(a.subarray(1));
    const y = bytesToBigLE(b.subarray(1));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Math.sign(Buffer.compare(Buffer.from(a.subarray(1)), Buffer.from(b.subarray(1))));
}

// noble's verdicts (for cross-checking the reference rules above).
function nobleEd(b: Uint8Array, zip215: boolean): boolean {
  try {
    ed25519.ExtendedPoint.fromHex(b, zip215);
    return true;
  } catch {
    return false;
  }
}
function nobleSecp(b: Uint8Array): boolean {
  try {
    secp256k1.ProjectivePoint.fromHex(b);
    return true;
  } catch {
    return false;
  }
}

// casper-js-sdk Key construction from a prefixed string (how its users build keys).
const KEY_PREFIX = [
  'account-hash-',
  'hash-',
  'uref-',
  'transfer-',
  'deploy-',
  'era-',
  'balance-',
  'bid-',
  'withdraw-',
  'dictionary-',
  'system-contract-registry-',
  'era-summary-',
  'unbond-',
  'chainspec-registry-',
  'checksum-registry-',
];
/** A casper-js-sdk Key of tag `tag` from its payload (URef: 33 bytes, EraInfo: 8 bytes LE). */
function jsKey(tag: number, payload: Uint8Array): JsKey {
  if (tag === 2)
    return JsKey.newKey(`uref-${hex(payload.subarray(0, 32))}-${payload[32].toString(8).padStart(3, '0')}`);
  if (tag === 5) return JsKey.newKey(`era-${bytesToBigLE(payload)}`);
  return JsKey.newKey(`${KEY_PREFIX[tag]}${hex(payload)}`);
}
/** A random payload for tag (EraInfo below 2^52: casper-js-sdk keeps eras as JS numbers). */
function randomPayload(next: () => number, tag: number): Uint8Array {
  if (tag === 2) return cat(randomBytes(next, 32), [next() & 7]);
  if (tag === 5) return le64(BigInt(next()) * 1048576n + BigInt(next() & 0xfffff));
  if (UNIT_TAGS.includes(tag)) return new Uint8Array(32);
  return randomBytes(next, 32);
}

// ---------------------------------------------------------------------------------------------

describe('Key', () => {
  test('1,500 keys of every variant: casper-js-sdk bytes decode and re-encode identically; fromParts builds them', () => {
    const next = prng(0x6b657931);
    const seen = new Set<number>();
    for (let i = 0; i < 1500; i++) {
      const tag = i % 15;
      const payload = randomPayload(next, tag);
      const js = CLValue.newCLKey(jsKey(tag, payload)).bytes();
      expect(hex(js)).toBe(hex(cat([tag], payload)));
      expectBytes(call('keyRoundTrip', js), ok(js));
      expectBytes(call('keyFromParts', tag, payload), [1, ...js]);
      // casper-js-sdk reads the AS encoding back to the same key (not EraInfo and
      // ChainspecRegistry, which it cannot decode: see below).
      if (tag !== 5 && tag !== 13) {
        const back = JsKey.fromBytes(call('keyRoundTrip', js).subarray(1));
        expect(back.result.type).toBe(tag);
        expect(hex(back.result.bytes())).toBe(hex(js));
        expect(back.bytes.length).toBe(0);
      }
      seen.add(tag);
    }
    expect(seen.size).toBe(15);
  });

  test('the named constructors match casper-js-sdk', () => {
    const next = prng(0x6b657932);
    for (let i = 0; i < 200; i++) {
      const h32 = randomBytes(next, 32);
      const uref = cat(randomBytes(next, 32), [i & 7]);
      const era = BigInt(next()) * BigInt(next() & 0xfffff);
      const cases: [number, Uint8Array, JsKey][] = [
        [0, h32, jsKey(0, h32)],
        [1, h32, jsKey(1, h32)],
        [2, h32, jsKey(1, h32)],
        [3, h32, jsKey(1, h32)],
        [4, uref, jsKey(2, uref)],
        [5, h32, jsKey(9, h32)],
        [6, le64(era), jsKey(5, le64(era))],
      ];
      for (const [kind, payload, js] of cases) {
        expect(hex(call('keyFrom', kind, payload))).toBe(hex(CLValue.newCLKey(js).bytes()));
      }
    }
    // Eras beyond 2^53 (casper-js-sdk cannot represent them): the u64 little-endian.
    for (const era of [0n, 1n, (1n << 53n) + 1n, (1n << 64n) - 1n]) {
      expect(hex(call('keyFrom', 6, le64(era)))).toBe(hex(cat([5], le64(era))));
      expectBytes(call('keyRoundTrip', cat([5], le64(era))), ok(cat([5], le64(era))));
    }
  });

  test('casper-js-sdk disagreements: Key.fromBytes of EraInfo reads a u32 and consumes one payload byte; of ChainspecRegistry fails', () => {
    expect(() => JsKey.fromBytes(cat([13], new Uint8Array(32)))).toThrow('Early end of stream');
    expectBytes(call('keyRoundTrip', cat([13], new Uint8Array(32))), ok(cat([13], new Uint8Array(32))));
    const bytes = cat([5], le64(0x0000000200000001n), [0xff]);
    expectBytes(call('keyRoundTrip', bytes), [19]);
    expectBytes(call('keyRoundTrip', bytes.subarray(0, 9)), ok(bytes.subarray(0, 9)));
    const js = JsKey.fromBytes(bytes);
    expect(js.result.era?.value).toBe(1); // casper-types: 0x200000001
    expect(hex(js.bytes)).toBe('00000002000000ff'); // casper-types: the remainder is 'ff'
  });

  test('data-less variants accept any 32 bytes and re-encode 32 zero bytes (casper-js-sdk keeps the payload)', () => {
    const next = prng(0x6b657933);
    for (const tag of UNIT_TAGS) {
      for (let i = 0; i < 25; i++) {
        const payload = randomBytes(next, 32);
        payload[0] |= 1;
        const input = cat([tag], payload);
        expectBytes(call('keyRoundTrip', input), ok(cat([tag], new Uint8Array(32))));
        expectBytes(call('keyFromParts', tag, payload), [1, tag, ...new Uint8Array(32)]);
        // casper-js-sdk disagreement: it writes the payload it was given.
        expect(hex(CLValue.newCLKey(jsKey(tag, payload)).bytes())).toBe(hex(input));
      }
    }
  });

  test('fromParts rejects unknown tags, wrong lengths and URef rights above 7', () => {
    expectBytes(call('keyFromParts', 15, new Uint8Array(32)), [0]);
    expectBytes(call('keyFromParts', 255, new Uint8Array(32)), [0]);
    expectBytes(call('keyFromParts', 0, new Uint8Array(31)), [0]);
    expectBytes(call('keyFromParts', 0, new Uint8Array(33)), [0]);
    expectBytes(call('keyFromParts', 2, new Uint8Array(32)), [0]);
    expectBytes(call('keyFromParts', 5, new Uint8Array(32)), [0]);
    expectBytes(call('keyFromParts', 2, cat(new Uint8Array(32), [8])), [0]);
    expectBytes(call('keyFromParts', 2, cat(new Uint8Array(32), [7])), [1, 2, ...new Uint8Array(32), 7]);
    expectBytes(call('keyFromParts', 5, le64(7n)), [1, 5, 7, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('accessors: toURef, toAccountHash and toHash only for their own variant', () => {
    const next = prng(0x6b657934);
    for (let tag = 0; tag < 15; tag++) {
      const payload = randomPayload(next, tag);
      const out = call('keyAccessors', cat([tag], payload));
      const expected = [0, tag];
      expected.push(...(tag === 2 ? [1, ...payload] : [0]));
      expected.push(...(tag === 0 ? [1, ...payload] : [0]));
      expected.push(...(tag === 1 ? [1, ...payload] : [0]));
      expectBytes(out, expected);
    }
  });

  test('compare and equals follow the derived Ord of casper-types Key (tag, then payload; EraInfo numerically)', () => {
    const next = prng(0x6b657935);
    let negatives = 0;
    let zeros = 0;
    let positives = 0;
    for (let i = 0; i < 1200; i++) {
      const tagA = next() % 15;
      const tagB = i % 3 === 0 ? tagA : next() % 15;
      let a = cat([tagA], randomPayload(next, tagA));
      let b = cat([tagB], randomPayload(next, tagB));
      if (i % 7 === 0) b = Uint8Array.from(a);
      if (i % 11 === 0 && tagA === tagB && tagA !== 5) {
        b = cat(a.subarray(0, 20), randomBytes(next, a.length - 20));
        if (tagA === 2) b[33] &= 7;
      }
      if (i % 5 === 0 && tagA === 5) {
        // little-endian byte order differs from numeric order here
        a = cat([5], le64(0x0100n));
        b = cat([5], le64(0x00ffn + BigInt(next() & 1) * 0x1000n));
        if (i % 2) [a, b] = [b, a];
      }
      const c = refKeyCompare(a, b);
      const expected = c + (c === 0 ? 10 : 0);
      expect(callNum('keyCompare', a, b)).toBe(expected);
      if (c < 0) negatives++;
      else if (c > 0) positives++;
      else zeros++;
    }
    expect(negatives).toBeGreaterThan(100);
    expect(positives).toBeGreaterThan(100);
    expect(zeros).toBeGreaterThan(100);
  });

  test('truncated input is EarlyEndOfStream (17), extra input LeftOverBytes (19), for every variant', () => {
    const next = prng(0x6b657936);
    for (let tag = 0; tag < 15; tag++) {
      const full = cat([tag], randomPayload(next, tag));
      for (let n = 0; n < full.length; n++) expectBytes(call('keyRoundTrip', full.subarray(0, n)), [17]);
      expectBytes(call('keyRoundTrip', cat(full, [0])), [19]);
      expectBytes(call('keyRoundTrip', cat(full, randomBytes(next, 9))), [19]);
    }
  });

  test('tags 15..255 (2.0 variants included) and URef rights above 7 are Formatting (18)', () => {
    for (let tag = 15; tag < 256; tag++) {
      expectBytes(call('keyRoundTrip', cat([tag], new Uint8Array(40))), [18]);
      expectBytes(call('keyRoundTrip', new Uint8Array([tag])), [18]);
    }
    for (let r = 8; r < 256; r++) {
      expectBytes(call('keyRoundTrip', cat([2], new Uint8Array(32).fill(0x2a), [r])), [18]);
    }
  });

  test('4,000 random byte strings decode exactly as casper-types would (never a trap)', () => {
    const next = prng(0x6b657937);
    const codes = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      let b = randomBytes(next, next() % 45);
      if (b.length > 0 && i % 2 === 0) b[0] = next() % 16; // mostly known tags
      if (i % 4 === 1) {
        // near a valid length for the tag
        const tag = next() % 15;
        b = cat([tag], randomBytes(next, (tag === 2 ? 33 : tag === 5 ? 8 : 32) + (next() % 3) - 1));
      }
      if (b.length > 33 && b[0] === 2 && i % 3 === 0) b[33] &= 7;
      const [code, canon] = refKey(b);
      expectBytes(call('keyRoundTrip', b), code === 0 ? ok(canon) : [code]);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    for (const code of [0, 17, 18, 19]) expect(codes.get(code)).toBeGreaterThan(50);
  });

  test('List<Key> from casper-js-sdk round-trips', () => {
    const next = prng(0x6b657938);
    for (let i = 0; i < 30; i++) {
      const items: CLValue[] = [];
      for (let j = 0; j < i % 6; j++) {
        const tag = next() % 15;
        items.push(CLValue.newCLKey(jsKey(tag, randomPayload(next, tag))));
      }
      const js = CLValue.newCLList(CLTypeKey, items).bytes();
      expectBytes(call('keyListRoundTrip', js), ok(js));
    }
  });

  test('worked example 2 of the ABI note: Key::URef 0x2a×32 READ_ADD_WRITE', () => {
    const bytes = fromHex(`02${'2a'.repeat(32)}07`);
    expectBytes(call('keyRoundTrip', bytes), ok(bytes));
    expect(hex(CLValue.newCLKey(jsKey(2, bytes.subarray(1))).bytes())).toBe(hex(bytes));
  });
});

describe('URef', () => {
  test('1,024 URefs, every rights value: casper-js-sdk bytes round-trip both ways', () => {
    const next = prng(0x75726631);
    for (let i = 0; i < 1024; i++) {
      const addr = randomBytes(next, 32);
      const rights = i & 7;
      const js = CLValue.newCLUref(new JsURef(addr, rights)).bytes();
      expect(hex(js)).toBe(hex(cat(addr, [rights])));
      const out = call('urefRoundTrip', js);
      expectBytes(out, ok(js));
      const back = JsURef.fromBytes(out.subarray(1)).result;
      expect(hex(back.data)).toBe(hex(addr));
      expect(back.access).toBe(rights);
    }
  });

  test('rights above 7 are Formatting (18); short is 17; extra is 19; random bytes as casper-types', () => {
    for (let r = 8; r < 256; r++) expectBytes(call('urefRoundTrip', cat(new Uint8Array(32), [r])), [18]);
    const full = cat(new Uint8Array(32).fill(9), [5]);
    for (let n = 0; n < 33; n++) expectBytes(call('urefRoundTrip', full.subarray(0, n)), [17]);
    expectBytes(call('urefRoundTrip', cat(full, [1])), [19]);
    // An out-of-range rights byte is reported before left-over bytes (casper-types order).
    expectBytes(call('urefRoundTrip', cat(new Uint8Array(32), [9, 0])), [18]);
    const next = prng(0x75726632);
    for (let i = 0; i < 2000; i++) {
      const b = randomBytes(next, 30 + (next() % 6));
      if (i % 2 === 0 && b.length > 32) b[32] &= 7;
      const code = refURef(b);
      expectBytes(call('urefRoundTrip', b), code === 0 ? ok(b) : [code]);
    }
  });

  test('rights helpers, withRights and removeAccessRights; AccessRights bit values', () => {
    const addr = new Uint8Array(32).fill(0x77);
    for (let rights = 0; rights < 8; rights++) {
      for (let r = 0; r < 8; r++) {
        expectBytes(call('urefOps', cat(addr, [rights]), r), [
          0,
          rights & 1 ? 1 : 0,
          rights & 2 ? 1 : 0,
          rights & 4 ? 1 : 0,
          ...addr,
          r,
          ...addr,
          0,
          ...addr,
          rights,
        ]);
      }
    }
    // casper-js-sdk disagreement: its UrefAccess enum names 3 "Add" and 4 "ReadWrite"; in
    // casper-types ADD is 4 and READ_WRITE is 3. The byte written is the enum's number.
    expect(hex(CLValue.newCLUref(new JsURef(addr, 3 /* UrefAccess.Add */)).bytes()).slice(-2)).toBe('03');
  });

  test('compare and equals: address bytes, then rights', () => {
    const next = prng(0x75726633);
    for (let i = 0; i < 500; i++) {
      const a = cat(randomBytes(next, 32), [next() & 7]);
      const b = i % 3 === 0 ? cat(a.subarray(0, 32), [next() & 7]) : cat(randomBytes(next, 32), [next() & 7]);
      const c = Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(callNum('urefCompare', a, b)).toBe(c + (c === 0 ? 10 : 0));
    }
  });
});

describe('PublicKey', () => {
  /** Seeded private-key bytes that are a valid scalar for both curves (top byte < 0x7f, non-zero). */
  function privateKeyBytes(next: () => number): Uint8Array {
    const k = randomBytes(next, 32);
    k[0] &= 0x7f;
    k[31] |= 1;
    return k;
  }

  test('1,000 Ed25519 keys from seeded private keys: bytes and account hash match casper-js-sdk', () => {
    const next = prng(0x706b3031);
    for (let i = 0; i < 1000; i++) {
      const priv = privateKeyBytes(next);
      const pk = PrivateKey.fromHex(hex(priv), KeyAlgorithm.ED25519).publicKey;
      const js = CLValue.newCLPublicKey(pk).bytes();
      if (i % 10 === 0) expect(hex(js)).toBe(`01${hex(ed25519.getPublicKey(priv))}`);
      expectBytes(call('publicKeyRoundTrip', js), ok(js));
      expect(hex(call('publicKeyAccountHash', js))).toBe(`00${pk.accountHash().toHex()}`);
      expect(hex(call('publicKeyFrom', 1, js.subarray(1)))).toBe(`${hex(js)}${pk.accountHash().toHex()}`);
    }
  });

  test('1,000 secp256k1 keys from seeded private keys: bytes and account hash match casper-js-sdk', () => {
    const next = prng(0x706b3032);
    for (let i = 0; i < 1000; i++) {
      const priv = privateKeyBytes(next);
      const pk = PrivateKey.fromHex(hex(priv), KeyAlgorithm.SECP256K1).publicKey;
      const js = CLValue.newCLPublicKey(pk).bytes();
      if (i % 10 === 0) expect(hex(js)).toBe(`02${hex(secp256k1.getPublicKey(priv, true))}`);
      expectBytes(call('publicKeyRoundTrip', js), ok(js));
      expect(hex(call('publicKeyAccountHash', js))).toBe(`00${pk.accountHash().toHex()}`);
      expect(hex(call('publicKeyFrom', 2, js.subarray(1)))).toBe(`${hex(js)}${pk.accountHash().toHex()}`);
    }
  });

  test('System key: 00, account hash of the ABI note (casper-js-sdk cannot decode a System key)', () => {
    const systemHash = '6174cf2e6f8fed1715c9a3bace9c50bfe572eecb763b0ed3f644532616452008';
    expect(hex(blake2b(Uint8Array.from(Buffer.from('system\0')), { dkLen: 32 }))).toBe(systemHash);
    expect(hex(call('publicKeyRoundTrip', new Uint8Array([0])))).toBe('0000');
    expect(hex(call('publicKeyAccountHash', new Uint8Array([0])))).toBe(`00${systemHash}`);
    expect(hex(call('systemKey'))).toBe(`00${systemHash}`);
    expect(() => JsPublicKey.fromBytes(new Uint8Array([0]))).toThrow('invalid public key algorithm');
  });

  test('ABI note worked example: RFC 8032 test 1 key → b6c0e5c9…', () => {
    const key = fromHex('01d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const expected = 'b6c0e5c9ee25f43f57e577b5821688b9ac164eb7c4c08a24d43d1806ac721342';
    expect(hex(call('publicKeyAccountHash', key))).toBe(`00${expected}`);
    expect(JsPublicKey.fromBytes(key).result.accountHash().toHex()).toBe(expected);
  });

  test('equals', () => {
    const a = fromHex('01d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const b = cat([2], secp256k1.getPublicKey(new Uint8Array(32).fill(3), true));
    expect(callNum('publicKeyEquals', a, a)).toBe(1);
    expect(callNum('publicKeyEquals', b, b)).toBe(1);
    expect(callNum('publicKeyEquals', a, b)).toBe(0);
    expect(callNum('publicKeyEquals', new Uint8Array([0]), new Uint8Array([0]))).toBe(1);
    expect(callNum('publicKeyEquals', new Uint8Array([0]), a)).toBe(0);
  });

  test('the reference rules agree with @noble/curves (ZIP-215 decoding for Ed25519, SEC1 for secp256k1)', () => {
    const next = prng(0x706b3033);
    let edValid = 0;
    let secpValid = 0;
    for (let i = 0; i < 600; i++) {
      const y = randomBytes(next, 32);
      expect(edValidRef(y)).toBe(nobleEd(y, true));
      if (edValidRef(y)) edValid++;
      const x = cat([2 + (next() & 1)], randomBytes(next, 32));
      expect(secpValidRef(x)).toBe(nobleSecp(x));
      if (secpValidRef(x)) secpValid++;
    }
    // About half of all y (and x) are valid.
    expect(edValid).toBeGreaterThan(240);
    expect(edValid).toBeLessThan(360);
    expect(secpValid).toBeGreaterThan(240);
    expect(secpValid).toBeLessThan(360);
  });

  test('1,200 random Ed25519 and 1,200 random secp256k1 encodings: invalid points are Formatting (18)', () => {
    const next = prng(0x706b3034);
    let invalid = 0;
    for (let i = 0; i < 1200; i++) {
      const y = randomBytes(next, 32);
      const valid = nobleEd(y, true);
      expect(callNum('validEd25519', y)).toBe(valid ? 1 : 0);
      const input = cat([1], y);
      expectBytes(call('publicKeyRoundTrip', input), valid ? ok(input) : [18]);
      if (!valid) invalid++;
    }
    for (let i = 0; i < 1200; i++) {
      const x = cat([2 + (next() & 1)], randomBytes(next, 32));
      const valid = nobleSecp(x);
      expect(callNum('validSecp256k1', x)).toBe(valid ? 1 : 0);
      const input = cat([2], x);
      expectBytes(call('publicKeyRoundTrip', input), valid ? ok(input) : [18]);
      if (!valid) invalid++;
    }
    expect(invalid).toBeGreaterThan(1000);
  });

  test('Ed25519 edge rules of ed25519-dalek 2.0.0: non-canonical y and x = 0 with the sign bit', () => {
    const SIGN = 1n << 255n;
    const enc = (y: bigint): Uint8Array => bigToBytesLE(y, 32);
    const expectEd = (y: Uint8Array, valid: boolean): void => {
      expect(edValidRef(y)).toBe(valid);
      expect(callNum('validEd25519', y)).toBe(valid ? 1 : 0);
      expectBytes(call('publicKeyRoundTrip', cat([1], y)), valid ? ok(cat([1], y)) : [18]);
    };
    // y = 1 and y = -1 give x = 0: accepted with either sign bit (noble rejects the sign bit
    // unless ZIP-215; dalek never looks at it).
    for (const y of [1n, ED_P - 1n]) {
      expectEd(enc(y), true);
      expectEd(enc(y | SIGN), true);
      expect(nobleEd(enc(y | SIGN), false)).toBe(false);
    }
    // y = 0: x² = -1, a square mod p.
    expectEd(enc(0n), true);
    // Non-canonical y in [p, 2^255): taken mod p, so valid iff y - p is; noble (RFC 8032 mode)
    // rejects all of them, dalek and ZIP-215 accept the valid ones.
    let nonCanonicalValid = 0;
    for (let k = 0n; k < 19n; k++) {
      for (const sign of [0n, SIGN]) {
        const y = enc((ED_P + k) | sign);
        const valid = edValidRef(enc(k));
        expectEd(y, valid);
        expect(nobleEd(y, true)).toBe(valid);
        expect(nobleEd(y, false)).toBe(false);
        if (valid) nonCanonicalValid++;
      }
    }
    expect(nonCanonicalValid).toBeGreaterThan(4);
    // The encodings of p (≡ 0) and p + 1 (≡ 1) are accepted and kept byte for byte.
    expectEd(enc(ED_P), true);
    expectEd(enc(ED_P + 1n), true);
    expectEd(enc((1n << 255n) - 1n), edValidRef(enc(18n)));
    expectEd(enc((1n << 256n) - 1n), edValidRef(enc(18n)));
  });

  test('secp256k1 edge rules of k256 0.13.1 / sec1 0.7.3: prefixes, x range, compact 05 form', () => {
    const G_X = secp256k1.ProjectivePoint.BASE.x;
    const gx = bigToBytesBE(G_X, 32);
    const expectK = (b: Uint8Array, code: number, canon?: Uint8Array): void => {
      expect(callNum('validSecp256k1', b)).toBe(code === 0 ? 1 : 0);
      expectBytes(call('publicKeyRoundTrip', cat([2], b)), code === 0 ? ok(cat([2], canon ?? b)) : [code]);
    };
    expectK(cat([2], gx), 0);
    expectK(cat([3], gx), 0);
    // Compact form 05 ‖ x (sec1 Tag::Compact, 33 bytes): accepted as the even-y point, which
    // casper-types re-encodes as 02 ‖ x; its account hash is that of 02 ‖ x.
    expectK(cat([5], gx), 0, cat([2], gx));
    expect(hex(call('publicKeyAccountHash', cat([2, 5], gx)))).toBe(hex(call('publicKeyAccountHash', cat([2, 2], gx))));
    expect(nobleSecp(cat([5], gx))).toBe(false); // noble does not know the compact tag
    // Other SEC1 tags cannot be 33 bytes long (identity 1 byte, uncompressed 65) or are unknown.
    for (const tag of [0, 1, 4, 6, 7, 0x12, 0x42, 0xff]) expectK(cat([tag], gx), 18);
    // x = p and above: rejected (no reduction); just below p: valid iff x³ + 7 is a square.
    for (const x of [SECP_P, SECP_P + 1n, SECP_P + 977n, (1n << 256n) - 1n]) {
      expectK(cat([2], bigToBytesBE(x, 32)), 18);
      expectK(cat([5], bigToBytesBE(x, 32)), 18);
    }
    let validBelow = 0;
    for (const x of [0n, 1n, 2n, SECP_P - 1n, SECP_P - 2n, SECP_P - 3n, SECP_P - 4n, SECP_P - 5n]) {
      const b = cat([3], bigToBytesBE(x, 32));
      const valid = secpValidRef(b);
      expect(nobleSecp(b)).toBe(valid);
      expectK(b, valid ? 0 : 18);
      if (valid) validBelow++;
    }
    expect(validBelow).toBeGreaterThan(1);
  });

  test('casper-js-sdk disagreement: it accepts invalid points and the compact prefix unchanged', () => {
    const notOnCurve = fromHex(`0202${'00'.repeat(31)}05`);
    expect(secpValidRef(notOnCurve.subarray(1))).toBe(false);
    expect(hex(JsPublicKey.fromBytes(notOnCurve).result.bytes())).toBe(hex(notOnCurve));
    expectBytes(call('publicKeyRoundTrip', notOnCurve), [18]);
  });

  test('truncated (17), extra (19), bad tags (18), and 3,000 random byte strings as casper-types', () => {
    const keys = [
      new Uint8Array([0]),
      fromHex('01d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
      cat([2], secp256k1.getPublicKey(new Uint8Array(32).fill(5), true)),
    ];
    for (const k of keys) {
      for (let n = 0; n < k.length; n++) expectBytes(call('publicKeyRoundTrip', k.subarray(0, n)), [17]);
      expectBytes(call('publicKeyRoundTrip', cat(k, [0])), [19]);
    }
    for (let tag = 3; tag < 256; tag++) {
      expectBytes(call('publicKeyRoundTrip', new Uint8Array([tag])), [18]);
      expectBytes(call('publicKeyRoundTrip', cat([tag], keys[1].subarray(1))), [18]);
    }
    // An invalid point is reported before left-over bytes.
    expectBytes(call('publicKeyRoundTrip', cat(fromHex(`0202${'00'.repeat(31)}05`), [0])), [18]);
    const next = prng(0x706b3035);
    const codes = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      let b = randomBytes(next, next() % 38);
      if (b.length > 0 && i % 2 === 0) b[0] = next() % 4;
      if (i % 4 === 1) {
        // near a valid length for the tag
        const tag = next() % 3;
        b = cat([tag], randomBytes(next, [0, 32, 33][tag] + (next() % 3) - 1 + (tag === 0 ? 1 : 0)));
      }
      if (b.length > 1 && b[0] === 2 && i % 3 !== 2) b[1] = [2, 3, 5][next() % 3];
      const [code, canon] = refPublicKey(b);
      expectBytes(call('publicKeyRoundTrip', b), code === 0 ? ok(canon) : [code]);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    for (const code of [0, 17, 18, 19]) expect(codes.get(code)).toBeGreaterThan(20);
  });
});

describe('hashes and ByteArray', () => {
  const HASHES = [
    'accountHashRoundTrip',
    'contractHashRoundTrip',
    'contractPackageHashRoundTrip',
    'contractWasmHashRoundTrip',
  ];

  test('1,000 random 32-byte hashes of each kind: casper-js-sdk ByteArray(32) bytes round-trip', () => {
    const next = prng(0x68617368);
    for (let i = 0; i < 1000; i++) {
      const b = randomBytes(next, 32);
      const js = CLValue.newCLByteArray(b).bytes();
      expect(hex(js)).toBe(hex(b));
      expect(hex(new JsAccountHash(new JsHash(b)).toBytes())).toBe(hex(b));
      for (const fn of HASHES) expectBytes(call(fn, js), ok(js));
    }
  });

  test('hashes: short is 17, long is 19, equals compares bytes', () => {
    const b = new Uint8Array(33).fill(4);
    for (const fn of HASHES) {
      for (let n = 0; n < 32; n++) expectBytes(call(fn, b.subarray(0, n)), [17]);
      expectBytes(call(fn, b), [19]);
    }
    const x = new Uint8Array(32).fill(1);
    const y = Uint8Array.from(x);
    expect(callNum('hashEquals', x, y)).toBe(1);
    y[31] = 2;
    expect(callNum('hashEquals', x, y)).toBe(0);
  });

  test('ByteArray(n): withLength(n) decodes n bytes; CLType ByteArray(n) as casper-js-sdk', () => {
    const next = prng(0x62617272);
    for (const n of [0, 1, 5, 32, 33, 64, 100]) {
      const b = randomBytes(next, n);
      const v = CLValue.newCLByteArray(b);
      expect(hex(call('byteArrayRoundTrip', n, b))).toBe(`00${hex(v.bytes())}${hex(v.type.toBytes())}`);
      if (n > 0) expectBytes(call('byteArrayRoundTrip', n, b.subarray(0, n - 1)), [17]);
      expectBytes(call('byteArrayRoundTrip', n, cat(b, [0])), [19]);
    }
  });
});

describe('CLTypes and defaults', () => {
  test('CLType bytes match casper-js-sdk', () => {
    const addr = new Uint8Array(32);
    const key = JsKey.newKey(`hash-${hex(addr)}`);
    expect(hex(call('clType', 0))).toBe(hex(CLValue.newCLKey(key).type.toBytes()));
    expect(hex(call('clType', 0))).toBe('0b');
    expect(hex(call('clType', 1))).toBe(hex(CLValue.newCLUref(new JsURef(addr, 7)).type.toBytes()));
    expect(hex(call('clType', 1))).toBe('0c');
    const pk = JsPublicKey.fromHex('01d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(hex(call('clType', 2))).toBe(hex(CLValue.newCLPublicKey(pk).type.toBytes()));
    expect(hex(call('clType', 2))).toBe('16');
    for (const kind of [3, 4, 5, 6])
      expect(hex(call('clType', kind))).toBe(hex(CLValue.newCLByteArray(addr).type.toBytes()));
    expect(hex(call('clType', 3))).toBe('0f20000000');
    expect(hex(call('clType', 7))).toBe('0e0b');
    expect(hex(call('clType', 8))).toBe('0e0f20000000');
    expect(hex(call('clType', 9))).toBe('0e0c');
  });

  test('zero-argument constructors give zero values', () => {
    expect(hex(call('defaults'))).toBe(`${'00'.repeat(32)}${'00'.repeat(33)}00${'00'.repeat(32)}00`);
  });
});
