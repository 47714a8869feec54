import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * Layer normalization: each row (one token's features) is centred and scaled
 * on its own, then stretched by γ and shifted by β:
 *
 *   μₜ = (1/d) Σⱼ xₜⱼ      σ²ₜ = (1/d) Σⱼ (xₜⱼ − μₜ)²      yₜⱼ = γⱼ (xₜⱼ − μₜ) / √(σ²ₜ + ε) + βⱼ
 *
 * @param x Activations, shape [T, d]: one row per position.
 * @param gamma Scale γ, shape [d].
 * @param beta Shift β, shape [d].
 * @param eps ε, added to the variance so a constant row does not divide by 0.
 * @returns The normalized activations, shape [T, d].
 * @throws {RangeError} When x has no rows or no columns, or gamma, beta or a
 *   row of x is not d long.
 * @guarantee normalized With γ = 1 and β = 0, every row of the output has mean
 *   0 and variance σ²ₜ / (σ²ₜ + ε), which is 1 up to ε.
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function layerNorm(x: Matrix, gamma: Vector, beta: Vector, eps = 1e-5): Matrix {
  const d = gamma.length;
  if (
    x.length === 0 || d === 0 || beta.length !== d || x.some((row) => row.length !== d)
  ) {
    throw new RangeError(
      `Cannot normalize as x [T, d], gamma [d] and beta [d] must agree with T, d > 0: x has ${x.length} rows of length ${
        x[0]?.length ?? 0
      }, gamma has ${d} entries, beta has ${beta.length}`,
    );
  }
  return x.map((row) => {
    // Statistics over the features of this one position, never across positions.
    const mu = row.reduce((s, v) => s + v, 0) / d;
    const variance = row.reduce((s, v) => s + (v - mu) ** 2, 0) / d;
    const inv = 1 / Math.sqrt(variance + eps);
    return row.map((v, j) => gamma[j] * (v - mu) * inv + beta[j]); // [d]
  }); // [T, d]
}
