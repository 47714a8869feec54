/**
 * A small seeded pseudo-random generator (mulberry32) so that every random
 * input, shuffle and initialisation in the course is reproducible.
 *
 * @module
 */

/** A seeded source of random numbers. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A sample of the standard normal distribution (Box–Muller). */
  normal(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A new array with the items of `items` in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * Creates a seeded generator: the same seed always yields the same sequence.
 *
 * @param seed Any integer; it is reduced to 32 bits.
 * @returns A generator.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rng } from "./random.ts";
 * assert.equal(rng(7).next(), rng(7).next());
 * ```
 */
export function rng(seed: number): Rng {
  if (!Number.isFinite(seed)) {
    throw new RangeError(
      `Cannot seed the generator as the seed must be finite: current value is ${seed}`,
    );
  }
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      const u = 1 - next(); // in (0, 1], so log(u) is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * A matrix of standard-normal samples.
 *
 * @param r The generator.
 * @param rows Number of rows.
 * @param cols Number of columns.
 * @returns A `rows × cols` matrix.
 */
export function randomMatrix(r: Rng, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => r.normal()));
}

/**
 * A vector of standard-normal samples.
 *
 * @param r The generator.
 * @param n Length.
 * @returns A vector of length `n`.
 */
export function randomVector(r: Rng, n: number): number[] {
  return Array.from({ length: n }, () => r.normal());
}
