import type { Matrix, Vector } from "../../lib/types.ts";
import { rng } from "../../lib/random.ts";
import { mse } from "../01_linear_regression/mse.ts";
import { predict } from "../01_linear_regression/predict.ts";
import type { GDResult } from "./batch_gd.ts";
import { mseGradient } from "./mse_gradient.ts";

/**
 * Stochastic gradient descent: one step per sample, using the gradient of
 * that sample's loss Jᵢ = (ŷᵢ − yᵢ)² alone. Starting from w = 0, b = 0:
 *
 *   r = rng(seed), once
 *   each epoch:  order = r.shuffle([0, 1, …, N−1])
 *                for i in order:  w ← w − α ∂Jᵢ/∂w,  b ← b − α ∂Jᵢ/∂b
 *
 * @param X Features, shape [N, D].
 * @param y Targets, shape [N].
 * @param options `learningRate` α, `epochs` (passes over the data) and
 *   `seed` for the generator that shuffles the samples.
 * @returns The final `w` [D] and `b`, and `losses` [epochs + 1]: the MSE on
 *   all samples before the first epoch, then after each epoch.
 */
export function stochasticGradientDescent(
  X: Matrix,
  y: Vector,
  options: { learningRate: number; epochs: number; seed: number },
): GDResult {
  const { learningRate, epochs, seed } = options;
  const r = rng(seed);
  const indices = X.map((_, i) => i); // [N]
  let w: Vector = new Array(X[0]?.length ?? 0).fill(0); // [D]
  let b = 0;
  const losses = [mse(predict(X, w, b), y)];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // A fresh order every epoch: a fixed order would bias each pass toward
    // the samples it always ends on.
    for (const i of r.shuffle(indices)) {
      // The MSE of one row is exactly Jᵢ, so mseGradient gives ∇Jᵢ.
      const { dW, db } = mseGradient([X[i]], [y[i]], w, b);
      w = w.map((wj, j) => wj - learningRate * dW[j]);
      b -= learningRate * db;
    }
    losses.push(mse(predict(X, w, b), y));
  }
  return { w, b, losses };
}
