// Seeded randomness for tests (mulberry32): randomized tests always use a fixed seed.

/** A random-number source: floats in [0, 1). */
export type Rng = () => number;

/** A deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** One element of `xs`. */
export const pick = <X>(rng: Rng, xs: readonly X[]): X => xs[int(rng, xs.length)];

/** `n` random bytes. */
export const randBytes = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => int(rng, 256));
