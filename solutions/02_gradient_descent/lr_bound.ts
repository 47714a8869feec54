import { eigs } from "mathjs";
import type { Matrix } from "../../lib/types.ts";

/**
 * The largest learning rate for which batch gradient descent on the MSE of a
 * linear model converges from every starting point.
 *
 *   X̃ = [X | 1]                 append a column of ones (the bias)   [N, D+1]
 *   H = (2/N) X̃ᵀ X̃              the Hessian of the MSE               [D+1, D+1]
 *   α_max = 2 / λ_max(H)         gradient descent converges iff 0 < α < α_max
 *
 * H is symmetric, so its eigenvalues are real; find them with mathjs's `eigs`.
 * For x = 1, 2, 3, 4 (X = [[1], [2], [3], [4]]) the bound is about 0.1198.
 *
 * @param X Features, shape [N, D].
 * @returns 2 / λ_max(H).
 * @throws {RangeError} When X has no rows or its rows differ in length.
 */
export function maxStableLearningRate(X: Matrix): number {
  const n = X.length;
  if (n === 0) {
    throw new RangeError(
      "Cannot bound the learning rate as X must have at least one row: it has 0",
    );
  }
  const d = X[0].length;
  const bad = X.findIndex((row) => row.length !== d);
  if (bad >= 0) {
    throw new RangeError(
      `Cannot bound the learning rate as every row of X must have the same length: row 0 has ${d}, row ${bad} has ${
        X[bad].length
      }`,
    );
  }
  const Xt = X.map((row) => [...row, 1]); // [N, D+1]
  const H = Xt[0].map((_, i) =>
    Xt[0].map((_, j) => (2 / n) * Xt.reduce((s, row) => s + row[i] * row[j], 0))
  ); // [D+1, D+1]
  const values = eigs(H, { eigenvectors: false }).values as number[];
  return 2 / Math.max(...values);
}
