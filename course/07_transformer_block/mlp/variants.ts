import type { mlp } from "../../../exercises/07_transformer_block/mlp.ts";
import { variants } from "../../define.ts";
import { type M, matMul, type V, XP } from "../_variants.ts";

const gelu = (z: number) =>
  0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3)));
const affine = (x: M, W: M, b: V, f = (z: number) => z): M =>
  matMul(x, W).map((row) => row.map((v, j) => f(v + b[j])));

// Probe weights: d = 4 → h = 3 → d_out = 4, entries of both signs, not symmetric.
const W1P: M = [[0.5, -0.25, 0.1], [-0.3, 0.2, 0.4], [0.1, 0.1, -0.2], [0.05, -0.5, 0.3]];
const W2P: M = [[1, -0.5, 0.2, 0], [0.3, 0.7, -1, 0.5], [-0.4, 0.1, 0.6, -0.2]];

/** Known-wrong variants of `mlp`. */
export default variants<typeof mlp>({
  probes: [[XP, W1P, [0.1, -0.2, 0.3], W2P, [0, 0.1, -0.1, 0.2]]],
  variants: [
    {
      id: "mlp.no_activation",
      section: "the-mlp",
      fn: (x: M, W1: M, b1: V, W2: M, b2: V) => affine(affine(x, W1, b1), W2, b2),
    },
    {
      id: "mlp.activation_on_output",
      section: "the-mlp",
      fn: (x: M, W1: M, b1: V, W2: M, b2: V) => affine(affine(x, W1, b1, gelu), W2, b2, gelu),
    },
    {
      id: "mlp.relu",
      section: "the-mlp",
      fn: (x: M, W1: M, b1: V, W2: M, b2: V) =>
        affine(affine(x, W1, b1, (z) => Math.max(0, z)), W2, b2),
    },
  ],
});
