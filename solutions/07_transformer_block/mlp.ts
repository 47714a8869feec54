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
  const d = W1.length;
  const h = b1.length;
  const dOut = b2.length;
  if (
    x.length === 0 || d === 0 || x.some((row) => row.length !== d) ||
    W1.some((row) => row.length !== h) || W2.length !== h || W2.some((row) => row.length !== dOut)
  ) {
    throw new RangeError(
      `Cannot apply the MLP as x [T, d], W1 [d, h], b1 [h], W2 [h, d_out] and b2 [d_out] must agree: x [${x.length}, ${
        x[0]?.length ?? 0
      }], W1 [${d}, ${W1[0]?.length ?? 0}], b1 [${h}], W2 [${W2.length}, ${
        W2[0]?.length ?? 0
      }], b2 [${dOut}]`,
    );
  }
  return x.map((row) => {
    const hidden = b1.map((b, k) => gelu(row.reduce((s, v, j) => s + v * W1[j][k], b))); // [h]
    return b2.map((b, o) => hidden.reduce((s, v, k) => s + v * W2[k][o], b)); // [d_out]
  }); // [T, d_out]
}

/** GELU, tanh approximation: smooth like a ReLU that lets a little of the negative side through. */
function gelu(z: number): number {
  return 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3)));
}
