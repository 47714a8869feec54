import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * The position-wise MLP of a transformer block: every row (position) goes
 * through the same two layers, widened to h features in between, with GELU
 * (the tanh approximation GPT-2 uses) as the nonlinearity:
 *
 *   H = GELU(x W₁ + b₁)   [T, h]        out = H W₂ + b₂   [T, d_out]
 *   GELU(z) = ½ z (1 + tanh(√(2/π) (z + 0.044715 z³)))
 *
 * @param x Activations, shape [T, d].
 * @param W1 First weights, shape [d, h].
 * @param b1 First bias, shape [h].
 * @param W2 Second weights, shape [h, d_out].
 * @param b2 Second bias, shape [d_out].
 * @returns The output, shape [T, d_out] (in a block d_out = d).
 * @throws {RangeError} When x is empty or a row of x is not d long, W1 has not
 *   d rows, b1 is not h long, W2 has not h rows, or b2 is not d_out long.
 */
export function mlp(x: Matrix, W1: Matrix, b1: Vector, W2: Matrix, b2: Vector): Matrix {
  // TODO: check the shapes (RangeError).
  // TODO: H = GELU(x W1 + b1), applied entry by entry; then return H W2 + b2 (no GELU at the end).
  throw new Error("Not implemented: mlp (lesson 07)");
}
