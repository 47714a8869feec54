import type { Matrix, Vector } from "../../lib/types.ts";
import { rnnForward } from "./rnn_forward.ts";

/**
 * Backpropagation through time: the gradient of the loss L = Σₜ v·hₜ (a
 * fixed read-out v of every state, summed over the sequence) with respect to
 * the weights, computed by hand.
 *
 *   aₜ = W_h hₜ₋₁ + W_x xₜ + b,  hₜ = tanh(aₜ)
 *   gₜ = v + W_hᵀ δₜ₊₁ (g_T = v),  δₜ = gₜ ⊙ (1 − hₜ²)        each [H]
 *   ∂L/∂W_h = Σₜ δₜ hₜ₋₁ᵀ [H, H]   ∂L/∂W_x = Σₜ δₜ xₜᵀ [H, D]   ∂L/∂b = Σₜ δₜ [H]
 *
 * @param xs The inputs x₁..x_T, shape [T, D].
 * @param h0 The initial state h₀, shape [H].
 * @param Wh The recurrent weights W_h, shape [H, H].
 * @param Wx The input weights W_x, shape [H, D].
 * @param b The bias, shape [H].
 * @param v The read-out weights of the loss, shape [H].
 * @returns `dWh` [H, H], `dWx` [H, D] and `db` [H]: all zeros when T = 0.
 * @throws {RangeError} When the shapes disagree as in `rnnForward`, or v is
 *   not of length H.
 * @guarantee pure It leaves its arguments unchanged.
 */
export function rnnGradient(
  xs: Matrix,
  h0: Vector,
  Wh: Matrix,
  Wx: Matrix,
  b: Vector,
  v: Vector,
): { dWh: Matrix; dWx: Matrix; db: Vector } {
  // TODO: check v (RangeError); hs = rnnForward(...) gives every hₜ (it checks the rest).
  // TODO: walk t from T down to 1 with g (∂L/∂hₜ, starting at 0 + v): δ = g ⊙ (1 − hₜ²),
  // TODO: add δ hₜ₋₁ᵀ, δ xₜᵀ and δ to the sums, then g = v + W_hᵀ δ for the step before.
  throw new Error("Not implemented: rnnGradient (lesson 05)");
}
