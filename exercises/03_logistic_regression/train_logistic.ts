import type { Matrix, Vector } from "../../lib/types.ts";
import { bceWithLogits } from "./bce_with_logits.ts";
import { logisticGradient } from "./logistic_gradient.ts";

/** What a logistic-regression training run returns. */
export interface LogisticFit {
  /** The final weights, shape [D]. */
  w: Vector;
  /** The final bias. */
  b: number;
  /** The cross-entropy before the first epoch, then after each epoch: [epochs + 1]. */
  losses: number[];
}

/**
 * Logistic regression by batch gradient descent on the mean binary
 * cross-entropy. Starting from w = 0, b = 0, repeat `epochs` times:
 *
 *   w ← w − α ∂J/∂w        b ← b − α ∂J/∂b
 *
 * @param X Features, shape [N, D].
 * @param y Labels, shape [N], each 0 or 1.
 * @param options `learningRate` α (the step size) and `epochs` (the number of steps).
 * @returns The final `w` [D] and `b`, and `losses` [epochs + 1]: the loss
 *   J = bceWithLogits(Xw + b, y) before the first step, then after each step.
 * @throws {RangeError} When X and y differ in length or are empty.
 * @guarantee consistent The last entry of `losses` is the loss of the
 *   returned w and b, recomputed from them.
 */
export function trainLogistic(
  X: Matrix,
  y: Vector,
  options: { learningRate: number; epochs: number },
): LogisticFit {
  // TODO: from w = 0 (length D), b = 0, record bceWithLogits(z, y) with z = Xw + b;
  // TODO: then each epoch one step along −α·logisticGradient(X, y, w, b), and record the loss again.
  throw new Error("Not implemented: trainLogistic (lesson 03)");
}
