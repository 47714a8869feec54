/**
 * Variant helpers shared by the exercises of lesson 07 (grader only: never in the kit).
 *
 * @module
 */

export type M = number[][];
export type V = number[];

/** Each row of x [T, d] standardized over its own d features, times γ plus β. */
export function normRows(x: M, gamma: V, beta: V, eps: number, denominator = x[0].length): M {
  return x.map((row) => {
    const mu = row.reduce((s, v) => s + v, 0) / row.length;
    const variance = row.reduce((s, v) => s + (v - mu) ** 2, 0) / denominator;
    return row.map((v, j) => gamma[j] * (v - mu) / Math.sqrt(variance + eps) + beta[j]);
  });
}

/** The transpose of a matrix [R, C] → [C, R]. */
export const transpose = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));

/** a [R, K] · b [K, C] → [R, C]. */
export const matMul = (a: M, b: M): M =>
  a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

/** The elementwise sum of two matrices of the same shape. */
export const addM = (a: M, b: M): M => a.map((row, i) => row.map((v, j) => v + b[i][j]));

// Probes: T = 3 positions, d = 4 features, rows of different offsets and scales.
export const XP: M = [[1, 2, 4, -1], [10, 12, 9, 15], [-3, 0.5, 2, 0]]; // [3, 4]
