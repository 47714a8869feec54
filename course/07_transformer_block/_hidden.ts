/**
 * Hidden-case helpers shared by the exercises of lesson 07 (grader only: never in the kit).
 *
 * @module
 */
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";

export type M = number[][];
export type V = number[];

/** Tolerance for answers checked against tfjs's float32 arithmetic. */
export const F32 = { rtol: 1e-4, atol: 1e-5 };

/** An integer in [lo, hi] (inclusive). */
export const between = (r: Rng, lo: number, hi: number): number => lo + r.int(hi - lo + 1);

/** A random matrix [rows, cols] whose entries are scaled by `scale`. */
export const scaled = (r: Rng, rows: number, cols: number, scale: number): M =>
  randomMatrix(r, rows, cols).map((row) => row.map((v) => scale * v));

/** γ near 1 and β near 0, shape [d], neither all-ones nor all-zeros. */
export const affine = (r: Rng, d: number): { gamma: V; beta: V } => ({
  gamma: randomVector(r, d).map((v) => 1 + 0.5 * v),
  beta: randomVector(r, d).map((v) => 0.5 * v),
});

/** Rows of very different offsets and scales, so per-row statistics matter, shape [T, d]. */
export const unevenRows = (r: Rng, t: number, d: number): M =>
  randomMatrix(r, t, d).map((row) => {
    const [shift, scale] = [r.uniform(-20, 20), Math.exp(r.uniform(-1, 3))];
    return row.map((v) => shift + scale * v);
  });
