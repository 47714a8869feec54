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
  if (yHat.length !== y.length || y.length === 0) {
    throw new RangeError(
      `Cannot compute R² as yHat and y must have the same non-zero length: yHat has ${yHat.length}, y has ${y.length}`,
    );
  }
  const N = y.length;
  const mean = y.reduce((s, v) => s + v, 0) / N;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < N; i++) {
    ssRes += (y[i] - yHat[i]) ** 2;
    ssTot += (y[i] - mean) ** 2;
  }
  // Test constancy on y itself: a rounded mean can leave SS_tot a hair above 0.
  if (y.every((v) => v === y[0])) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
