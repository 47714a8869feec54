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
  // TODO: r = rng(seed) once; each epoch a fresh r.shuffle([0..N−1]); for each i in that order
  // TODO: one step along −α·mseGradient([X[i]], [y[i]], w, b), which is ∇Jᵢ.
  // TODO: Record the loss mse(predict(X, w, b), y) before the loop and after each epoch.
  throw new Error("Not implemented: stochasticGradientDescent (lesson 02)");
}
