import type { numericalGradient } from "../../../exercises/02_gradient_descent/numerical_gradient.ts";
import { variants } from "../../define.ts";
import { type V } from "../_variants.ts";

/** Known-wrong variants of `numericalGradient`. */
export default variants<typeof numericalGradient>({
  probes: [
    [{ $fn: "quadratic", params: [1, 2] }, [0.5, -1, 2], 1e-3],
    [{ $fn: "wavy", params: [2, 0.5] }, [0.3, -0.7], 1e-3],
  ],
  variants: [
    {
      id: "numerical_gradient.one_sided",
      section: "checking-a-gradient",
      fn: (f: (theta: V) => number, theta: V, eps = 1e-5) =>
        theta.map((_, i) => {
          const plus = theta.slice();
          plus[i] += eps;
          return (f(plus) - f(theta)) / eps;
        }),
    },
  ],
});
