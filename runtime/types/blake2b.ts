/** BLAKE2b-256 (unkeyed, 32-byte digest) as casper-types `crypto::blake2b` computes it. */
import { blake2b } from '@noble/hashes/blake2';

/** BLAKE2b with a 32-byte digest over the concatenation of `parts`. */
export function blake2b256(...parts: Uint8Array[]): Uint8Array {
  const h = blake2b.create({ dkLen: 32 });
  for (const p of parts) h.update(p);
  return h.digest();
}
