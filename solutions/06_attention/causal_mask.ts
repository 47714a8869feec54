import type { Matrix } from "../../lib/types.ts";

/**
 * The causal mask for a sequence of length T: position i may attend to
 * itself and to earlier positions, never to later ones, so a model that
 * predicts the next token cannot read it.
 *
 *   M[i][j] = 0 when j ≤ i,   −∞ when j > i          [T, T]
 *
 * It is additive: pass it to `attention` as is, or add it to another mask.
 *
 * @param T The sequence length, an integer ≥ 1.
 * @returns The mask, shape [T, T]: zeros on and below the diagonal, −∞ above.
 * @throws {RangeError} When T is not an integer ≥ 1.
 */
export function causalMask(T: number): Matrix {
  if (!Number.isInteger(T) || T < 1) {
    throw new RangeError(
      `Cannot build a causal mask as T must be an integer >= 1: current value is ${T}`,
    );
  }
  return Array.from(
    { length: T },
    (_, i) => Array.from({ length: T }, (_, j) => (j <= i ? 0 : -Infinity)),
  ); // [T, T]
}
