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
  if (!Number.isInteger(T) || T < 1) {
    throw new RangeError(
      `Cannot build padding masks as T must be an integer >= 1: current value is ${T}`,
    );
  }
  for (const [b, n] of lengths.entries()) {
    if (!Number.isInteger(n) || n < 1 || n > T) {
      throw new RangeError(
        `Cannot build padding masks as each length must be an integer in 1..${T}: lengths[${b}] is ${n}`,
      );
    }
  }
  return lengths.map((n) => {
    const row = Array.from({ length: T }, (_, j) => (j < n ? 0 : -Infinity)); // [T]: the keys
    return Array.from({ length: T }, () => row.slice()); // [T, T]: the same for every query
  }); // [B, T, T]
}
