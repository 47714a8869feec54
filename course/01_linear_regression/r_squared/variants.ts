import type { rSquared } from "../../../exercises/01_linear_regression/r_squared.ts";
import { variants } from "../../define.ts";
import { mean, sum, type V } from "../_variants.ts";

/** Known-wrong variants of `rSquared`. */
export default variants<typeof rSquared>({
  probes: [[[2, 2, 3, 5], [1, 2, 3, 6]], [[0, 1, 5, 2, 4], [1, 1, 3, 4, 6]]],
  variants: [
    {
      id: "r_squared.mean_of_yhat",
      section: "how-good-is-the-fit-r-squared",
      // SS_tot centred on the mean of the predictions instead of the mean of y.
      fn: (yHat: V, y: V) => {
        const m = mean(yHat);
        return 1 - sum(y.map((v, i) => (v - yHat[i]) ** 2)) / sum(y.map((v) => (v - m) ** 2));
      },
    },
    {
      id: "r_squared.ratio",
      section: "how-good-is-the-fit-r-squared",
      fn: (yHat: V, y: V) => {
        const m = mean(y);
        return sum(y.map((v, i) => (v - yHat[i]) ** 2)) / sum(y.map((v) => (v - m) ** 2));
      },
    },
    {
      id: "r_squared.abs",
      section: "how-good-is-the-fit-r-squared",
      fn: (yHat: V, y: V) => {
        const m = mean(y);
        return 1 -
          sum(y.map((v, i) => Math.abs(v - yHat[i]))) / sum(y.map((v) => Math.abs(v - m)));
      },
    },
    {
      id: "r_squared.explained",
      section: "how-good-is-the-fit-r-squared",
      // SS_reg / SS_tot: equal to R² only for a least-squares fit on its own data.
      fn: (yHat: V, y: V) => {
        const m = mean(y);
        return sum(yHat.map((v) => (v - m) ** 2)) / sum(y.map((v) => (v - m) ** 2));
      },
    },
    {
      id: "r_squared.swapped",
      section: "how-good-is-the-fit-r-squared",
      // rSquared(y, yHat): the spread is measured around the mean of ŷ.
      fn: (yHat: V, y: V) => {
        const m = mean(yHat);
        return 1 - sum(y.map((v, i) => (v - yHat[i]) ** 2)) / sum(yHat.map((v) => (v - m) ** 2));
      },
    },
    {
      id: "r_squared.correlation",
      section: "how-good-is-the-fit-r-squared",
      fn: (yHat: V, y: V) => {
        const a = mean(yHat);
        const m = mean(y);
        const cov = sum(yHat.map((v, i) => (v - a) * (y[i] - m)));
        return cov ** 2 /
          (sum(yHat.map((v) => (v - a) ** 2)) * sum(y.map((v) => (v - m) ** 2)));
      },
    },
  ],
});
