/**
 * Small two-feature classification data sets for the lessons, tests and
 * figures, drawn from a seeded generator so every run sees the same points.
 *
 * @module
 */
import { rng } from "./random.ts";

/** Points X [N, 2] with labels y [N], each 0 or 1. */
export interface Labelled {
  X: number[][];
  y: number[];
}

/**
 * Two Gaussian clouds of `n` points each, class 0 around (−1, −0.5) and
 * class 1 around (1, 0.5).
 *
 * @param spread The standard deviation of each cloud: 0.4 keeps them apart
 *   (linearly separable), 1 makes them overlap.
 * @param n Points per class.
 * @param seed The generator's seed.
 * @returns The points, classes interleaved: X [2n, 2], y [2n].
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { twoClouds } from "./datasets.ts";
 * const { X, y } = twoClouds(0.4);
 * assert.equal(X.length, 40);
 * assert.deepEqual(y.slice(0, 4), [0, 1, 0, 1]);
 * ```
 */
export function twoClouds(spread: number, n = 20, seed = 3): Labelled {
  const r = rng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const label of [0, 1]) {
      const s = label ? 1 : -1;
      X.push([s + spread * r.normal(), 0.5 * s + spread * r.normal()]);
      y.push(label);
    }
  }
  return { X, y };
}

/** Two clouds far enough apart that one line separates them. */
export const SEPARABLE: Labelled = twoClouds(0.4);

/** Two clouds that overlap: no line separates them. */
export const OVERLAPPING: Labelled = twoClouds(1);
