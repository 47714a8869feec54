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
  return rows.map((row, i) => {
    const max = Math.max(...row); // −∞ for an empty row too
    if (max === -Infinity) {
      throw new RangeError(
        `Cannot take the softmax of row ${i} as it needs a finite entry: current row is [${row}]`,
      );
    }
    const e = row.map((x) => Math.exp(x - max)); // [C], each in [0, 1], the largest exactly 1
    const sum = e.reduce((s, x) => s + x, 0); // ≥ 1, so never 0
    return e.map((x) => x / sum);
  });
}
