import type { mseGradient } from "../../../exercises/02_gradient_descent/mse_gradient.ts";
import { variants } from "../../define.ts";
import { gradient, type M, type V, X5, Y5 } from "../_variants.ts";

/** Known-wrong variants of `mseGradient`. */
export default variants<typeof mseGradient>({
  probes: [[X5, Y5, [0.5, -0.5], 0.25], [[[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0]],
  variants: [
    {
      id: "mse_gradient.sign_flipped",
      section: "the-gradient-of-the-mse",
      fn: (X: M, y: V, w: V, b: number) => gradient(X, y, w, b, { sign: -1 }),
    },
    {
      id: "mse_gradient.no_factor_2",
      section: "the-gradient-of-the-mse",
      fn: (X: M, y: V, w: V, b: number) => gradient(X, y, w, b, { factor: 1 }),
    },
    {
      id: "mse_gradient.no_bias_gradient",
      section: "the-gradient-of-the-mse",
      fn: (X: M, y: V, w: V, b: number) => gradient(X, y, w, b, { bias: false }),
    },
  ],
});
