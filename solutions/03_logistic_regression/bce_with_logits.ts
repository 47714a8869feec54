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
  if (z.length !== y.length || z.length === 0) {
    throw new RangeError(
      `Cannot compute the cross-entropy as z and y must have the same non-zero length: z has ${z.length}, y has ${y.length}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    // log(1 + e^z) without overflow: e^{−|z|} ≤ 1, and log1p keeps it exact when it is tiny.
    const softplus = Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i])));
    sum += softplus - y[i] * z[i];
  }
  return sum / z.length;
}
