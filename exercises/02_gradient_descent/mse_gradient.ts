import type { Matrix, Vector } from "../../lib/types.ts";
import { predict } from "../01_linear_regression/predict.ts";

/**
 * The gradient of the mean squared error J = (1/N) Σᵢ (ŷᵢ − yᵢ)² of the
 * linear model ŷ = Xw + b, with respect to w and b.
 *
 *   ∂J/∂w = (2/N) Xᵀ(ŷ − y)        ∂J/∂b = (2/N) Σᵢ (ŷᵢ − yᵢ)
 *
 * @param X Features, shape [N, D]: one row per sample.
 * @param y Targets, shape [N].
 * @param w Weights, shape [D].
 * @param b Bias.
 * @returns `dW` = ∂J/∂w, shape [D], and `db` = ∂J/∂b, a number.
 * @throws {RangeError} When X has no rows or X and y differ in length.
 */
export function mseGradient(
  X: Matrix,
  y: Vector,
  w: Vector,
  b: number,
): { dW: Vector; db: number } {
  // TODO: ŷ = predict(X, w, b); dW[j] = (2/N) Σᵢ (ŷᵢ − yᵢ)·X[i][j], db = (2/N) Σᵢ (ŷᵢ − yᵢ).
  // TODO: throw a RangeError when X is empty or X and y differ in length.
  throw new Error("Not implemented: mseGradient (lesson 02)");
}
