import type { rnnForward } from "../../../exercises/05_recurrent_networks/rnn_forward.ts";
import { variants } from "../../define.ts";
import { B, H0, type M, step, type V, WH, WX, XS } from "../_variants.ts";

/** Known-wrong variants of `rnnForward`. */
export default variants<typeof rnnForward>({
  probes: [[XS, H0, WH, WX, B]],
  variants: [
    {
      id: "rnn_forward.not_carried",
      section: "a-sequence-carrying-the-state",
      // Every step starts again from h₀: hₜ = tanh(W_h h₀ + W_x xₜ + b).
      fn: (xs: M, h0: V, Wh: M, Wx: M, b: V) => xs.map((x) => step(h0, x, Wh, Wx, b)),
    },
    {
      id: "rnn_forward.reset",
      section: "a-sequence-carrying-the-state",
      // The state is set to zeros inside the loop, so every step sees hₜ₋₁ = 0.
      fn: (xs: M, h0: V, Wh: M, Wx: M, b: V) => xs.map((x) => step(h0.map(() => 0), x, Wh, Wx, b)),
    },
    {
      id: "rnn_forward.skips_last",
      section: "a-sequence-carrying-the-state",
      // for (let t = 0; t < T - 1; t++): the last input is never read.
      fn: (xs: M, h0: V, Wh: M, Wx: M, b: V) => {
        const out: M = [];
        let h = h0;
        for (let t = 0; t < xs.length - 1; t++) out.push(h = step(h, xs[t], Wh, Wx, b));
        return out;
      },
    },
  ],
});
