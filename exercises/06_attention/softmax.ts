import type { Matrix } from "../../lib/types.ts";

/**
 * The softmax of each row: positive weights that sum to 1, larger where the
 * entry is larger. Subtracting the row's maximum first changes nothing in
 * exact arithmetic and keeps `exp` from overflowing.
 *
 *   m = max_j x_j        softmax(x)_j = exp(x_j − m) / Σ_k exp(x_k − m)
 *
 * Entries are finite numbers or −∞ (a masked position): an −∞ entry gets a
 * weight of exactly 0. The function is pure: it returns a new matrix.
 *
 * @param rows Scores, shape [R, C]; each row is normalised on its own.
 * @returns The weights, shape [R, C]; every row sums to 1.
 * @throws {RangeError} When a row is empty or all −∞ (no weight can be given to anything).
 * @guarantee rows-sum-to-one
 * @guarantee masked-entries-get-zero
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function softmax(rows: Matrix): Matrix {
  // TODO: for each row: its maximum (RangeError if it is −∞), exp(x − max) of each entry,
  // TODO: then divide each by their sum. Build new arrays.
  throw new Error("Not implemented: softmax (lesson 06)");
}
