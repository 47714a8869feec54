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
  // TODO: RangeError unless batchSize is a positive integer. Then as in SGD, but one step per
  // TODO: consecutive slice of batchSize shuffled indices (keep the shorter last one), with
  // TODO: mseGradient on that batch's rows. Record the loss as in SGD.
  throw new Error("Not implemented: miniBatchGradientDescent (lesson 02)");
}
