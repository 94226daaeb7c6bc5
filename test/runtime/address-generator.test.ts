import { createCipheriv } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2b';
import { AddressGenerator, ChaCha20Rng, chacha20Block, chachaBlock } from '../../runtime/state/address-generator';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const range = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i);
/** 16 keystream words → their little-endian bytes. */
const wordsToBytes = (words: readonly number[]): Uint8Array => {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  for (const [i, w] of words.entries()) view.setUint32(4 * i, w, true);
  return out;
};
/** Independent oracle: OpenSSL's ChaCha20 (IV = 32-bit LE counter ‖ 96-bit nonce) keystream. */
const opensslKeystream = (key: Uint8Array, iv16: Uint8Array, length: number): Uint8Array =>
  new Uint8Array(createCipheriv('chacha20', key, iv16).update(new Uint8Array(length)));

describe('ChaCha20 block function (RFC 8439)', () => {
  test('§2.3.2 block: key 00..1f, nonce 000000090000004a00000000, counter 1', () => {
    expect(hex(chacha20Block(range(32), 1, unhex('000000090000004a00000000')))).toBe(
      '10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e' +
        'd2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e',
    );
  });

  test('§2.4.2 encryption: the sunscreen plaintext, counter 1', () => {
    const plaintext = new TextEncoder().encode(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const nonce = unhex('000000000000004a00000000');
    const ciphertext = new Uint8Array(plaintext.length);
    for (let block = 0; block * 64 < plaintext.length; block++) {
      const ks = chacha20Block(range(32), 1 + block, nonce);
      for (let i = block * 64; i < Math.min(plaintext.length, block * 64 + 64); i++) {
        ciphertext[i] = plaintext[i] ^ ks[i - block * 64];
      }
    }
    expect(hex(ciphertext)).toBe(
      '6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b' +
        'f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8' +
        '07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736' +
        '5af90bbf74a35be6b40b8eedf2785e42874d',
    );
  });

  // RFC 8439 appendix A.1 (the words as rand_chacha 0.3.1's tests state them).
  const zeroKey = new Uint8Array(32);
  const zeroNonce = new Uint8Array(12);
  test('A.1 #1: zero key, zero nonce, counter 0', () => {
    expect(hex(chacha20Block(zeroKey, 0, zeroNonce))).toBe(
      '76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7' +
        'da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586',
    );
  });
  test('A.1 #2: zero key, zero nonce, counter 1', () => {
    expect(chacha20Block(zeroKey, 1, zeroNonce)).toEqual(
      wordsToBytes([
        0xbee7079f, 0x7a385155, 0x7c97ba98, 0x0d082d73, 0xa0290fcb, 0x6965e348, 0x3e53c612, 0xed7aee32, 0x7621b729,
        0x434ee69c, 0xb03371d5, 0xd539d874, 0x281fed31, 0x45fb0a51, 0x1f0ae1ac, 0x6f4d794b,
      ]),
    );
  });
  test('A.1 #3: key 00…01, counter 1', () => {
    const key = new Uint8Array(32);
    key[31] = 1;
    expect(chacha20Block(key, 1, zeroNonce)).toEqual(
      wordsToBytes([
        0x2452eb3a, 0x9249f8ec, 0x8d829d9b, 0xddd4ceb1, 0xe8252083, 0x60818b01, 0xf38422b8, 0x5aaa49c9, 0xbb00ca8e,
        0xda3ba7b4, 0xc4b592d1, 0xfdf2732f, 0x4436274e, 0x2561b3c8, 0xebdd4aa6, 0xa0136c00,
      ]),
    );
  });
  test('A.1 #4: key 00ff00…, counter 2', () => {
    const key = new Uint8Array(32);
    key[1] = 0xff;
    expect(chacha20Block(key, 2, zeroNonce)).toEqual(
      wordsToBytes([
        0xfb4dd572, 0x4bc42ef1, 0xdf922636, 0x327f1394, 0xa78dea8f, 0x5e269039, 0xa1bebbc1, 0xcaf09aae, 0xa25ab213,
        0x48a6b46c, 0x1b9d9bcb, 0x092c5be6, 0x546ca624, 0x1bec45d5, 0x87f47473, 0x96f0992e,
      ]),
    );
  });
  test('A.1 #5: zero key, nonce 00…02, counter 0', () => {
    const nonce = new Uint8Array(12);
    nonce[11] = 2;
    expect(chacha20Block(zeroKey, 0, nonce)).toEqual(
      wordsToBytes([
        0x374dc6c2, 0x3736d58c, 0xb904e24a, 0xcd3f93ef, 0x88228b1a, 0x96a4dfb3, 0x5b76ab72, 0xc727ee54, 0x0e0e978a,
        0xf3145c95, 0x1b748ea8, 0xf786c297, 0x99c28f5f, 0x628314e8, 0x398a19fa, 0x6ded1b53,
      ]),
    );
  });

  test('agrees with OpenSSL ChaCha20 for pseudo-random keys, nonces and counters', () => {
    for (let t = 0; t < 20; t++) {
      const key = blake2b(Uint8Array.of(t), { dkLen: 32 });
      const nonce = blake2b(Uint8Array.of(t, 1), { dkLen: 12 });
      const counter = (t * 0x1234567) >>> 0;
      const iv = new Uint8Array(16);
      new DataView(iv.buffer).setUint32(0, counter, true);
      iv.set(nonce, 4);
      expect(chacha20Block(key, counter, nonce)).toEqual(opensslKeystream(key, iv, 64));
    }
  });

  test('chachaBlock with 0 double rounds is the feed-forward doubling', () => {
    const input = Uint32Array.from({ length: 16 }, (_, i) => 0x80000000 + i);
    const out = new Uint32Array(16);
    chachaBlock(input, out, 0);
    expect(Array.from(out)).toEqual(Array.from(input, (w) => (w * 2) >>> 0));
  });

  test('argument checks', () => {
    expect(() => chacha20Block(new Uint8Array(31), 0, zeroNonce)).toThrow(
      'ChaCha key must be a Uint8Array of 32 bytes',
    );
    expect(() => chacha20Block(zeroKey, 0, new Uint8Array(8))).toThrow(
      'ChaCha20 nonce must be a Uint8Array of 12 bytes',
    );
    expect(() => chacha20Block(zeroKey, 2 ** 32, zeroNonce)).toThrow('ChaCha20 counter must be a u32');
  });
});

describe('ChaCha20Rng = rand_chacha 0.3.1 ChaChaRng (its own test vectors)', () => {
  test('test_chacha_construction: next_u32, then from_rng (seed = next 32 bytes)', () => {
    const seed = new Uint8Array(32);
    seed[8] = 1;
    seed[16] = 2;
    seed[24] = 3;
    const rng1 = new ChaCha20Rng(seed);
    expect(rng1.nextU32()).toBe(137206642);
    const seed2 = new Uint8Array(32);
    rng1.fillBytes(seed2);
    expect(new ChaCha20Rng(seed2).nextU32()).toBe(1325750369);
  });

  test('test_chacha_true_values_a: zero seed, blocks 0 and 1', () => {
    const rng = new ChaCha20Rng(new Uint8Array(32));
    const block0 = Array.from({ length: 16 }, () => rng.nextU32());
    expect(block0).toEqual([
      0xade0b876, 0x903df1a0, 0xe56a5d40, 0x28bd8653, 0xb819d2bd, 0x1aed8da0, 0xccef36a8, 0xc70d778b, 0x7c5941da,
      0x8d485751, 0x3fe02477, 0x374ad8b8, 0xf4b8436a, 0x1ca11815, 0x69b687c3, 0x8665eeb2,
    ]);
    const block1 = Array.from({ length: 16 }, () => rng.nextU32());
    expect(block1).toEqual([
      0xbee7079f, 0x7a385155, 0x7c97ba98, 0x0d082d73, 0xa0290fcb, 0x6965e348, 0x3e53c612, 0xed7aee32, 0x7621b729,
      0x434ee69c, 0xb03371d5, 0xd539d874, 0x281fed31, 0x45fb0a51, 0x1f0ae1ac, 0x6f4d794b,
    ]);
  });

  test('test_chacha_true_values_b: seed …01, block 1', () => {
    const seed = new Uint8Array(32);
    seed[31] = 1;
    const rng = new ChaCha20Rng(seed);
    for (let i = 0; i < 16; i++) rng.nextU32();
    expect(Array.from({ length: 16 }, () => rng.nextU32())).toEqual([
      0x2452eb3a, 0x9249f8ec, 0x8d829d9b, 0xddd4ceb1, 0xe8252083, 0x60818b01, 0xf38422b8, 0x5aaa49c9, 0xbb00ca8e,
      0xda3ba7b4, 0xc4b592d1, 0xfdf2732f, 0x4436274e, 0x2561b3c8, 0xebdd4aa6, 0xa0136c00,
    ]);
  });

  test('test_chacha_true_values_c: block 2, then word positions after fill_bytes / next_u64', () => {
    const seed = new Uint8Array(32);
    seed[1] = 0xff;
    const rng = new ChaCha20Rng(seed);
    for (let i = 0; i < 32; i++) rng.nextU32();
    expect(Array.from({ length: 16 }, () => rng.nextU32())).toEqual([
      0xfb4dd572, 0x4bc42ef1, 0xdf922636, 0x327f1394, 0xa78dea8f, 0x5e269039, 0xa1bebbc1, 0xcaf09aae, 0xa25ab213,
      0x48a6b46c, 0x1b9d9bcb, 0x092c5be6, 0x546ca624, 0x1bec45d5, 0x87f47473, 0x96f0992e,
    ]);
    const end = 48n;
    expect(rng.wordPos()).toBe(end);
    const buf = new Uint8Array(32);
    rng.fillBytes(buf);
    expect(rng.wordPos()).toBe(end + 8n);
    rng.fillBytes(buf.subarray(0, 25)); // 25 bytes consume 7 whole words
    expect(rng.wordPos()).toBe(end + 15n);
    rng.nextU64();
    expect(rng.wordPos()).toBe(end + 17n);
    rng.nextU32();
    rng.nextU64();
    expect(rng.wordPos()).toBe(end + 20n);
    rng.fillBytes(buf.subarray(0, 1));
    expect(rng.wordPos()).toBe(end + 21n);
  });

  test('test_chacha_multiple_blocks: the i-th word of the i-th block (crosses rand_chacha’s 4-block buffer)', () => {
    const seed = new Uint8Array(32);
    for (let i = 0; i < 8; i++) seed[4 * i] = i;
    const rng = new ChaCha20Rng(seed);
    const results: number[] = [];
    for (let i = 0; i < 16; i++) {
      results.push(rng.nextU32());
      for (let j = 0; j < 16; j++) rng.nextU32();
    }
    expect(results).toEqual([
      0xf225c81a, 0x6ab1be57, 0x04d42951, 0x70858036, 0x49884684, 0x64efec72, 0x4be2d186, 0x3615b384, 0x11cfa18e,
      0xd3c50049, 0x75c775f6, 0x434c6530, 0x2c5bad8f, 0x898881dc, 0x5f1c86d9, 0xc1f8e7f4,
    ]);
  });

  test('test_chacha_true_bytes: fill_bytes of 32 bytes from the zero seed', () => {
    const rng = new ChaCha20Rng(new Uint8Array(32));
    const out = new Uint8Array(32);
    rng.fillBytes(out);
    expect(Array.from(out)).toEqual([
      118, 184, 224, 173, 160, 241, 61, 144, 64, 93, 106, 229, 83, 134, 189, 40, 189, 210, 25, 184, 160, 141, 237, 26,
      168, 54, 239, 204, 139, 119, 13, 199,
    ]);
  });

  test('test_chacha_nonce: stream id 2 << 56', () => {
    const rng = new ChaCha20Rng(new Uint8Array(32), 2n << 56n);
    expect(Array.from({ length: 16 }, () => rng.nextU32())).toEqual([
      0x374dc6c2, 0x3736d58c, 0xb904e24a, 0xcd3f93ef, 0x88228b1a, 0x96a4dfb3, 0x5b76ab72, 0xc727ee54, 0x0e0e978a,
      0xf3145c95, 0x1b748ea8, 0xf786c297, 0x99c28f5f, 0x628314e8, 0x398a19fa, 0x6ded1b53,
    ]);
  });

  test('next_u64 across a block boundary takes the last word as the low half', () => {
    const a = new ChaCha20Rng(new Uint8Array(32));
    const b = new ChaCha20Rng(new Uint8Array(32));
    for (let i = 0; i < 15; i++) a.nextU32();
    const words = Array.from({ length: 17 }, () => b.nextU32());
    expect(a.nextU64()).toBe((BigInt(words[16]) << 32n) | BigInt(words[15]));
  });

  test('the byte stream is the raw keystream (OpenSSL, counter 0, nonce 0) over many blocks', () => {
    const seed = blake2b(new TextEncoder().encode('seed'), { dkLen: 32 });
    const rng = new ChaCha20Rng(seed);
    const got = new Uint8Array(4096);
    // Uneven chunk sizes that are whole words keep the stream contiguous.
    const sizes = [4, 32, 8, 100, 64, 12, 200];
    for (let o = 0, k = 0; o < got.length; o += sizes[k % sizes.length], k++) {
      rng.fillBytes(got.subarray(o, Math.min(got.length, o + sizes[k % sizes.length])));
    }
    expect(got).toEqual(opensslKeystream(seed, new Uint8Array(16), 4096));
  });

  test('a partial word is discarded: fill 3 bytes, then the next word is word 1', () => {
    const a = new ChaCha20Rng(new Uint8Array(32));
    const three = new Uint8Array(3);
    a.fillBytes(three);
    expect(Array.from(three)).toEqual([118, 184, 224]);
    expect(a.nextU32()).toBe(0x903df1a0);
  });

  test('seed and stream checks', () => {
    expect(() => new ChaCha20Rng(new Uint8Array(16))).toThrow(RangeError);
    expect(() => new ChaCha20Rng(new Uint8Array(32), -1n)).toThrow('ChaCha stream id must be a u64');
    expect(() => new ChaCha20Rng(new Uint8Array(32), 1n << 64n)).toThrow(RangeError);
  });
});

describe('AddressGenerator (casper-node address_generator.rs)', () => {
  const DEPLOY_HASH_1 = new Uint8Array(32).fill(1);
  const DEPLOY_HASH_2 = new Uint8Array(32).fill(2);
  const PAYMENT = 1;
  const SESSION = 2;
  const FINALIZE_PAYMENT = 3;

  test('seed = blake2b-256(deploy hash ‖ [phase]); addresses = the ChaCha20 keystream of that key', () => {
    for (const phase of [0, 1, 2, 3]) {
      const seed = blake2b(Uint8Array.from([...DEPLOY_HASH_1, phase]), { dkLen: 32 });
      const g = new AddressGenerator(DEPLOY_HASH_1, phase);
      const three = [g.createAddress(), g.createAddress(), g.createAddress()];
      expect(hex(Uint8Array.from(three.flatMap((a) => Array.from(a))))).toBe(
        hex(opensslKeystream(seed, new Uint8Array(16), 96)),
      );
    }
  });

  test('fixed vectors for deploy hash [1; 32]', () => {
    // Computed here and checked against OpenSSL's ChaCha20 and Python's hashlib.blake2b.
    expect(hex(blake2b(Uint8Array.from([...DEPLOY_HASH_1, SESSION]), { dkLen: 32 }))).toBe(
      '397e579f3b71f80e734f972cae1252483392d5c810a5b2362456572c42b4e9dc',
    );
    const expectedFirst = [
      '4bc06c3c3f2c746759690380d666d26d014d52095b7e95394f422ff38f7e7cdd',
      '4ef6801ffe405880159254023d1e42f1d7ac2eb142cb0bbeab75222c258b423a',
      'fcd3ff0560f1e2efdbf812fb1bb409a10120eeb026ffaa3078ced1a93244a8b2',
      '15fba9cf9923c38b04d6870ac6e44bcc85b595fe6c18dd3cb808fc4f30cc1d87',
    ];
    for (const phase of [0, 1, 2, 3]) {
      expect(hex(new AddressGenerator(DEPLOY_HASH_1, phase).createAddress())).toBe(expectedFirst[phase]);
    }
    const g = new AddressGenerator(DEPLOY_HASH_1, SESSION);
    g.createAddress();
    expect(hex(g.newHashAddress())).toBe('25ae8e642609bef6a8840ba87aa4abf508f570cdd9c06b3b86750ddde9c27ee3');
  });

  test('should_generate_same_numbers_for_same_seed (deterministic)', () => {
    const a = new AddressGenerator(DEPLOY_HASH_1, SESSION);
    const b = new AddressGenerator(DEPLOY_HASH_1, SESSION);
    for (let i = 0; i < 10; i++) expect(a.createAddress()).toEqual(b.createAddress());
  });

  test('should_generate_different_numbers_for_different_seeds', () => {
    expect(new AddressGenerator(DEPLOY_HASH_1, SESSION).createAddress()).not.toEqual(
      new AddressGenerator(DEPLOY_HASH_2, SESSION).createAddress(),
    );
  });

  test('should_not_generate_same_numbers_for_different_phase', () => {
    const payment = new AddressGenerator(DEPLOY_HASH_1, PAYMENT).createAddress();
    const session = new AddressGenerator(DEPLOY_HASH_1, SESSION).createAddress();
    const finalize = new AddressGenerator(DEPLOY_HASH_1, FINALIZE_PAYMENT).createAddress();
    expect(payment).not.toEqual(session);
    expect(payment).not.toEqual(finalize);
    expect(session).not.toEqual(finalize);
  });

  test('consecutive addresses are consecutive 32-byte pieces of one stream; all distinct', () => {
    const g = new AddressGenerator(DEPLOY_HASH_2, SESSION);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(hex(g.createAddress()));
    expect(seen.size).toBe(1000);
  });

  test('newHashAddress = blake2b-256(createAddress()) and advances the same stream', () => {
    const a = new AddressGenerator(DEPLOY_HASH_1, SESSION);
    const b = new AddressGenerator(DEPLOY_HASH_1, SESSION);
    expect(a.newHashAddress()).toEqual(blake2b(b.createAddress(), { dkLen: 32 }));
    expect(a.createAddress()).toEqual(b.createAddress());
  });

  test('the hash is copied at construction (seeding is lazy but sees the original bytes)', () => {
    const hash = new Uint8Array(32).fill(1);
    const g = new AddressGenerator(hash, SESSION);
    hash.fill(9);
    expect(hex(g.createAddress())).toBe('fcd3ff0560f1e2efdbf812fb1bb409a10120eeb026ffaa3078ced1a93244a8b2');
  });

  test('any hash length is accepted (genesis/upgrade seeds), phase must be a u8', () => {
    const empty = new AddressGenerator(new Uint8Array(0), 0).createAddress();
    expect(empty).toEqual(opensslKeystream(blake2b(Uint8Array.of(0), { dkLen: 32 }), new Uint8Array(16), 32));
    expect(() => new AddressGenerator(DEPLOY_HASH_1, 256)).toThrow('phase must be a u8');
    expect(() => new AddressGenerator(DEPLOY_HASH_1, -1)).toThrow(RangeError);
    expect(() => new AddressGenerator(DEPLOY_HASH_1, 1.5)).toThrow(RangeError);
    expect(() => new AddressGenerator('00' as unknown as Uint8Array, 0)).toThrow(TypeError);
  });
});
