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
  // TODO: check X (RangeError); append a 1 to every row, form H = (2/N) X̃ᵀX̃,
  // TODO: then take the largest eigenvalue of H (mathjs eigs) and return 2 / λ_max.
  throw new Error("Not implemented: maxStableLearningRate (lesson 02)");
}
