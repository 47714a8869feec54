import type { fitNormalEquations } from "../../../exercises/01_linear_regression/normal_equations.ts";
import { variants } from "../../define.ts";
import { _normal, type M, type V } from "../_variants.ts";

/** Known-wrong variants of `fitNormalEquations`. */
export default variants<typeof fitNormalEquations>({
  probes: [[[[1, 2], [2, 0], [3, 1], [4, 5], [0, 1]], [3, 1, 2, 7, 0.5]]],
  variants: [
    {
      id: "normal_equations.no_ones_column",
      section: "the-normal-equations",
      fn: (X: M, y: V) => ({ w: _normal(X, y), b: 0 }),
    },
    {
      id: "normal_equations.theta_order",
      section: "the-normal-equations",
      // Ones column prepended, so θ₀ is b, but θ is read as if it were appended.
      fn: (X: M, y: V) => {
        const theta = _normal(X.map((row) => [1, ...row]), y);
        return { w: theta.slice(0, -1), b: theta[theta.length - 1] };
      },
    },
  ],
});
