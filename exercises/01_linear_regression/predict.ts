import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * The linear model's prediction for every sample.
 *
 *   ŷ = X w + b        ŷᵢ = Σⱼ Xᵢⱼ wⱼ + b
 *
 * @param X Features, shape [N, D]: one row per sample.
 * @param w Weights, shape [D].
 * @param b Bias (a single number, added to every prediction).
 * @returns Predictions ŷ, shape [N].
 */
export function predict(X: Matrix, w: Vector, b: number): Vector {
  // TODO: one dot product per row of X, plus the bias.
  throw new Error("Not implemented: predict (lesson 01)");
}
