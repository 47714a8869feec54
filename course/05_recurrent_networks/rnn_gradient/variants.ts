import type { rnnGradient } from "../../../exercises/05_recurrent_networks/rnn_gradient.ts";
import { variants } from "../../define.ts";
import { B, H0, type M, step, type V, WH, WX, XS } from "../_variants.ts";

/**
 * BPTT with the three choices a variant can get wrong: whether the future's
 * gradient reaches the step before, W_h or W_hᵀ, and the tanh derivative.
 */
function bptt(
  xs: M,
  h0: V,
  Wh: M,
  Wx: M,
  b: V,
  v: V,
  o: { carry: boolean; transpose: boolean; derivative: boolean },
) {
  const hs: M = [];
  let h = h0;
  for (const x of xs) hs.push(h = step(h, x, Wh, Wx, b));
  const dWh = Wh.map((r) => r.map(() => 0));
  const dWx = Wx.map((r) => r.map(() => 0));
  const db = b.map(() => 0);
  let later = v.map(() => 0);
  for (let t = xs.length - 1; t >= 0; t--) {
    const prev = t > 0 ? hs[t - 1] : h0;
    const delta = hs[t].map((hi, i) => (v[i] + later[i]) * (o.derivative ? 1 - hi * hi : 1));
    delta.forEach((d, i) => {
      prev.forEach((p, j) => dWh[i][j] += d * p);
      xs[t].forEach((x, k) => dWx[i][k] += d * x);
      db[i] += d;
    });
    later = !o.carry
      ? later
      : o.transpose
      ? h0.map((_, j) => Wh.reduce((s, row, i) => s + row[j] * delta[i], 0))
      : Wh.map((row) => row.reduce((s, w, j) => s + w * delta[j], 0));
  }
  return { dWh, dWx, db };
}

const right = { carry: true, transpose: true, derivative: true };

/** Known-wrong variants of `rnnGradient`. */
export default variants<typeof rnnGradient>({
  probes: [[XS, H0, WH, WX, B, [1, -2]]],
  variants: [
    {
      id: "rnn_gradient.no_carry_back",
      section: "backpropagation-through-time",
      // Each step's δ uses only its own read-out v: nothing flows back from later steps.
      fn: (xs: M, h0: V, Wh: M, Wx: M, b: V, v: V) =>
        bptt(xs, h0, Wh, Wx, b, v, { ...right, carry: false }),
    },
    {
      id: "rnn_gradient.not_transposed",
      section: "backpropagation-through-time",
      fn: (xs: M, h0: V, Wh: M, Wx: M, b: V, v: V) =>
        bptt(xs, h0, Wh, Wx, b, v, { ...right, transpose: false }),
    },
    {
      id: "rnn_gradient.no_tanh_derivative",
      section: "backpropagation-through-time",
      fn: (xs: M, h0: V, Wh: M, Wx: M, b: V, v: V) =>
        bptt(xs, h0, Wh, Wx, b, v, { ...right, derivative: false }),
    },
  ],
});
