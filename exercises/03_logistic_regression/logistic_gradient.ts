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
  // TODO: check the shapes (RangeError), then p = sigmoid(z) with z = Xw + b.
  // TODO: average (pᵢ − yᵢ)·Xᵢ into dW and (pᵢ − yᵢ) into db. No factor 2: this is not the MSE.
  throw new Error("Not implemented: logisticGradient (lesson 03)");
}
