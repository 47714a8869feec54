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
  // TODO: check the shapes (RangeError).
  // TODO: for each row on its own: its mean and (biased, 1/d) variance, then γ·(x − μ)/√(σ² + ε) + β.
  throw new Error("Not implemented: layerNorm (lesson 07)");
}
