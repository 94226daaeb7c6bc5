/**
 * Public-key point checks exactly as casper-types 4.0.1 decodes keys:
 * - Ed25519 (ed25519-dalek 2.0 `VerifyingKey::from_bytes` → curve25519-dalek 4.0 `decompress`):
 *   y = the 255 low bits (little endian) taken mod p — so non-canonical y ≥ p is accepted — and
 *   the key is valid iff (y² − 1)/(d·y² + 1) has a square root mod p (0 included). The sign bit is
 *   never checked against x (x = 0 with the sign bit set is accepted); small-order points are
 *   accepted.
 * - Secp256k1 (k256 0.13.1 `VerifyingKey::from_sec1_bytes` with 33 bytes): tag 0x02/0x03
 *   (compressed) or 0x05 (SEC1 "compact", decompressed with even y); x (big endian) must be < p
 *   and x³ + 7 must be a square mod p. Tags 0x00 and 0x04 have other lengths, so they fail.
 *
 * "Has a square root" is decided with the Jacobi symbol, which is much cheaper than computing the
 * root.
 */

const ED_P = (1n << 255n) - 19n;
const ED_D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
const SECP_P = (1n << 256n) - (1n << 32n) - 977n;

/** Jacobi symbol (a/n) for odd n > 0: 1, -1 or 0. */
export function jacobi(a: bigint, n: bigint): number {
  a %= n;
  if (a < 0n) a += n;
  let t = 1;
  while (a !== 0n) {
    // strip factors of two; each odd count flips t when n ≡ 3, 5 (mod 8)
    let z = 0;
    while ((a & 0xffffffffn) === 0n) {
      a >>= 32n;
      z += 32;
    }
    const low = Number(a & 0xffffffffn);
    const tz = 31 - Math.clz32(low & -low);
    if (tz > 0) a >>= BigInt(tz);
    z += tz;
    if (z & 1) {
      const r = Number(n & 7n);
      if (r === 3 || r === 5) t = -t;
    }
    const tmp = a;
    a = n;
    n = tmp;
    if ((a & 3n) === 3n && (n & 3n) === 3n) t = -t;
    a %= n;
  }
  return n === 1n ? t : 0;
}

function leBits255(b: Uint8Array): bigint {
  let hex = '0x';
  for (let i = 31; i >= 0; i--) {
    const v = i === 31 ? b[i] & 0x7f : b[i];
    hex += (v < 16 ? '0' : '') + v.toString(16);
  }
  return BigInt(hex);
}

function be256(b: Uint8Array, start: number): bigint {
  let hex = '0x';
  for (let i = start; i < start + 32; i++) {
    const v = b[i];
    hex += (v < 16 ? '0' : '') + v.toString(16);
  }
  return BigInt(hex);
}

function ed25519Check(raw: Uint8Array): boolean {
  const y = leBits255(raw) % ED_P;
  const y2 = (y * y) % ED_P;
  const u = (y2 - 1n + ED_P) % ED_P;
  const v = (ED_D * y2 + 1n) % ED_P;
  // u/v is a square iff u·v is (v ≠ 0 always: -1/d is not a square).
  return jacobi((u * v) % ED_P, ED_P) !== -1;
}

function secp256k1Check(raw: Uint8Array): boolean {
  const tag = raw[0];
  if (tag !== 2 && tag !== 3 && tag !== 5) return false;
  const x = be256(raw, 1);
  if (x >= SECP_P) return false;
  const alpha = (((x * x) % SECP_P) * x + 7n) % SECP_P;
  return jacobi(alpha, SECP_P) !== -1;
}

/** True if 32 bytes decode as an Ed25519 public key under ed25519-dalek 2.0. */
export function isValidEd25519Point(raw: Uint8Array): boolean {
  return raw.length === 32 && ed25519Check(raw);
}

/** True if 33 bytes decode as a secp256k1 public key under k256 0.13 (`from_sec1_bytes`). */
export function isValidSecp256k1Point(raw: Uint8Array): boolean {
  return raw.length === 33 && secp256k1Check(raw);
}
