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
  // TODO: check T (RangeError); build T rows of T entries: 0 where j ≤ i, -Infinity where j > i.
  throw new Error("Not implemented: causalMask (lesson 06)");
}
