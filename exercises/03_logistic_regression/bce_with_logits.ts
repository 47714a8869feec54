import type { Vector } from "../../lib/types.ts";

/**
 * The mean binary cross-entropy of labels y under probabilities p = σ(z),
 * computed from the logits z so that it never takes log(0):
 *
 *   J = (1/N) Σᵢ [softplus(zᵢ) − yᵢ zᵢ],   softplus(z) = log(1 + e^{z}) = max(z, 0) + log1p(e^{−|z|})
 *
 * This equals −(1/N) Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], because
 * log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z).
 *
 * @param z Logits, shape [N]; any finite numbers.
 * @param y Labels, shape [N], each 0 or 1.
 * @returns J, a number ≥ 0.
 * @throws {RangeError} When the lengths differ or are 0.
 * @guarantee finite Finite and exact at |z| = 1e4: a confident mistake at
 *   z = −1e4 with y = 1 costs 1e4 (divided by N), not Infinity or NaN.
 */
export function bceWithLogits(z: Vector, y: Vector): number {
  // TODO: check the lengths (RangeError).
  // TODO: average softplus(zᵢ) − yᵢ·zᵢ, with softplus written as max(z, 0) + Math.log1p(Math.exp(−|z|)).
  throw new Error("Not implemented: bceWithLogits (lesson 03)");
}
