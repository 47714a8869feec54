import type { rnnStep } from "../../../exercises/05_recurrent_networks/rnn_step.ts";
import { variants } from "../../define.ts";
import { B, H0, type M, preActivation, type V, WH, WX, XS } from "../_variants.ts";

/** Known-wrong variants of `rnnStep`. */
export default variants<typeof rnnStep>({
  probes: [[H0, XS[0], WH, WX, B], [[2, -1], [1, 1, 1], WH, WX, B]],
  variants: [
    {
      id: "rnn_step.no_tanh",
      section: "one-step",
      // The pre-activation returned as it is: a linear recurrence.
      fn: (h: V, x: V, Wh: M, Wx: M, b: V) => preActivation(h, x, Wh, Wx, b),
    },
    {
      id: "rnn_step.sigmoid",
      section: "one-step",
      // The article's generic σ read as the logistic sigmoid: states in (0, 1), never negative.
      fn: (h: V, x: V, Wh: M, Wx: M, b: V) =>
        preActivation(h, x, Wh, Wx, b).map((a) => 1 / (1 + Math.exp(-a))),
    },
  ],
});
