import type { accuracy } from "../../../exercises/03_logistic_regression/accuracy.ts";
import { variants } from "../../define.ts";
import type { V } from "../_variants.ts";

/** The correct checks, shared so that the variants differ only in what they count. */
const check = (p: V, y: V, t: number) => {
  if (p.length !== y.length || p.length === 0 || !(t >= 0 && t <= 1)) {
    throw new RangeError("Bad input");
  }
};
const count = (p: V, y: V, predict: (pi: number) => number) =>
  p.reduce((s, pi, i) => s + (predict(pi) === y[i] ? 1 : 0), 0);

/** Known-wrong variants of `accuracy`. */
export default variants<typeof accuracy>({
  probes: [
    [[0.9, 0.5, 0.2, 0.65, 0.4], [1, 1, 0, 0, 1]],
    [[0.9, 0.5, 0.2, 0.65, 0.7], [1, 0, 0, 0, 1], 0.7],
  ],
  variants: [
    {
      id: "accuracy.strict",
      section: "accuracy",
      // p > t: a probability equal to the threshold becomes class 0.
      fn: (p: V, y: V, t = 0.5) => {
        check(p, y, t);
        return count(p, y, (pi) => (pi > t ? 1 : 0)) / p.length;
      },
    },
    {
      id: "accuracy.ignores_threshold",
      section: "accuracy",
      // Math.round(p): always ½, whatever threshold was passed.
      fn: (p: V, y: V, t = 0.5) => {
        check(p, y, t);
        return count(p, y, (pi) => Math.round(pi)) / p.length;
      },
    },
    {
      id: "accuracy.count",
      section: "accuracy",
      fn: (p: V, y: V, t = 0.5) => {
        check(p, y, t);
        return count(p, y, (pi) => (pi >= t ? 1 : 0));
      },
    },
  ],
});
