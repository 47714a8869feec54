import type { sigmoid } from "../../../exercises/03_logistic_regression/sigmoid.ts";
import { variants } from "../../define.ts";
import type { V } from "../_variants.ts";

/** Known-wrong variants of `sigmoid`. */
export default variants<typeof sigmoid>({
  probes: [[[-1e4, -3, 0, 0.5, 2, 1e4]]],
  variants: [
    {
      id: "sigmoid.overflow",
      section: "the-sigmoid-without-overflow",
      // e^z/(1 + e^z) for every z: e^z is Infinity above 709.78, and ∞/∞ is NaN.
      fn: (z: V) => z.map((zi) => Math.exp(zi) / (1 + Math.exp(zi))),
    },
    {
      id: "sigmoid.sign",
      section: "the-sigmoid",
      // 1/(1 + e^{z}): the sign of the exponent lost, so this is σ(−z).
      fn: (z: V) => z.map((zi) => 1 / (1 + Math.exp(zi))),
    },
  ],
});
