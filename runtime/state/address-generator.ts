/**
 * The deploy RNG that gives new URefs, contract/package/Wasm hashes, transfer records and
 * `casper_random_bytes` their addresses (ABI note §3.11).
 *
 * casper-node 1.5.6 `execution_engine/src/core/execution/address_generator.rs`: the seed is
 * `blake2b-256(hash ‖ [phase as u8])` (one Phase byte: 0 System, 1 Payment, 2 Session,
 * 3 FinalizePayment; `hash` = the deploy hash for deploy execution), fed to rand_chacha 0.3.1
 * `ChaChaRng::from_seed` (= ChaCha20Rng: 20 rounds, key = seed, 64-bit block counter and 64-bit
 * stream id both starting at 0). rand_core 0.6.4 `BlockRng` hands out the keystream as 32-bit
 * little-endian words in order; `fill_bytes` consumes whole words (a partial trailing word is
 * discarded). `create_address` = `fill_bytes` of 32 bytes; `new_hash_address` =
 * blake2b-256(create_address()). One generator per executed phase (executor.rs `exec`).
 */

import { blake2b } from '@noble/hashes/blake2b';

/** "expand 32-byte k" as four little-endian words. */
const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574] as const;

const ADDRESS_LENGTH = 32;

/**
 * The ChaCha block function: `out` (16 words) = ChaCha(`input`) + `input`, with `doubleRounds`
 * double rounds (10 = ChaCha20). `input` is the full 16-word state: constants, key, counter, nonce.
 */
export function chachaBlock(input: Uint32Array, out: Uint32Array, doubleRounds = 10): void {
  let x0 = input[0] | 0;
  let x1 = input[1] | 0;
  let x2 = input[2] | 0;
  let x3 = input[3] | 0;
  let x4 = input[4] | 0;
  let x5 = input[5] | 0;
  let x6 = input[6] | 0;
  let x7 = input[7] | 0;
  let x8 = input[8] | 0;
  let x9 = input[9] | 0;
  let x10 = input[10] | 0;
  let x11 = input[11] | 0;
  let x12 = input[12] | 0;
  let x13 = input[13] | 0;
  let x14 = input[14] | 0;
  let x15 = input[15] | 0;
  for (let r = 0; r < doubleRounds; r++) {
    // Column rounds.
    x0 = (x0 + x4) | 0;
    x12 ^= x0;
    x12 = (x12 << 16) | (x12 >>> 16);
    x8 = (x8 + x12) | 0;
    x4 ^= x8;
    x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0;
    x12 ^= x0;
    x12 = (x12 << 8) | (x12 >>> 24);
    x8 = (x8 + x12) | 0;
    x4 ^= x8;
    x4 = (x4 << 7) | (x4 >>> 25);

    x1 = (x1 + x5) | 0;
    x13 ^= x1;
    x13 = (x13 << 16) | (x13 >>> 16);
    x9 = (x9 + x13) | 0;
    x5 ^= x9;
    x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0;
    x13 ^= x1;
    x13 = (x13 << 8) | (x13 >>> 24);
    x9 = (x9 + x13) | 0;
    x5 ^= x9;
    x5 = (x5 << 7) | (x5 >>> 25);

    x2 = (x2 + x6) | 0;
    x14 ^= x2;
    x14 = (x14 << 16) | (x14 >>> 16);
    x10 = (x10 + x14) | 0;
    x6 ^= x10;
    x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0;
    x14 ^= x2;
    x14 = (x14 << 8) | (x14 >>> 24);
    x10 = (x10 + x14) | 0;
    x6 ^= x10;
    x6 = (x6 << 7) | (x6 >>> 25);

    x3 = (x3 + x7) | 0;
    x15 ^= x3;
    x15 = (x15 << 16) | (x15 >>> 16);
    x11 = (x11 + x15) | 0;
    x7 ^= x11;
    x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0;
    x15 ^= x3;
    x15 = (x15 << 8) | (x15 >>> 24);
    x11 = (x11 + x15) | 0;
    x7 ^= x11;
    x7 = (x7 << 7) | (x7 >>> 25);

    // Diagonal rounds.
    x0 = (x0 + x5) | 0;
    x15 ^= x0;
    x15 = (x15 << 16) | (x15 >>> 16);
    x10 = (x10 + x15) | 0;
    x5 ^= x10;
    x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0;
    x15 ^= x0;
    x15 = (x15 << 8) | (x15 >>> 24);
    x10 = (x10 + x15) | 0;
    x5 ^= x10;
    x5 = (x5 << 7) | (x5 >>> 25);

    x1 = (x1 + x6) | 0;
    x12 ^= x1;
    x12 = (x12 << 16) | (x12 >>> 16);
    x11 = (x11 + x12) | 0;
    x6 ^= x11;
    x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0;
    x12 ^= x1;
    x12 = (x12 << 8) | (x12 >>> 24);
    x11 = (x11 + x12) | 0;
    x6 ^= x11;
    x6 = (x6 << 7) | (x6 >>> 25);

    x2 = (x2 + x7) | 0;
    x13 ^= x2;
    x13 = (x13 << 16) | (x13 >>> 16);
    x8 = (x8 + x13) | 0;
    x7 ^= x8;
    x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0;
    x13 ^= x2;
    x13 = (x13 << 8) | (x13 >>> 24);
    x8 = (x8 + x13) | 0;
    x7 ^= x8;
    x7 = (x7 << 7) | (x7 >>> 25);

    x3 = (x3 + x4) | 0;
    x14 ^= x3;
    x14 = (x14 << 16) | (x14 >>> 16);
    x9 = (x9 + x14) | 0;
    x4 ^= x9;
    x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0;
    x14 ^= x3;
    x14 = (x14 << 8) | (x14 >>> 24);
    x9 = (x9 + x14) | 0;
    x4 ^= x9;
    x4 = (x4 << 7) | (x4 >>> 25);
  }
  out[0] = x0 + input[0];
  out[1] = x1 + input[1];
  out[2] = x2 + input[2];
  out[3] = x3 + input[3];
  out[4] = x4 + input[4];
  out[5] = x5 + input[5];
  out[6] = x6 + input[6];
  out[7] = x7 + input[7];
  out[8] = x8 + input[8];
  out[9] = x9 + input[9];
  out[10] = x10 + input[10];
  out[11] = x11 + input[11];
  out[12] = x12 + input[12];
  out[13] = x13 + input[13];
  out[14] = x14 + input[14];
  out[15] = x15 + input[15];
}

function readU32LE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

function checkLength(what: string, bytes: Uint8Array, length: number): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new RangeError(`${what} must be a Uint8Array of ${length} bytes`);
  }
}

/** The state words for `key` (32 bytes): constants and key set, counter/nonce words zero. */
function initialState(key: Uint8Array): Uint32Array {
  checkLength('ChaCha key', key, 32);
  const state = new Uint32Array(16);
  state.set(SIGMA);
  for (let i = 0; i < 8; i++) state[4 + i] = readU32LE(key, 4 * i);
  return state;
}

/**
 * RFC 8439 §2.3 ChaCha20 block: 64 keystream bytes for a 32-byte key, a 32-bit block counter and
 * a 96-bit (12-byte) nonce.
 */
export function chacha20Block(key: Uint8Array, counter: number, nonce: Uint8Array): Uint8Array {
  checkLength('ChaCha20 nonce', nonce, 12);
  if (!Number.isInteger(counter) || counter < 0 || counter > 0xffffffff) {
    throw new RangeError('ChaCha20 counter must be a u32');
  }
  const state = initialState(key);
  state[12] = counter;
  state[13] = readU32LE(nonce, 0);
  state[14] = readU32LE(nonce, 4);
  state[15] = readU32LE(nonce, 8);
  const words = new Uint32Array(16);
  chachaBlock(state, words);
  const out = new Uint8Array(64);
  for (let i = 0; i < 16; i++) {
    const w = words[i];
    out[4 * i] = w;
    out[4 * i + 1] = w >>> 8;
    out[4 * i + 2] = w >>> 16;
    out[4 * i + 3] = w >>> 24;
  }
  return out;
}

/**
 * rand_chacha 0.3.1 `ChaCha20Rng` (`ChaChaRng`) as seen through rand_core 0.6.4 `BlockRng`:
 * the ChaCha20 keystream of key = seed, 64-bit block counter from 0 (state words 12–13) and
 * 64-bit stream id (words 14–15, default 0), consumed one 32-bit word at a time.
 */
export class ChaCha20Rng {
  private readonly state: Uint32Array;
  private readonly block = new Uint32Array(16);
  /** Next unread word of `block`; 16 = block exhausted. */
  private index = 16;

  /** `ChaChaRng::from_seed(seed)`: seed = the 32-byte key; stream id `stream` (default 0). */
  constructor(seed: Uint8Array, stream: bigint = 0n) {
    this.state = initialState(seed);
    if (stream < 0n || stream > 0xffffffffffffffffn) throw new RangeError('ChaCha stream id must be a u64');
    this.state[14] = Number(stream & 0xffffffffn);
    this.state[15] = Number(stream >> 32n);
  }

  private refill(): void {
    const s = this.state;
    chachaBlock(s, this.block);
    // 64-bit block counter in words 12 (low) and 13 (high).
    s[12] = s[12] + 1;
    if (s[12] === 0) s[13] = s[13] + 1;
    this.index = 0;
  }

  /** `next_u32`: the next keystream word. */
  nextU32(): number {
    if (this.index >= 16) this.refill();
    return this.block[this.index++];
  }

  /** `next_u64`: two words, low then high. */
  nextU64(): bigint {
    const lo = this.nextU32();
    const hi = this.nextU32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** `fill_bytes`: little-endian bytes of whole words; a partial last word is consumed entirely. */
  fillBytes(dest: Uint8Array): void {
    const block = this.block;
    let o = 0;
    const n = dest.length;
    while (o < n) {
      if (this.index >= 16) this.refill();
      const w = block[this.index++];
      if (n - o >= 4) {
        dest[o] = w;
        dest[o + 1] = w >>> 8;
        dest[o + 2] = w >>> 16;
        dest[o + 3] = w >>> 24;
        o += 4;
      } else {
        for (let shift = 0; o < n; shift += 8) dest[o++] = w >>> shift;
      }
    }
  }

  /** `get_word_pos`: words consumed since the start of the stream. */
  wordPos(): bigint {
    const blocksGenerated = (BigInt(this.state[13]) << 32n) | BigInt(this.state[12]);
    return blocksGenerated === 0n ? 0n : (blocksGenerated - 1n) * 16n + BigInt(this.index);
  }
}

/**
 * Casper's per-phase address generator (`AddressGenerator::new(hash, phase)`): ChaCha20Rng seeded
 * with blake2b-256(`hash` ‖ [`phase`]). `hash` is the deploy hash for deploy execution (32 bytes),
 * but any byte string is accepted as the node does (genesis and upgrades seed with other bytes).
 */
export class AddressGenerator {
  /** `hash ‖ [phase]`, hashed into the seed on the first draw (many executions never draw). */
  private readonly seedInput: Uint8Array;
  private rng: ChaCha20Rng | undefined;

  /** `phase`: 0 System, 1 Payment, 2 Session, 3 FinalizePayment (written as one byte). */
  constructor(hash: Uint8Array, phase: number) {
    if (!(hash instanceof Uint8Array)) throw new TypeError('AddressGenerator hash must be a Uint8Array');
    if (!Number.isInteger(phase) || phase < 0 || phase > 255) throw new RangeError('phase must be a u8');
    this.seedInput = new Uint8Array(hash.length + 1);
    this.seedInput.set(hash);
    this.seedInput[hash.length] = phase;
  }

  /** The stream, seeded on first use (the blake2b costs more than many addresses). */
  private stream(): ChaCha20Rng {
    if (this.rng === undefined) this.rng = new ChaCha20Rng(blake2b(this.seedInput, { dkLen: 32 }));
    return this.rng;
  }

  /** `create_address()`: the next 32 bytes of the stream (new URefs, random_bytes, transfer records). */
  createAddress(): Uint8Array {
    const out = new Uint8Array(ADDRESS_LENGTH);
    this.stream().fillBytes(out);
    return out;
  }

  /** `new_hash_address()`: blake2b-256 of `createAddress()` (package, contract and Wasm hashes). */
  newHashAddress(): Uint8Array {
    return blake2b(this.createAddress(), { dkLen: 32 });
  }
}
