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
  const n = X.length;
  if (n === 0 || y.length !== n) {
    throw new RangeError(
      `Cannot compute the gradient as X and y need equal, non-zero lengths: ${n} and ${y.length}`,
    );
  }
  const yHat = predict(X, w, b); // [N]
  const dW: Vector = new Array(w.length).fill(0); // [D]
  let db = 0;
  for (let i = 0; i < n; i++) {
    const g = (2 / n) * (yHat[i] - y[i]); // ∂J/∂ŷᵢ
    for (let j = 0; j < w.length; j++) dW[j] += X[i][j] * g;
    db += g;
  }
  return { dW, db };
}
