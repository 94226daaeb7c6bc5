/**
 * Hex as casper-types reads it (`checksummed_hex::decode`): all-lowercase or all-uppercase hex is
 * taken as is; mixed case (up to 75 bytes) must carry the EIP-55-like checksum, where a letter
 * nibble is uppercase when the next bit of blake2b(bytes) is set. Errors read like base16's.
 */

import { blake2b256 } from '../../runtime/types/blake2b';

/** Bytes of `text`, or base16's error message. */
export function decodeHex(text: string): Uint8Array | { error: string } {
  if (text.length % 2 !== 0) return { error: `Base16 data cannot have length ${text.length} (must be even)` };
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (v < 0) return { error: `Invalid byte \`b'${text[i]}'\`, at index ${i}.` };
    if (i % 2 === 0) out[i >> 1] = v << 4;
    else out[i >> 1] |= v;
  }
  if (out.length > 75 || sameCase(text)) return out;
  const expected = checksummedHex(out);
  for (let i = 0; i < text.length; i++) {
    if (expected[i] !== text[i]) return { error: `Invalid byte \`b'${expected[i]}'\`, at index ${i}.` };
  }
  return out;
}

function sameCase(s: string): boolean {
  let upper: boolean | undefined;
  for (const c of s) {
    const lo = c >= 'a' && c <= 'f';
    const up = c >= 'A' && c <= 'F';
    if (!lo && !up) continue;
    if (upper === undefined) upper = up;
    else if (upper !== up) return false;
  }
  return true;
}

/** casper-types' checksummed hex of `bytes` (mixed case). */
export function checksummedHex(bytes: Uint8Array): string {
  const hash = blake2b256(bytes);
  let bit = 0;
  const nextBit = () => {
    const b = hash[(bit >> 3) % hash.length];
    const v = ((b >> (bit & 7)) & 1) === 1;
    bit++;
    return v;
  };
  let out = '';
  for (const byte of bytes) {
    for (const nibble of [byte >> 4, byte & 15]) {
      const c = nibble.toString(16);
      out += nibble >= 10 && nextBit() ? c.toUpperCase() : c;
    }
  }
  return out;
}

/** Lowercase hex. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Rust `format!("{:10}", HexFmt(bytes))`: hex cut to 10 characters as `abcd..wxyz` when longer. */
export function hexFmt10(bytes: Uint8Array): string {
  const h = hex(bytes);
  return h.length <= 10 ? h : `${h.slice(0, 4)}..${h.slice(-4)}`;
}
