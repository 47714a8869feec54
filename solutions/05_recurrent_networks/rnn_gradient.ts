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
  const H = h0.length;
  if (v.length !== H) {
    throw new RangeError(
      `Cannot compute the gradient as v must be [H] like h0: v [${v.length}], h0 [${H}]`,
    );
  }
  const hs = rnnForward(xs, h0, Wh, Wx, b); // [T, H]; checks the other shapes
  const dWh: Matrix = Wh.map((row) => row.map(() => 0)); // [H, H]
  const dWx: Matrix = Wx.map((row) => row.map(() => 0)); // [H, D]
  const db: Vector = b.map(() => 0); // [H]
  let later: Vector = v.map(() => 0); // W_hᵀ δₜ₊₁: what the future steps send back to hₜ [H]
  for (let t = xs.length - 1; t >= 0; t--) {
    const h = hs[t]; // hₜ₊₁ in the 1-based notation of the formula
    const prev = t > 0 ? hs[t - 1] : h0;
    // ∂L/∂hₜ has two paths: the read-out v now, and every later state through hₜ₊₁.
    const delta = h.map((hi, i) => (v[i] + later[i]) * (1 - hi * hi)); // ∂L/∂aₜ [H]
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < H; j++) dWh[i][j] += delta[i] * prev[j];
      for (let k = 0; k < xs[t].length; k++) dWx[i][k] += delta[i] * xs[t][k];
      db[i] += delta[i];
    }
    later = h.map((_, j) => Wh.reduce((s, row, i) => s + row[j] * delta[i], 0)); // W_hᵀ δ
  }
  return { dWh, dWx, db };
}
