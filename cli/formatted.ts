/**
 * casper-types' text forms, parsed as strictly as casper-types 4.0.1 parses them (the node's
 * types): `Key::from_formatted_str`, `AccountHash::from_formatted_str`, `URef::from_formatted_str`,
 * `PublicKey::from_hex`, and `checksummed_hex::decode` under all of them. casper-js-sdk 5 parses
 * these forms more loosely (an AccountHash without its prefix, URef rights 010, Casper 2.0 key
 * prefixes, secp256k1 bytes that are not a curve point), so the CLI validates here first and only
 * then hands the bytes to casper-js-sdk. A failure throws `FormatError` with the offending
 * character's index in the input, so the caller can point at it.
 */

import { PublicKey as SdkPublicKey } from 'casper-js-sdk';
import type { Key } from '../runtime/types/key';
import { publicKeyFromRaw, type PublicKey } from '../runtime/types/public-key';
import type { URef } from '../runtime/types/uref';

/** A text form that does not parse; `at` is the index of the offending character in the input. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** casper-types `checksummed_hex::SMALL_BYTES_COUNT`: longer inputs are not checksum-checked. */
const SMALL_BYTES_COUNT = 75;

/**
 * `checksummed_hex::decode`: base16 of either case; a mixed-case input of at most 75 bytes must
 * carry the Blake2b case checksum (casper-js-sdk's `PublicKey.encode` computes it). `offset` is
 * where `hex` starts in the whole input, for error positions.
 */
export function decodeHex(hex: string, offset = 0): Uint8Array {
  for (let i = 0; i < hex.length; i++) {
    if (!/[0-9a-fA-F]/.test(hex[i])) throw new FormatError(`invalid hex character '${hex[i]}'`, offset + i);
  }
  if (hex.length % 2 !== 0) throw new FormatError(`odd number of hex digits (${hex.length})`, offset + hex.length);
  const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
  const sameCase = hex === hex.toLowerCase() || hex === hex.toUpperCase();
  if (bytes.length <= SMALL_BYTES_COUNT && !sameCase && SdkPublicKey.encode(bytes) !== hex) {
    throw new FormatError('mixed-case hex with an invalid checksum', offset);
  }
  return bytes;
}

function hex32(hex: string, offset: number, what: string): Uint8Array {
  const b = decodeHex(hex, offset);
  if (b.length !== 32) throw new FormatError(`${what} must be 32 bytes, got ${b.length}`, offset);
  return b;
}

/** `AccountHash::from_formatted_str`: `account-hash-<64 hex>`. */
export function parseAccountHash(s: string): Uint8Array {
  const prefix = 'account-hash-';
  if (!s.startsWith(prefix)) throw new FormatError("prefix is not 'account-hash-'", 0);
  return hex32(s.slice(prefix.length), prefix.length, 'an account hash');
}

/** `URef::from_formatted_str`: `uref-<64 hex>-<access rights, octal 0–7>`. */
export function parseURef(s: string): URef {
  const prefix = 'uref-';
  if (!s.startsWith(prefix)) throw new FormatError("prefix is not 'uref-'", 0);
  const rest = s.slice(prefix.length);
  const dash = rest.indexOf('-');
  if (dash < 0) throw new FormatError("missing '-<access rights>' suffix", s.length);
  const addr = hex32(rest.slice(0, dash), prefix.length, 'a URef address');
  const rightsText = rest.slice(dash + 1);
  const at = prefix.length + dash + 1;
  // Rust's u8::from_str_radix(_, 8): an optional '+', then octal digits, at most 255.
  if (!/^\+?[0-7]+$/.test(rightsText)) throw new FormatError(`invalid access rights '${rightsText}' (octal 0-7)`, at);
  const rights = parseInt(rightsText.replace(/^\+/, ''), 8);
  if (rights > 7) throw new FormatError(`invalid access rights '${rightsText}' (octal 0-7)`, at);
  return { addr, rights };
}

const ADDR_PREFIXES: ReadonlyArray<readonly [string, 0 | 1 | 3 | 4 | 6 | 7 | 8 | 9 | 12]> = [
  ['hash-', 1],
  ['deploy-', 4],
  ['transfer-', 3],
  ['balance-', 6],
  ['bid-', 7],
  ['withdraw-', 8],
  ['unbond-', 12],
  ['dictionary-', 9],
];
const UNIT_PREFIXES: ReadonlyArray<readonly [string, 10 | 11 | 13 | 14]> = [
  ['era-summary-', 11],
  ['system-contract-registry-', 10],
  ['chainspec-registry-', 13],
  ['checksum-registry-', 14],
];

/** `Key::from_formatted_str` of casper-types 4.0.1: the 15 key variants of a 1.5 node. */
export function parseKey(s: string): Key {
  if (s.startsWith('account-hash-')) return { tag: 0, addr: parseAccountHash(s) };
  if (s.startsWith('uref-')) return { tag: 2, uref: parseURef(s) };
  for (const [prefix, tag] of UNIT_PREFIXES) {
    if (s.startsWith(prefix)) {
      hex32(s.slice(prefix.length), prefix.length, 'the padding');
      return { tag };
    }
  }
  for (const [prefix, tag] of ADDR_PREFIXES) {
    if (s.startsWith(prefix)) return { tag, addr: hex32(s.slice(prefix.length), prefix.length, 'the address') };
  }
  if (s.startsWith('era-')) {
    const text = s.slice(4);
    if (!/^\+?[0-9]+$/.test(text) || BigInt(text.replace(/^\+/, '')) > 0xffff_ffff_ffff_ffffn) {
      throw new FormatError(`invalid era id '${text}'`, 4);
    }
    return { tag: 5, era: BigInt(text.replace(/^\+/, '')) };
  }
  throw new FormatError(
    'unknown prefix for key (account-hash-, hash-, uref-, transfer-, deploy-, era-, balance-, bid-, withdraw-, dictionary-, system-contract-registry-, era-summary-, unbond-, chainspec-registry-, checksum-registry-)',
    0,
  );
}

/** `PublicKey::from_hex`: a tag (01 Ed25519, 02 secp256k1) then the key bytes, a valid curve point. */
export function parsePublicKeyHex(s: string): PublicKey {
  if (s.length < 2) throw new FormatError('failed to decode from hex: too short', s.length);
  const tag = decodeHex(s.slice(0, 2), 0)[0];
  const raw = decodeHex(s.slice(2), 2);
  if (tag !== 1 && tag !== 2) throw new FormatError(`invalid tag: expected 1 or 2, got ${tag}`, 0);
  const expected = tag === 1 ? 32 : 33;
  if (raw.length !== expected) {
    throw new FormatError(
      `${tag === 1 ? 'an Ed25519' : 'a secp256k1'} public key must be ${expected} bytes, got ${raw.length}`,
      2,
    );
  }
  const pk = publicKeyFromRaw(tag, raw);
  if (!pk)
    throw new FormatError(`not a valid ${tag === 1 ? 'Ed25519' : 'secp256k1'} public key (not a curve point)`, 2);
  return pk;
}
