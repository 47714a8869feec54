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
  // TODO: check the shapes (RangeError).
  // TODO: for each unit i: tanh(Σⱼ Wh[i][j]·h[j] + Σₖ Wx[i][k]·x[k] + b[i]).
  throw new Error("Not implemented: rnnStep (lesson 05)");
}
