import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * One step of a recurrent network: the new hidden state from the previous one
 * and the current input.
 *
 *   hₜ = tanh(W_h hₜ₋₁ + W_x xₜ + b)        [H] = tanh([H, H]·[H] + [H, D]·[D] + [H])
 *
 * @param h The previous hidden state hₜ₋₁, shape [H].
 * @param x The input xₜ, shape [D].
 * @param Wh The recurrent weights W_h, shape [H, H]: row i feeds state unit i.
 * @param Wx The input weights W_x, shape [H, D].
 * @param b The bias, shape [H].
 * @returns The new hidden state hₜ, shape [H]: a new array, every entry in [−1, 1].
 * @throws {RangeError} When Wh is not [H, H] for h of length H, Wx is not
 *   [H, D] for x of length D, or b is not of length H.
 * @guarantee pure It leaves h, x, Wh, Wx and b unchanged.
 */
export function rnnStep(h: Vector, x: Vector, Wh: Matrix, Wx: Matrix, b: Vector): Vector {
  const H = h.length;
  const D = x.length;
  if (
    Wh.length !== H || Wh.some((row) => row.length !== H) ||
    Wx.length !== H || Wx.some((row) => row.length !== D) || b.length !== H
  ) {
    const shape = (M: Matrix) => `[${M.length}, ${M.map((r) => r.length).join("|") || 0}]`;
    throw new RangeError(
      `Cannot take an RNN step as Wh must be [H, H], Wx [H, D] and b [H] for h [H] and x [D]: h [${H}], x [${D}], Wh ${
        shape(Wh)
      }, Wx ${shape(Wx)}, b [${b.length}]`,
    );
  }
  return Wh.map((row, i) => {
    const a = row.reduce((s, w, j) => s + w * h[j], b[i]) + // (W_h h)ᵢ + bᵢ
      Wx[i].reduce((s, w, k) => s + w * x[k], 0); // (W_x x)ᵢ
    return Math.tanh(a);
  });
}
