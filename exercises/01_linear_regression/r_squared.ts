import type { Vector } from "../../lib/types.ts";

/**
 * The coefficient of determination R²: how much better the predictions are
 * than always predicting the mean of y.
 *
 *   SS_res = Σᵢ (yᵢ − ŷᵢ)²      SS_tot = Σᵢ (yᵢ − ȳ)²      R² = 1 − SS_res / SS_tot
 *
 * When every y is the same, SS_tot is 0 and the ratio is undefined; then R²
 * is 1 if ŷ equals y exactly and 0 otherwise (scikit-learn's convention).
 *
 * @param yHat Predictions ŷ, shape [N].
 * @param y Targets, shape [N].
 * @returns R², at most 1; negative when the predictions are worse than ȳ.
 * @throws {RangeError} When the lengths differ or are 0.
 */
export function rSquared(yHat: Vector, y: Vector): number {
  // TODO: check the lengths, then SS_res and SS_tot (around the mean of y).
  // When every y is the same, return 1 for an exact match and 0 otherwise.
  throw new Error("Not implemented: rSquared (lesson 01)");
}
