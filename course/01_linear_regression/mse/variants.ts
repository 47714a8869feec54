import type { mse } from "../../../exercises/01_linear_regression/mse.ts";
import { variants } from "../../define.ts";
import { mean, sum, type V } from "../_variants.ts";

/** Known-wrong variants of `mse`. */
export default variants<typeof mse>({
  probes: [[[1, 2, 3, 4], [1.5, 1, 4, 2]]],
  variants: [
    {
      id: "mse.sum",
      section: "mean-squared-error",
      fn: (yHat: V, y: V) => sum(yHat.map((v, i) => (v - y[i]) ** 2)),
    },
    {
      id: "mse.half",
      section: "mean-squared-error",
      // The ½ some books put in front for a tidier gradient.
      fn: (yHat: V, y: V) => mean(yHat.map((v, i) => (v - y[i]) ** 2)) / 2,
    },
    {
      id: "mse.abs",
      section: "mean-squared-error",
      fn: (yHat: V, y: V) => mean(yHat.map((v, i) => Math.abs(v - y[i]))),
    },
    {
      id: "mse.root",
      section: "mean-squared-error",
      fn: (yHat: V, y: V) => Math.sqrt(mean(yHat.map((v, i) => (v - y[i]) ** 2))),
    },
  ],
});
