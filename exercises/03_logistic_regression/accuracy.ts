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
  // TODO: check the lengths and the threshold (RangeError).
  // TODO: count the samples where (pᵢ ≥ threshold ? 1 : 0) equals yᵢ, and divide by N.
  throw new Error("Not implemented: accuracy (lesson 03)");
}
