import type { tfGradient } from "../../../exercises/02_gradient_descent/tf_gradient.ts";
import { variants } from "../../define.ts";
import { type M, scaledGradient, type V, XG, YG } from "../_variants.ts";

/** Known-wrong variants of `tfGradient`. */
export default variants<typeof tfGradient>({
  probes: [[XG, YG, [0.5, -0.5], 0.25], [[[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0]],
  variants: [
    {
      id: "tf_gradient.sum_not_mean",
      section: "checking-a-gradient",
      // J = Σ (ŷᵢ − yᵢ)²: every gradient N times too large.
      fn: (X: M, y: V, w: V, b: number) => scaledGradient(X, y, w, b, 2 * X.length),
    },
    {
      id: "tf_gradient.half_mse",
      section: "checking-a-gradient",
      // J = (1/2N) Σ (ŷᵢ − yᵢ)²: the textbook ½ convention halves the gradient.
      fn: (X: M, y: V, w: V, b: number) => scaledGradient(X, y, w, b, 1),
    },
  ],
});
