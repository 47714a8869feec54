import type { predict } from "../../../exercises/01_linear_regression/predict.ts";
import { variants } from "../../define.ts";
import { dot, type M, type V } from "../_variants.ts";

/** Known-wrong variants of `predict`. */
export default variants<typeof predict>({
  // Square X: Xᵀw is defined however a learner writes it, and differs from Xw.
  probes: [[[[1, 2, 0], [3, 4, -1], [5, 6, 2]], [0.5, -1, 2], 2]],
  variants: [
    {
      id: "predict.no_bias",
      section: "prediction",
      fn: (X: M, w: V) => X.map((row) => dot(row, w)),
    },
    {
      id: "predict.transposed",
      section: "prediction",
      // Xᵀw: walks down the columns of X instead of along its rows.
      fn: (X: M, w: V, b: number) =>
        X[0].map((_, j) => X.reduce((s, row, i) => s + row[j] * (w[i] ?? 0), b)),
    },
  ],
});
