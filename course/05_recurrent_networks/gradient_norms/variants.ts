import type { gradientNorms } from "../../../exercises/05_recurrent_networks/gradient_norms.ts";
import { variants } from "../../define.ts";
import type { M } from "../_variants.ts";

/** ‖J_k‖_F for k = 0..T with J_k = J_{k−1} · factor(step k). */
function norms(Wh: M, hs: M, factor: (d: number[]) => M): number[] {
  let J: M = Wh.map((_, i) => Wh.map((_, j) => (i === j ? 1 : 0)));
  const out = [Math.hypot(...J.flat())];
  for (let k = 1; k <= hs.length; k++) {
    const F = factor(hs[hs.length - k].map((h) => 1 - h * h));
    J = J.map((row) => F[0].map((_, j) => row.reduce((s, m, l) => s + m * F[l][j], 0)));
    out.push(Math.hypot(...J.flat()));
  }
  return out;
}

const WHP: M = [[0, 2], [0.5, 0.3]]; // [2, 2], not symmetric
const HSP: M = [[0.6, -0.1], [0.2, 0.8], [-0.5, 0.4]]; // [3, 2]: the units at different states

/** Known-wrong variants of `gradientNorms`. */
export default variants<typeof gradientNorms>({
  probes: [[WHP, HSP]],
  variants: [
    {
      id: "gradient_norms.no_tanh_derivative",
      section: "vanishing-and-exploding-gradients",
      // J_k = W_h^k: the states never enter, as if tanh were the identity.
      fn: (Wh: M, hs: M) => norms(Wh, hs, () => Wh),
    },
    {
      id: "gradient_norms.derivative_on_the_wrong_side",
      section: "vanishing-and-exploding-gradients",
      // W_h · diag(1 − h²) instead of diag(1 − h²) · W_h.
      fn: (Wh: M, hs: M) => norms(Wh, hs, (d) => Wh.map((row) => row.map((w, j) => w * d[j]))),
    },
  ],
});
