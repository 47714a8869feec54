import type { bceWithLogits } from "../../../exercises/03_logistic_regression/bce_with_logits.ts";
import { variants } from "../../define.ts";
import { bce, mean, sigma, type V } from "../_variants.ts";

const check = (z: V, y: V) => {
  // The variants share the correct check, so they differ only in what they compute.
  if (z.length !== y.length || z.length === 0) throw new RangeError("Bad lengths");
};

/** Known-wrong variants of `bceWithLogits`. */
export default variants<typeof bceWithLogits>({
  probes: [
    [[2, -1, 0.5, -3, 0], [1, 0, 0, 1, 1]],
    [[1e4, -1e4, 50, -20], [1, 1, 0, 0]],
  ],
  variants: [
    {
      id: "bce.log_of_sigmoid",
      section: "never-take-the-log-of-0",
      // The textbook form on probabilities: σ(1e4) is exactly 1, so log(1 − p) = log 0 = −∞.
      fn: (z: V, y: V) => {
        check(z, y);
        return -mean(z.map((zi, i) => {
          const p = sigma(zi);
          return y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
        }));
      },
    },
    {
      id: "bce.softplus_overflow",
      section: "never-take-the-log-of-0",
      // softplus as Math.log(1 + Math.exp(z)): e^z is Infinity above 709.78.
      fn: (z: V, y: V) => {
        check(z, y);
        return mean(z.map((zi, i) => Math.log(1 + Math.exp(zi)) - y[i] * zi));
      },
    },
    {
      id: "bce.clipped",
      section: "never-take-the-log-of-0",
      // p clipped to [1e-7, 1 − 1e-7] before the log: finite, but a mistake at z = −1e4 costs 16.1.
      fn: (z: V, y: V) => {
        check(z, y);
        return -mean(z.map((zi, i) => {
          const p = Math.min(Math.max(sigma(zi), 1e-7), 1 - 1e-7);
          return y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
        }));
      },
    },
    {
      id: "bce.sum",
      section: "binary-cross-entropy",
      fn: (z: V, y: V) => {
        check(z, y);
        return bce(z, y) * z.length;
      },
    },
  ],
});
