/**
 * Variant helpers shared by the exercises of lesson 03 (grader only: never in the kit).
 *
 * @module
 */

export type M = number[][];
export type V = number[];

export const logits = (X: M, w: V, b: number): V =>
  X.map((row) => row.reduce((s, x, j) => s + x * w[j], b));
export const mean = (a: V): number => a.reduce((s, x) => s + x, 0) / a.length;
/** The stable sigmoid (the correct one: variants change other things). */
export const sigma = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
/** softplus(z) = log(1 + e^z), stably. */
export const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
/** The correct mean binary cross-entropy on logits. */
export const bce = (z: V, y: V): number => mean(z.map((zi, i) => softplus(zi) - y[i] * zi));

/** (1/N) Xᵀ r and (1/N) Σ r, times `factor`, for per-sample residuals r [N]. */
export function gradientOf(X: M, r: V, factor = 1): { dW: V; db: number } {
  const n = X.length;
  return {
    dW: X[0].map((_, j) => (factor * X.reduce((s, row, i) => s + row[j] * r[i], 0)) / n),
    db: (factor * r.reduce((s, x) => s + x, 0)) / n,
  };
}

// Probes: both classes, both signs, N = 5, D = 2.
export const XP: M = [[1, 2], [3, -1], [0, 1], [-2, 0.5], [1, 1]]; // [5, 2]
export const YP: V = [1, 0, 1, 0, 1];
