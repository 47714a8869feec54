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
  // TODO: X̃ = X with a ones column; A = X̃ᵀX̃ and c = X̃ᵀy (mathjs multiply, transpose).
  // Throw a RangeError when det(A) ≤ 1e-12 · Π Aᵢᵢ (singular), else θ = lusolve(A, c).
  // θ has D + 1 entries: w is the first D, b the last.
  throw new Error("Not implemented: fitNormalEquations (lesson 01)");
}
