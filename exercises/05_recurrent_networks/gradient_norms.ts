import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * How strongly the last state of a recurrent network still depends on each
 * earlier state: the Frobenius norm of the Jacobian ∂h_T/∂h_{T−k} for every
 * distance k = 0..T. Each step back multiplies by one more step Jacobian:
 *
 *   ∂hₜ/∂hₜ₋₁ = diag(1 − hₜ²) W_h                                   [H, H]
 *   J₀ = I,   J_k = J_{k−1} · diag(1 − h_{T−k+1}²) · W_h = ∂h_T/∂h_{T−k}   [H, H]
 *   result[k] = ‖J_k‖_F = √(Σᵢⱼ J_k[i][j]²)
 *
 * @param Wh The recurrent weights W_h, shape [H, H].
 * @param hs The states h₁..h_T of a forward pass (what `rnnForward` returns), shape [T, H].
 * @returns The norms for k = 0..T, shape [T + 1]; result[0] = ‖I‖_F = √H.
 * @throws {RangeError} When Wh is not square, or a row of hs is not of length H.
 * @guarantee decays When ‖W_h‖_F < 1 the norms fall at least geometrically:
 *   result[k] ≤ √H · ‖W_h‖_F^k, because tanh′ ≤ 1 (vanishing gradients).
 * @guarantee grows When every state is 0 (tanh unsaturated, tanh′ = 1) and
 *   W_h = c·Q with Q orthogonal, result[k] = √H · c^k: for c > 1 the norms
 *   grow geometrically (exploding gradients).
 */
export function gradientNorms(Wh: Matrix, hs: Matrix): Vector {
  // TODO: check the shapes (RangeError); J = the [H, H] identity, result = [‖J‖_F].
  // TODO: for k = 1..T: J = J · diag(1 − h²) · W_h with h = hs[T − k], and push ‖J‖_F.
  throw new Error("Not implemented: gradientNorms (lesson 05)");
}
