import type { maxStableLearningRate } from "../../../exercises/02_gradient_descent/lr_bound.ts";
import { variants } from "../../define.ts";
import { gram, lambdaMax, type M, withOnes } from "../_variants.ts";

/** Known-wrong variants of `maxStableLearningRate`. */
export default variants<typeof maxStableLearningRate>({
  // N = 3 and N = 5: with N = 4 "no 2/N" and "1/λ_max" give the same number.
  probes: [[[[1], [2], [3]]], [[[0.5, 1], [1, -1], [2, 0], [-1, 3], [1.5, 2]]]],
  variants: [
    {
      id: "lr_bound.no_scale",
      section: "how-large-a-step-is-safe",
      fn: (X: M) => 2 / lambdaMax(gram(withOnes(X), 1)),
    },
    {
      id: "lr_bound.no_ones",
      section: "how-large-a-step-is-safe",
      fn: (X: M) => 2 / lambdaMax(gram(X, 2 / X.length)),
    },
    {
      id: "lr_bound.one_over_lambda",
      section: "how-large-a-step-is-safe",
      fn: (X: M) => 1 / lambdaMax(gram(withOnes(X), 2 / X.length)),
    },
  ],
});
