import type { Matrix } from "../../lib/types.ts";

/**
 * Padding masks for a batch of sequences padded to one length T: row b holds
 * only `lengths[b]` real tokens, and no query may attend to the padding
 * after them.
 *
 *   M[b][i][j] = 0 when j < lengths[b],   −∞ otherwise          [B, T, T]
 *
 * Every query row i gets the same key mask: padded queries still attend to
 * the real tokens, so no row is all −∞ (their outputs are ignored later).
 *
 * @param lengths The real length of each sequence, shape [B]; each an integer in 1..T.
 * @param T The padded length, an integer ≥ 1.
 * @returns One additive mask per sequence, shape [B, T, T].
 * @throws {RangeError} When T is not an integer ≥ 1 or a length is not an integer in 1..T.
 */
export function paddingMask(lengths: number[], T: number): Matrix[] {
  // TODO: check T and every length (RangeError); for each sequence b, T rows that are all
  // TODO: the same: 0 at the keys j < lengths[b], -Infinity at the padding.
  throw new Error("Not implemented: paddingMask (lesson 06)");
}
