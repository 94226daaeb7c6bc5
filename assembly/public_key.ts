// PublicKey (casper-types 4.0.1 `crypto/asymmetric_key.rs`): tag 0 System (no bytes),
// 1 Ed25519 + 32 bytes, 2 Secp256k1 + 33 bytes (compressed SEC1). CLType PublicKey (22).
// Decoding validates the curve point as casper-types does (assembly/curve.ts): an invalid point
// or an unknown tag is Formatting (18), a short key EarlyEndOfStream (17).

import { BytesReprError, bytesEqual, bytesFrom, copyBytes, Decoder, Encoder } from './bytesrepr';
import { isValidPoint } from './curve';
import { casper_blake2b } from './externals';
import { AccountHash } from './hashes';

/** PublicKey variant tags. */
export namespace PublicKeyTag {
  /** The system key (no bytes). */
  export const System: u8 = 0;
  /** An Ed25519 key (32 bytes). */
  export const Ed25519: u8 = 1;
  /** A secp256k1 key (33 bytes, compressed SEC1). */
  export const Secp256k1: u8 = 2;
}

// Account-hash preimage prefixes, indexed by tag: "system\0" at 0, "ed25519\0" at 7,
// "secp256k1\0" at 15 (algorithm name, lowercase, then the 0 separator).
const ALGORITHM_NAMES: usize = memory.data<u8>([
  0x73,
  0x79,
  0x73,
  0x74,
  0x65,
  0x6d,
  0x00, // system
  0x65,
  0x64,
  0x32,
  0x35,
  0x35,
  0x31,
  0x39,
  0x00, // ed25519
  0x73,
  0x65,
  0x63,
  0x70,
  0x32,
  0x35,
  0x36,
  0x6b,
  0x31,
  0x00, // secp256k1
]);

/** A new empty byte array. */
function emptyBytes(): StaticArray<u8> {
  const empty: StaticArray<u8> = [];
  return empty;
}

/** A public key of one of the three algorithms. */
export class PublicKey {
  constructor(
    /** The algorithm (PublicKeyTag). */
    public tag: u8 = PublicKeyTag.System,
    /** The key bytes: 0 (System), 32 (Ed25519) or 33 (Secp256k1). */
    public bytes: StaticArray<u8> = emptyBytes(),
  ) {}

  /** The system key. */
  static system(): PublicKey {
    return new PublicKey(PublicKeyTag.System, emptyBytes());
  }

  /** An Ed25519 key of 32 bytes (not validated; decode validates). */
  static ed25519(bytes: StaticArray<u8>): PublicKey {
    return new PublicKey(PublicKeyTag.Ed25519, bytes);
  }

  /** A secp256k1 key of 33 compressed bytes (not validated; decode validates). */
  static secp256k1(bytes: StaticArray<u8>): PublicKey {
    return new PublicKey(PublicKeyTag.Secp256k1, bytes);
  }

  /**
   * The account hash: blake2b-256(algorithm name ‖ 0x00 ‖ key bytes), computed by the host
   * (`casper_blake2b`), as casper-types `AccountHash::from_public_key`.
   */
  toAccountHash(): AccountHash {
    const tag = <usize>this.tag;
    const nameLen: usize = 7 + tag + (tag >> 1); // 7, 8, 10
    const keyLen = <usize>this.bytes.length;
    const preimage = heap.alloc(nameLen + keyLen);
    copyBytes(preimage, ALGORITHM_NAMES + tag * 8 - <usize>(tag != 0), nameLen); // at 0, 7, 15
    copyBytes(preimage + nameLen, changetype<usize>(this.bytes), keyLen);
    const out = changetype<StaticArray<u8>>(__new(32, idof<StaticArray<u8>>())); // filled by the host
    casper_blake2b(preimage, nameLen + keyLen, changetype<usize>(out), 32);
    return new AccountHash(out);
  }

  /** True when algorithm and bytes are equal. */
  equals(other: PublicKey): bool {
    return this.tag == other.tag && bytesEqual(this.bytes, other.bytes);
  }

  /** Writes tag ‖ key bytes. */
  encode(enc: Encoder): void {
    enc.putU8(this.tag);
    enc.putFixed(this.bytes);
  }

  /**
   * Reads tag ‖ key bytes and validates the point. Unknown tag or invalid point → Formatting;
   * short → EarlyEndOfStream. A secp256k1 key in compact form (05 ‖ x) is accepted, as k256
   * does, and kept as 02 ‖ x, the form casper-types re-encodes it in.
   */
  decode(dec: Decoder): void {
    const tag = dec.getU8();
    const n: u32 = tag == PublicKeyTag.Ed25519 ? 32 : tag == PublicKeyTag.Secp256k1 ? 33 : 0;
    const p = dec.take(n); // 0: too short (EarlyEndOfStream), or an earlier error
    if (tag > PublicKeyTag.Secp256k1 || (p && !isValidPoint(tag, p))) dec.fail(BytesReprError.Formatting);
    if (dec.err) return;
    const bytes = bytesFrom(p, n);
    if (tag == PublicKeyTag.Secp256k1 && unchecked(bytes[0]) == 5) unchecked((bytes[0] = 2));
    this.tag = tag;
    this.bytes = bytes;
  }

  /** CLType PublicKey (22). */
  writeCLType(enc: Encoder): void {
    enc.putU8(22);
  }
}
