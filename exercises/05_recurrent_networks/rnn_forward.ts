import type { Matrix, Vector } from "../../lib/types.ts";
import { rnnStep } from "./rnn_step.ts";

/**
 * The forward pass of a recurrent network over a whole sequence: every
 * hidden state, each computed from the one before.
 *
 *   hₜ = tanh(W_h hₜ₋₁ + W_x xₜ + b)   for t = 1..T, starting from h₀
 *
 * @param xs The inputs x₁..x_T, shape [T, D]: one row per time step.
 * @param h0 The initial state h₀, shape [H].
 * @param Wh The recurrent weights W_h, shape [H, H].
 * @param Wx The input weights W_x, shape [H, D].
 * @param b The bias, shape [H].
 * @returns The states h₁..h_T, shape [T, H]: row t − 1 is hₜ (h₀ is not
 *   included; the last row is the final state). `[]` when T = 0.
 * @throws {RangeError} When Wh is not [H, H] for h0 of length H, b is not of
 *   length H, Wx does not have H rows, or a row of xs is not as long as a row of Wx.
 * @guarantee pure It leaves xs, h0, Wh, Wx and b unchanged.
 */
export function rnnForward(xs: Matrix, h0: Vector, Wh: Matrix, Wx: Matrix, b: Vector): Matrix {
  // TODO: check the shapes (RangeError), even when T = 0.
  // TODO: h = h0; for every xₜ in order: h = rnnStep(h, xₜ, ...), and keep each h.
  throw new Error("Not implemented: rnnForward (lesson 05)");
}
