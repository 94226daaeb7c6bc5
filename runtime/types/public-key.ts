/**
 * PublicKey (`types/src/crypto/asymmetric_key.rs`): tag 0 System (no bytes), 1 Ed25519 (32
 * bytes), 2 Secp256k1 (33 bytes, compressed SEC1). Decoding validates the curve point like
 * casper-types 4.0.1 (see point-validation.ts); an invalid point is Formatting.
 */
import { blake2b256 } from './blake2b';
import { bytesEqual, bytesToHex, compareBytes } from './bytes';
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { isValidEd25519Point, isValidSecp256k1Point } from './point-validation';

/** PublicKey variant tags. */
export const PublicKeyTag = { System: 0, Ed25519: 1, Secp256k1: 2 } as const;

/** A public key: variant tag and raw key bytes (empty for System, canonical compressed for Secp256k1). */
export type PublicKey =
  | { readonly tag: 0; readonly raw: Uint8Array }
  | { readonly tag: 1; readonly raw: Uint8Array }
  | { readonly tag: 2; readonly raw: Uint8Array };

/** Raw key length per tag. */
export const PUBLIC_KEY_RAW_LENGTH: readonly [0, 32, 33] = [0, 32, 33];

/** The system public key. */
export const SYSTEM_PUBLIC_KEY: PublicKey = Object.freeze({ tag: 0, raw: new Uint8Array(0) });

const ALGORITHM_NAMES = ['system', 'ed25519', 'secp256k1'];
const ALGORITHM_NAME_BYTES = ALGORITHM_NAMES.map((n) => new TextEncoder().encode(n));
const VARIANT_NAMES = ['System', 'Ed25519', 'Secp256k1'];

/**
 * Builds a validated key from raw bytes, or returns null if casper-types would reject them. A
 * Secp256k1 key given with the SEC1 compact tag 0x05 is returned in its canonical 0x02 form (the
 * form casper-types re-serializes).
 */
export function publicKeyFromRaw(tag: number, raw: Uint8Array): PublicKey | null {
  switch (tag) {
    case 0:
      return raw.length === 0 ? SYSTEM_PUBLIC_KEY : null;
    case 1:
      return isValidEd25519Point(raw) ? { tag: 1, raw } : null;
    case 2:
      if (!isValidSecp256k1Point(raw)) return null;
      if (raw[0] === 5) {
        const c = raw.slice();
        c[0] = 2;
        return { tag: 2, raw: c };
      }
      return { tag: 2, raw };
    default:
      return null;
  }
}

/** Reads a PublicKey: tag, fixed raw bytes (EarlyEndOfStream if short), point check (Formatting). */
export function readPublicKey(r: Reader): PublicKey {
  const tag = r.u8();
  if (tag === 0) return SYSTEM_PUBLIC_KEY;
  if (tag !== 1 && tag !== 2) return r.fail(BytesReprError.Formatting);
  const raw = r.fixed(PUBLIC_KEY_RAW_LENGTH[tag]);
  const pk = publicKeyFromRaw(tag, raw);
  if (pk === null) return r.fail(BytesReprError.Formatting);
  return pk;
}

/** Writes a PublicKey (tag + raw bytes). */
export function writePublicKey(w: Writer, pk: PublicKey): void {
  w.u8(pk.tag);
  w.fixed(pk.raw, PUBLIC_KEY_RAW_LENGTH[pk.tag]);
}

/** Decodes exactly one PublicKey. */
export function decodePublicKey(bytes: Uint8Array): DecodeResult<PublicKey> {
  return fromBytes(bytes, readPublicKey);
}

/** Serializes a PublicKey. */
export function encodePublicKey(pk: PublicKey): Uint8Array {
  return toBytes(pk, writePublicKey, 34);
}

/** Serialized length: 1 + raw length. */
export function publicKeySerializedLength(pk: PublicKey): number {
  return 1 + PUBLIC_KEY_RAW_LENGTH[pk.tag];
}

/** Rust Ord of PublicKey: tag, then raw bytes. */
export function comparePublicKeys(a: PublicKey, b: PublicKey): number {
  return a.tag - b.tag || compareBytes(a.raw, b.raw);
}

/** Equality of tag and raw bytes. */
export function publicKeyEquals(a: PublicKey, b: PublicKey): boolean {
  return a.tag === b.tag && bytesEqual(a.raw, b.raw);
}

/**
 * AccountHash of a public key (`AccountHash::from_public_key`):
 * blake2b-256(lowercase algorithm name ‖ 0x00 ‖ raw key bytes).
 */
export function publicKeyAccountHash(pk: PublicKey): Uint8Array {
  return blake2b256(ALGORITHM_NAME_BYTES[pk.tag], new Uint8Array(1), pk.raw);
}

/** Lowercase hex of tag ‖ raw bytes (casper-js-sdk `toHex(false)` form; System → "00"). */
export function publicKeyToHex(pk: PublicKey): string {
  return `0${pk.tag}${bytesToHex(pk.raw)}`;
}

/** Debug form, e.g. `PublicKey::Ed25519(d75a…)`. */
export function publicKeyToString(pk: PublicKey): string {
  return `PublicKey::${VARIANT_NAMES[pk.tag]}(${bytesToHex(pk.raw)})`;
}
