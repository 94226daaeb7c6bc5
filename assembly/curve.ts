// Curve-point validation for PublicKey decoding, exactly as casper-types 4.0.1 (node 1.5.6)
// decides it; only "is this a valid point", never the point itself. No floats.
//
// Versions are those of the node's Cargo.lock at v1.5.6.
//
// Ed25519 — ed25519-dalek 2.0.0 `VerifyingKey::try_from(&[u8])` → `from_bytes` →
// curve25519-dalek 4.0.0 `CompressedEdwardsY::decompress`: y = the low 255 bits (bit 255 is the
// sign of x), taken mod p without a range check, so non-canonical y in [p, 2^255) is accepted;
// the point is valid iff `sqrt_ratio_i(y²-1, d·y²+1)` reports a square, i.e. (y²-1)(d·y²+1)
// is 0 or a quadratic residue mod p = 2^255-19 (d·y²+1 is never 0). x = 0 (y = ±1) with the
// sign bit set is accepted. No small-order or torsion check.
//
// Secp256k1 — k256 0.13.1 / ecdsa 0.16.7 `VerifyingKey::from_sec1_bytes` on the 33 bytes →
// elliptic-curve 0.13.5 `PublicKey::from_sec1_bytes` (not the identity): sec1 0.7.3 accepts
// tag 02/03 (compressed) and 05 (compact, 33 bytes too); x must be < p (no reduction) and
// x³+7 a square mod p = 2^256-2^32-977 (never 0: the group has odd prime order). A compact (05)
// key is the point with even y, which casper-types re-encodes as 02 ‖ x.
//
// Arithmetic: 256-bit numbers as eight u32 limbs (little-endian) in static scratch memory;
// schoolbook products folded modulo m = 2^256 - c (secp256k1: m = p; Ed25519: m = 2p =
// 2^256 - 38, which keeps every residue mod p), never fully reduced; then the binary Jacobi
// symbol on four u64 locals (for the prime p, the Legendre symbol). The limb loops stay rolled
// (code size); the Jacobi loop, which runs ~500 times, is straight-line inside, as a loop
// iteration costs at least one 35,000-gas branch on the 1.5 cost table; for the same reason
// 32-byte copies go by u64. Cost per key, counted on the release build: ~53M gas (Ed25519),
// ~40M gas (secp256k1).

// Scratch: T = 16-digit product (64 bytes), H = the digits folded down (32), C = c as two
// digits (8), then 8-digit values A, U.
const T: usize = memory.data(64 + 32 + 8 + 2 * 32, 8);
const H: usize = T + 64;
const C: usize = T + 96;
const A: usize = T + 104;
const U: usize = T + 136;

// Edwards d = -121665/121666 mod 2^255-19, little-endian.
const EDWARDS_D: usize = memory.data<u8>([
  0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41, 0x41, 0x4d, 0x0a, 0x70, 0x00, 0x98, 0xe8, 0x79,
  0x77, 0x79, 0x40, 0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52,
]);

// secp256k1: p = 2^256 - SECP_C.
const SECP_C: i64 = 0x1000003d1;
// Ed25519: products are reduced mod 2p = 2^256 - 38.
const ED_C: i64 = 38;

/**
 * T += x·y·… row by row: for each digit of x (`xn` bytes of u32 digits), y (`yn` bytes) times it
 * is added in at that digit and the row's carry is stored (not added) at the digit just above
 * the row, which must still be 0 there: so x is the shorter factor when the digits above T's
 * low half are not all 0.
 */
function mac(x: usize, xn: usize, y: usize, yn: usize): void {
  for (let i: usize = 0; i < xn; i += 4) {
    const xi = <u64>load<u32>(x + i);
    let carry: u64 = 0;
    for (let j: usize = 0; j < yn; j += 4) {
      carry += <u64>load<u32>(T + i + j) + xi * <u64>load<u32>(y + j); // < 2^64
      store<u32>(T + i + j, <u32>carry);
      carry >>= 32;
    }
    store<u32>(T + i + yn, <u32>carry);
  }
}

/** Copies 32 bytes as four u64 (a byte loop would cost 8 times the gas). */
function copy32(dst: usize, src: usize): void {
  for (let i: usize = 0; i < 32; i += 8) store<u64>(dst + i, load<u64>(src + i));
}

/**
 * dst := a·b + k mod m = 2^256 - c, not fully reduced (< 2^256); dst may be a or b. k is small:
 * k ≥ 0 adds k; k < 0 starts from 2^256 + k, so callers pass k - c for a negative k.
 */
function mulAdd(dst: usize, a: usize, b: usize, k: i64, c: i64): void {
  // T's high half needs no clearing: each row stores its carry there before the next reads it.
  const fill = k >> 63;
  store<i64>(T, k);
  store<i64>(T, fill, 8);
  store<i64>(T, fill, 16);
  store<i64>(T, fill, 24);
  mac(a, 32, b, 32);
  // Fold: lo + hi·2^256 ≡ lo + c·hi, until nothing is left above 2^256. The two rows of c·hi
  // store the digits at 2^256 and 2^288; the rest of the high half is cleared, and after the
  // first fold only those two can be set.
  store<i64>(C, c);
  do {
    copy32(H, T + 32);
    store<u64>(T, 0, 40);
    store<u64>(T, 0, 48);
    store<u64>(T, 0, 56);
    mac(C, 8, H, 32);
  } while (load<u64>(T + 32));
  copy32(dst, T);
}

/**
 * True when the Jacobi symbol (T[0..8] / n) is -1, for the odd prime
 * n = [-nLow, 2^64-1, 2^64-1, nTop] (four u64 limbs, little-endian). Binary algorithm: while
 * a ≠ 0, if a is odd make a ≥ n by swapping (quadratic reciprocity) and subtract n, then halve
 * a ((2/n) rule). Each step at least halves a·n, so it ends within 512 steps.
 */
function isNonResidue(nLow: u64, nTop: u64): bool {
  let a0 = load<u64>(T);
  let a1 = load<u64>(T, 8);
  let a2 = load<u64>(T, 16);
  let a3 = load<u64>(T, 24);
  let n0 = 0 - nLow;
  let n1: u64 = -1;
  let n2: u64 = -1;
  let n3 = nTop;
  let neg: u64 = 0; // bit 0: the symbol's sign so far
  while (a0 | a1 | a2 | a3) {
    if (a0 & 1) {
      // a and n odd. If a < n swap them (reciprocity: -1 iff both ≡ 3 mod 4), then a -= n.
      if (a3 < n3 || (a3 == n3 && (a2 < n2 || (a2 == n2 && (a1 < n1 || (a1 == n1 && a0 < n0)))))) {
        let t = a0;
        a0 = n0;
        n0 = t;
        t = a1;
        a1 = n1;
        n1 = t;
        t = a2;
        a2 = n2;
        n2 = t;
        t = a3;
        a3 = n3;
        n3 = t;
        neg ^= (a0 & n0) >> 1;
      }
      const b0 = <u64>(a0 < n0);
      a0 -= n0;
      const d1 = a1 - n1;
      const b1 = (<u64>(a1 < n1)) | (<u64>(d1 < b0));
      a1 = d1 - b0;
      const d2 = a2 - n2;
      const b2 = (<u64>(a2 < n2)) | (<u64>(d2 < b1));
      a2 = d2 - b1;
      a3 = a3 - n3 - b2;
    }
    // a even: a /= 2; (2/n) = -1 iff n ≡ 3, 5 (mod 8).
    a0 = (a0 >> 1) | (a1 << 63);
    a1 = (a1 >> 1) | (a2 << 63);
    a2 = (a2 >> 1) | (a3 << 63);
    a3 >>= 1;
    neg ^= (n0 >> 1) ^ (n0 >> 2);
  }
  // n is now gcd(a, n), 1 or the prime itself (a ≡ 0: symbol 0, a square root exists), whose
  // top limb is never 0.
  return <bool>(neg & 1) && !n3;
}

/**
 * True when the 32 bytes at `ptr` are an Ed25519 public key that casper-types 4.0.1 accepts
 * (ed25519-dalek 2.0.0 point decompression; see the file header for the exact rules).
 */
export function isValidEd25519(ptr: usize): bool {
  copy32(A, ptr);
  store<u8>(A, load<u8>(A, 31) & 0x7f, 31); // y: drop the sign bit
  mulAdd(U, A, A, -1 - ED_C, ED_C); // u = y² - 1 (start from 2^256 - 1 - c ≡ -1)
  mulAdd(A, A, A, 0, ED_C); // y²
  mulAdd(A, A, EDWARDS_D, 1, ED_C); // v = d·y² + 1
  mulAdd(A, U, A, 0, ED_C); // u·v (in T): a square iff u/v is (v ≠ 0)
  return !isNonResidue(19, 0x7fffffffffffffff);
}

/**
 * True when the 33 bytes at `ptr` are a SEC1 secp256k1 key that casper-types 4.0.1 accepts
 * (tag 02, 03 or 05; x < p; x³ + 7 a square mod p).
 */
export function isValidSecp256k1(ptr: usize): bool {
  const tag = load<u8>(ptr);
  if (tag != 2 && tag != 3 && tag != 5) return false;
  for (let i: usize = 0; i < 32; i++) store<u8>(A + i, load<u8>(ptr + 32 - i)); // big-endian x
  // x ≥ p = 2^256 - 2^32 - 977 iff the top 192 bits are all ones and the low limb ≥ -SECP_C.
  if ((load<u64>(A, 8) & load<u64>(A, 16) & load<u64>(A, 24)) == <u64>-1 && load<u64>(A) >= <u64>(0 - SECP_C))
    return false;
  mulAdd(U, A, A, 0, SECP_C);
  mulAdd(U, U, A, 7, SECP_C); // x³ + 7 (in T)
  return !isNonResidue(SECP_C, <u64>-1);
}

/** True when the key bytes at `ptr` of a PublicKey with tag `tag` (0 System, 1 Ed25519, 2 secp256k1) are valid. */
export function isValidPoint(tag: u8, ptr: usize): bool {
  return tag == 1 ? isValidEd25519(ptr) : tag == 0 || isValidSecp256k1(ptr);
}
