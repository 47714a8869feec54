import type { Matrix, Vector } from "../../lib/types.ts";
import { mse } from "../01_linear_regression/mse.ts";
import { predict } from "../01_linear_regression/predict.ts";
import { mseGradient } from "./mse_gradient.ts";

/** What a gradient-descent run returns. */
export interface GDResult {
  /** The final weights, shape [D]. */
  w: Vector;
  /** The final bias. */
  b: number;
  /** The MSE on all N samples before the first epoch, then after each epoch: [epochs + 1]. */
  losses: number[];
}

/**
 * Batch gradient descent on the MSE: each epoch is one step that uses all N
 * samples. Starting from w = 0, b = 0, repeat `epochs` times:
 *
 *   w ← w − α ∂J/∂w        b ← b − α ∂J/∂b
 *
 * @param X Features, shape [N, D].
 * @param y Targets, shape [N].
 * @param options `learningRate` α (the step size) and `epochs` (the number of steps).
 * @returns The final `w` [D] and `b`, and `losses` [epochs + 1]: the MSE
 *   before the first step, then after each step.
 */
export function batchGradientDescent(
  X: Matrix,
  y: Vector,
  options: { learningRate: number; epochs: number },
): GDResult {
  // TODO: from w = 0 (length D), b = 0, record the loss mse(predict(X, w, b), y);
  // TODO: then each epoch one step along −α·mseGradient(X, y, w, b), and record the loss again.
  throw new Error("Not implemented: batchGradientDescent (lesson 02)");
}
