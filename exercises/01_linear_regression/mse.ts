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
  // TODO: check the lengths (RangeError), then average the squared differences.
  throw new Error("Not implemented: mse (lesson 01)");
}
