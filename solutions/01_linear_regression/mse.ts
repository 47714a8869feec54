import type { Vector } from "../../lib/types.ts";

/**
 * The mean squared error between predictions and targets.
 *
 *   J = (1/N) Σᵢ (ŷᵢ − yᵢ)²
 *
 * @param yHat Predictions ŷ, shape [N].
 * @param y Targets, shape [N].
 * @returns The mean of the squared errors, a number ≥ 0.
 * @throws {RangeError} When the lengths differ or are 0.
 */
export function mse(yHat: Vector, y: Vector): number {
  if (yHat.length !== y.length || y.length === 0) {
    throw new RangeError(
      `Cannot compute the mean squared error as yHat and y must have the same non-zero length: yHat has ${yHat.length}, y has ${y.length}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (yHat[i] - y[i]) ** 2;
  // The mean, not the sum: the loss must not grow just because N does.
  return sum / y.length;
}
