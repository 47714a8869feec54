import type { Vector } from "../../lib/types.ts";

/**
 * The fraction of samples whose predicted class matches the label. A sample
 * is predicted as class 1 when its probability reaches the threshold:
 *
 *   ŷᵢ = 1 if pᵢ ≥ t, else 0        accuracy = (1/N) Σᵢ [ŷᵢ = yᵢ]
 *
 * It takes probabilities, not logits: for logits z, pass sigmoid(z) (the
 * threshold t = ½ on p is z ≥ 0 on the logit, never z ≥ ½).
 *
 * @param p Probabilities of class 1, shape [N], each in [0, 1].
 * @param y Labels, shape [N], each 0 or 1.
 * @param threshold The probability t from which a sample counts as class 1; default ½.
 * @returns The accuracy, a number in [0, 1].
 * @throws {RangeError} When the lengths differ or are 0, or the threshold is not in [0, 1].
 * @guarantee ties A probability exactly equal to the threshold counts as class 1.
 */
export function accuracy(p: Vector, y: Vector, threshold = 0.5): number {
  if (p.length !== y.length || p.length === 0) {
    throw new RangeError(
      `Cannot compute the accuracy as p and y must have the same non-zero length: p has ${p.length}, y has ${y.length}`,
    );
  }
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(
      `Cannot compute the accuracy as the threshold must be in [0, 1]: current value is ${threshold}`,
    );
  }
  let correct = 0;
  for (let i = 0; i < p.length; i++) if ((p[i] >= threshold ? 1 : 0) === y[i]) correct++;
  return correct / p.length;
}
