import { det, lusolve, multiply, transpose } from "mathjs";
import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * The least-squares fit of a linear model, in closed form.
 *
 *   X̃ = [X | 1]                  append a column of ones, shape [N, D+1]
 *   (X̃ᵀX̃) θ = X̃ᵀ y               solve for θ, shape [D+1]
 *   w = θ₀…θ_{D−1},  b = θ_D     the last component is the bias
 *
 * @param X Features, shape [N, D]: one row per sample.
 * @param y Targets, shape [N].
 * @returns The weights w (shape [D]) and bias b that minimise the MSE.
 * @throws {RangeError} When X and y have different lengths or are empty.
 * @throws {RangeError} When X̃ᵀX̃ is singular (duplicate or constant
 *   columns, or fewer samples than D + 1): the fit is then not unique.
 */
export function fitNormalEquations(X: Matrix, y: Vector): { w: Vector; b: number } {
  if (X.length !== y.length || y.length === 0) {
    throw new RangeError(
      `Cannot fit as X and y must have the same non-zero number of samples: X has ${X.length} rows, y has ${y.length} values`,
    );
  }
  const D = X[0].length;
  const Xt = X.map((row) => [...row, 1]); // [N, D+1]: the ones column carries b
  const XtT = transpose(Xt); // [D+1, N]
  const A = multiply(XtT, Xt) as number[][]; // [D+1, D+1]
  const c = multiply(XtT, y) as number[]; // [D+1]
  // Hadamard: 0 ≤ det(A) ≤ Π Aᵢᵢ for A = X̃ᵀX̃, and the ratio ignores each
  // column's scale, so a tiny ratio means a column is (nearly) a combination
  // of the others. Rounding can leave a singular det slightly off 0.
  const diag = A.reduce((p, row, i) => p * row[i], 1);
  const d = det(A);
  if (!(d > 1e-12 * diag)) {
    throw new RangeError(
      `Cannot fit as XᵀX (with the ones column) is singular: a column is constant, repeated or a combination of others, or N < D + 1: current det is ${d}, N is ${X.length}, D is ${D}`,
    );
  }
  const theta = (lusolve(A, c) as number[][]).map((r) => r[0]); // [D+1]
  return { w: theta.slice(0, D), b: theta[D] };
}
