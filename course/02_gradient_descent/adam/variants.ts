import type { adamStep } from "../../../exercises/02_gradient_descent/adam.ts";
import { variants } from "../../define.ts";
import { adam, ADAM_OPTS, type AdamOptions, type AdamState, type V } from "../_variants.ts";

/** Known-wrong variants of `adamStep`. */
export default variants<typeof adamStep>({
  probes: [
    [[1, -2, 0.5], [0.4, -3, 2], { m: [0, 0, 0], v: [0, 0, 0], t: 0 }, ADAM_OPTS],
    [[1, -2, 0.5], [0.4, -3, 2], { m: [0.1, -0.2, 0.3], v: [0.05, 0.5, 0.2], t: 3 }, ADAM_OPTS],
  ],
  variants: [
    {
      id: "adam.lr_twice",
      section: "adam",
      fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
        adam(theta, grad, state, o, { lrPower: 2 }),
    },
    {
      id: "adam.no_bias_correction",
      section: "adam",
      fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
        adam(theta, grad, state, o, { correct: false }),
    },
    {
      id: "adam.no_sqrt",
      section: "adam",
      fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
        adam(theta, grad, state, o, { sqrt: false }),
    },
    {
      id: "adam.stale_t",
      section: "adam",
      // Bias correction with the old t: at t = 0 it divides by 1 − β⁰ = 0.
      fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
        adam(theta, grad, state, o, { staleT: true }),
    },
  ],
});
