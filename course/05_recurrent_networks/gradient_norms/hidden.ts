import type { gradientNorms } from "../../../exercises/05_recurrent_networks/gradient_norms.ts";
import { cases } from "../../define.ts";
import { randomMatrix } from "../../../lib/random.ts";
import { rnnForward } from "../../../solutions/05_recurrent_networks/rnn_forward.ts";
import { gradientNorms as reference } from "../../../solutions/05_recurrent_networks/gradient_norms.ts";
import { between, type M, orthogonal, problem, sizes, weights } from "../_hidden.ts";

const frobenius = (W: M) => Math.hypot(...W.flat());

/** null when `got` is an array of T + 1 numbers, else what is wrong. */
function norms(got: unknown, T: number): number[] | string {
  if (!Array.isArray(got) || got.length !== T + 1) return `expected an array of length ${T + 1}`;
  const bad = got.findIndex((v) => typeof v !== "number" || !Number.isFinite(v) || v < 0);
  return bad >= 0 ? `entry ${bad} is ${got[bad]}, not a finite norm ≥ 0` : got as number[];
}

/** Hidden cases of `gradientNorms`. */
export default cases<typeof gradientNorms>([
  {
    id: "states-of-a-random-sequence",
    name: "the states of a random sequence (T from 3 to 15, non-symmetric W_h)",
    points: 3.5,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, between(r, 3, 15), H, D, 1.5);
      return [Wh, rnnForward(xs, h0, Wh, Wx, b)];
    },
  },
  {
    id: "decays-when-the-norm-of-wh-is-below-one",
    name: "‖W_h‖_F = 0.8: every norm is at most √H · 0.8^k (vanishing), T = 25",
    points: 2,
    property: "decays",
    args: (r) => {
      const H = between(r, 2, 6);
      const W = weights(r, H, H);
      const f = frobenius(W);
      return [
        W.map((row) => row.map((w) => 0.8 * w / f)),
        randomMatrix(r, 25, H).map((h) => h.map(Math.tanh)),
      ];
    },
    check: (got, [Wh, hs]) => {
      const n = norms(got, hs.length);
      if (typeof n === "string") return n;
      const f = frobenius(Wh);
      const H = Wh.length;
      if (Math.abs(n[0] - Math.sqrt(H)) > 1e-9) return `entry 0 is ${n[0]}, but ‖I‖_F = √${H}`;
      const k = n.findIndex((v, k) => v > Math.sqrt(H) * f ** k * (1 + 1e-9) + 1e-300);
      return k < 0
        ? null
        : `entry ${k} is ${n[k]}, above the bound √H·‖W_h‖_F^k = ${Math.sqrt(H) * f ** k}`;
    },
    // The values too: any numbers under the bound would pass it.
    expect: reference,
  },
  {
    id: "grows-for-a-scaled-rotation-at-zero-states",
    name:
      "W_h = c·Q (Q orthogonal, c from 1.2 to 1.6) with every state 0: exactly √H · c^k (exploding)",
    points: 2,
    property: "grows",
    args: (r) => {
      const H = between(r, 2, 6);
      const c = r.uniform(1.2, 1.6);
      return [
        orthogonal(r, H).map((row) => row.map((q) => c * q)),
        Array.from({ length: 15 }, () => new Array(H).fill(0)),
      ];
    },
    check: (got, [Wh, hs]) => {
      const n = norms(got, hs.length);
      if (typeof n === "string") return n;
      const H = Wh.length;
      const c = frobenius(Wh) / Math.sqrt(H);
      const k = n.findIndex((v, k) =>
        Math.abs(v - Math.sqrt(H) * c ** k) > 1e-9 * Math.sqrt(H) * c ** k
      );
      return k < 0 ? null : `entry ${k} is ${n[k]}, expected √H·c^k = ${Math.sqrt(H) * c ** k}`;
    },
  },
  {
    id: "saturated-states-vanish",
    name: "large weights drive tanh into saturation: the norms vanish although ‖W_h‖ > 1",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 20, H, D, 4);
      return [Wh, rnnForward(xs.map((x) => x.map((v) => 3 * v)), h0, Wh, Wx, b)];
    },
  },
  {
    id: "empty-sequence",
    name: "an empty sequence (T = 0) returns [√H]",
    points: 1,
    args: (r) => [weights(r, 3, 3), []],
  },
  // Each bad shape is a case of its own, posed on every attempt (the case that drew one of the two
  // at random let an implementation missing one check through on half the attempts). A quarter
  // point each.
  {
    id: "throws-when-a-state-is-not-h-long",
    name: "throws a RangeError when a row of hs (the last) is not of length H",
    points: 0.25,
    args: (r) => {
      const H = between(r, 2, 5);
      return [weights(r, H, H), [...randomMatrix(r, 3, H), randomMatrix(r, 1, H + 1)[0]]];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-wh-is-not-square",
    name: "throws a RangeError when W_h is [H, H + 1], not square",
    points: 0.25,
    args: (r) => {
      const H = between(r, 2, 5);
      return [weights(r, H, H + 1), randomMatrix(r, 3, H)];
    },
    throws: "RangeError",
  },
]);
