// 32-byte hash newtypes (casper-types AccountHash, ContractHash, ContractPackageHash,
// ContractWasmHash) and ByteArray (Rust [u8; N]). All encode as their raw bytes with no prefix;
// their CLType is ByteArray(N) (tag 15 + u32 N).

import { allocBytes, bytesEqual, copyBytes, Decoder, Encoder } from './bytesrepr';

/** A 32-byte hash: bytes as they are, CLType ByteArray(32). Base of the named hash types. */
export class Hash32 {
  constructor(
    /** The 32 hash bytes. */
    public bytes: StaticArray<u8> = allocBytes(32),
  ) {}

  /** Writes the 32 bytes. */
  encode(enc: Encoder): void {
    enc.putFixed(this.bytes);
  }

  /** Reads 32 bytes into `bytes` (EarlyEndOfStream if fewer remain). */
  decode(dec: Decoder): void {
    const p = dec.take(32);
    if (p) copyBytes(changetype<usize>(this.bytes), p, 32);
  }

  /** ByteArray(32): 0f 20000000. */
  writeCLType(enc: Encoder): void {
    enc.putU8(15);
    enc.putU32(32);
  }

  /** True when both hold the same bytes. */
  equals(other: Hash32): bool {
    return bytesEqual(this.bytes, other.bytes);
  }
}

/** casper-types `AccountHash`: blake2b-256 of a public key (see PublicKey.toAccountHash). */
export class AccountHash extends Hash32 {}

/** casper-types `ContractHash`. */
export class ContractHash extends Hash32 {}

/** casper-types `ContractPackageHash`. */
export class ContractPackageHash extends Hash32 {}

/** casper-types `ContractWasmHash`. */
export class ContractWasmHash extends Hash32 {}

/**
 * A fixed-length byte array ([u8; N]): raw bytes, CLType ByteArray(N). N is the length of
 * `bytes`; to decode, start from `ByteArray.withLength(n)` (decode reads `bytes.length` bytes).
 */
export class ByteArray {
  constructor(
    /** The bytes; their count is N. */
    public bytes: StaticArray<u8> = allocBytes(0),
  ) {}

  /** A zeroed N-byte array, ready to decode N bytes into. */
  static withLength(n: i32): ByteArray {
    return new ByteArray(allocBytes(n));
  }

  /** Writes the N bytes. */
  encode(enc: Encoder): void {
    enc.putFixed(this.bytes);
  }

  /** Reads N = bytes.length bytes (EarlyEndOfStream if fewer remain). */
  decode(dec: Decoder): void {
    this.bytes = dec.getFixed(this.bytes.length);
  }

  /** ByteArray(N): 0f + u32 N. On a null instance (empty list) N is unknown and written as 0. */
  writeCLType(enc: Encoder): void {
    enc.putU8(15);
    enc.putU32(changetype<usize>(this) ? this.bytes.length : 0);
  }

  /** True when both hold the same bytes (same length). */
  equals(other: ByteArray): bool {
    return bytesEqual(this.bytes, other.bytes);
  }
}
