import type { layerNorm } from "../../../exercises/07_transformer_block/layer_norm.ts";
import { variants } from "../../define.ts";
import { type M, normRows, transpose, type V, XP } from "../_variants.ts";

/** Known-wrong variants of `layerNorm`. */
export default variants<typeof layerNorm>({
  probes: [
    [XP, [1, 0.5, 2, -1], [0, 0.25, -0.5, 1], 1e-5],
    // Rows of small spread with ε = 0.1, where ε changes every output.
    [[[0, 0.1, 0.2], [0.3, -0.1, 0]], [1, 1, 1], [0, 0, 0], 0.1],
  ],
  variants: [
    {
      id: "layer_norm.wrong_axis",
      section: "over-which-axis",
      // Statistics per feature, across the positions (batch norm's axis): then γ, β per feature.
      fn: (x: M, gamma: V, beta: V, eps = 1e-5) => {
        const cols = transpose(x).map((col) => {
          const mu = col.reduce((s, v) => s + v, 0) / col.length;
          const variance = col.reduce((s, v) => s + (v - mu) ** 2, 0) / col.length;
          return col.map((v) => (v - mu) / Math.sqrt(variance + eps));
        });
        return transpose(cols).map((row) => row.map((v, j) => gamma[j] * v + beta[j]));
      },
    },
    {
      id: "layer_norm.fixed_eps",
      section: "layer-normalization",
      // The usual ε written in, whatever ε the caller passed.
      fn: (x: M, gamma: V, beta: V) => normRows(x, gamma, beta, 1e-5),
    },
    {
      id: "layer_norm.unbiased_variance",
      section: "layer-normalization",
      // The sample variance, divided by d − 1 instead of d.
      fn: (x: M, gamma: V, beta: V, eps = 1e-5) => normRows(x, gamma, beta, eps, x[0].length - 1),
    },
  ],
});
