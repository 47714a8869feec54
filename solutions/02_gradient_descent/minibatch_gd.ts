import type { Matrix, Vector } from "../../lib/types.ts";
import { rng } from "../../lib/random.ts";
import { mse } from "../01_linear_regression/mse.ts";
import { predict } from "../01_linear_regression/predict.ts";
import type { GDResult } from "./batch_gd.ts";
import { mseGradient } from "./mse_gradient.ts";

/**
 * Mini-batch gradient descent: one step per batch B of samples, using the
 * per-sample gradients averaged over the batch. Starting from w = 0, b = 0:
 *
 *   r = rng(seed), once
 *   each epoch:  order = r.shuffle([0, 1, …, N−1])
 *                split order into consecutive batches of `batchSize`
 *                (the last one may be smaller, and it is kept)
 *                for each batch B:  θ ← θ − α (1/|B|) Σ_{i∈B} ∇Jᵢ(θ)
 *
 * @param X Features, shape [N, D].
 * @param y Targets, shape [N].
 * @param options `learningRate` α, `epochs` (passes over the data),
 *   `batchSize` (samples per step) and `seed` for the shuffling generator.
 * @returns The final `w` [D] and `b`, and `losses` [epochs + 1]: the MSE on
 *   all samples before the first epoch, then after each epoch.
 * @throws {RangeError} When `batchSize` is not a positive integer.
 */
export function miniBatchGradientDescent(
  X: Matrix,
  y: Vector,
  options: { learningRate: number; epochs: number; batchSize: number; seed: number },
): GDResult {
  const { learningRate, epochs, batchSize, seed } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `Cannot form batches as batchSize must be a positive integer: current value is ${batchSize}`,
    );
  }
  const r = rng(seed);
  const indices = X.map((_, i) => i); // [N]
  let w: Vector = new Array(X[0]?.length ?? 0).fill(0); // [D]
  let b = 0;
  const losses = [mse(predict(X, w, b), y)];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = r.shuffle(indices); // [N]
    for (let start = 0; start < order.length; start += batchSize) {
      // slice() stops at the end, so the last, shorter batch is kept: every
      // sample is used once per epoch.
      const batch = order.slice(start, start + batchSize); // [|B|]
      // The MSE over the batch rows is (1/|B|) Σ Jᵢ, so its gradient is the average.
      const { dW, db } = mseGradient(batch.map((i) => X[i]), batch.map((i) => y[i]), w, b);
      w = w.map((wj, j) => wj - learningRate * dW[j]);
      b -= learningRate * db;
    }
    losses.push(mse(predict(X, w, b), y));
  }
  return { w, b, losses };
}
