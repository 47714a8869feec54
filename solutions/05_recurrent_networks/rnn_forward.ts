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
  const H = h0.length;
  const D = Wx[0]?.length ?? 0;
  if (
    Wh.length !== H || Wh.some((row) => row.length !== H) || b.length !== H ||
    Wx.length !== H || Wx.some((row) => row.length !== D) || xs.some((x) => x.length !== D)
  ) {
    throw new RangeError(
      `Cannot run the RNN as Wh must be [H, H], Wx [H, D], b [H] and xs [T, D] for h0 [H]: h0 [${H}], Wh [${Wh.length}, ${
        Wh[0]?.length ?? 0
      }], Wx [${Wx.length}, ${D}], b [${b.length}], xs rows of length ${
        [...new Set(xs.map((x) => x.length))].join(", ") || "(none)"
      }`,
    );
  }
  const hs: Matrix = []; // [T, H]
  let h = h0; // [H]: the state is carried from each step to the next
  for (const x of xs) {
    h = rnnStep(h, x, Wh, Wx, b);
    hs.push(h);
  }
  return hs;
}
