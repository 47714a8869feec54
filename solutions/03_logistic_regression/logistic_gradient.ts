import type { Matrix, Vector } from "../../lib/types.ts";
import { sigmoid } from "./sigmoid.ts";

/**
 * The gradient of the mean binary cross-entropy J of the logistic model
 * p = σ(Xw + b), with respect to w and b:
 *
 *   ∂J/∂w = (1/N) Xᵀ(p − y)        ∂J/∂b = (1/N) Σᵢ (pᵢ − yᵢ)
 *
 * @param X Features, shape [N, D]: one row per sample.
 * @param y Labels, shape [N], each 0 or 1.
 * @param w Weights, shape [D].
 * @param b Bias.
 * @returns `dW` = ∂J/∂w, shape [D], and `db` = ∂J/∂b, a number.
 * @throws {RangeError} When X has no rows, or X and y differ in length, or w
 *   is not as long as a row of X.
 * @guarantee finite Finite at logits of ±1e4: each |dWⱼ| is at most the
 *   largest |Xᵢⱼ|, because every pᵢ − yᵢ lies in [−1, 1].
 */
export function logisticGradient(
  X: Matrix,
  y: Vector,
  w: Vector,
  b: number,
): { dW: Vector; db: number } {
  const n = X.length;
  if (n === 0 || y.length !== n || X.some((row) => row.length !== w.length)) {
    throw new RangeError(
      `Cannot compute the gradient as X [N, D], y [N] and w [D] must agree with N > 0: X has ${n} rows, y has ${y.length} entries, w has ${w.length}`,
    );
  }
  const p = sigmoid(X.map((row) => row.reduce((s, x, j) => s + x * w[j], b))); // [N]
  const dW: Vector = new Array(w.length).fill(0); // [D]
  let db = 0;
  for (let i = 0; i < n; i++) {
    // σ′ cancels against the log's derivative, leaving the plain residual p − y.
    const g = (p[i] - y[i]) / n;
    for (let j = 0; j < w.length; j++) dW[j] += X[i][j] * g;
    db += g;
  }
  return { dW, db };
}
