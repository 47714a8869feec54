import type { multiHeadAttention } from "../../../exercises/06_attention/multi_head.ts";
import { type Case, cases } from "../../define.ts";
import { relErr } from "../../../lib/compare.ts";
import {
  between,
  F32,
  type M,
  rowsSumToOne,
  scaled,
  tfCausalMask,
  tfMultiHead,
} from "../_reference.ts";
import type { Rng } from "../../../lib/random.ts";

/** Four distinct, non-symmetric [d, d] weight matrices (scaled like a fresh layer). */
const weights = (r: Rng, d: number): [M, M, M, M] =>
  [0, 1, 2, 3].map(() => scaled(r, d, d, 1 / Math.sqrt(d))) as [M, M, M, M];

/** Sizes with h heads of width d_k: d = h·d_k. */
const sizes = (r: Rng, hs: number[], dks: number[]) => {
  const h = hs[r.int(hs.length)];
  return { h, d: h * dks[r.int(dks.length)] };
};

/** Cases graded against tfjs: reshape [T, h, d_k], transpose to [h, T, d_k]. */
export default cases<typeof multiHeadAttention>([
  {
    id: "one-head",
    name: "multiHeadAttention() with one head (plain attention between projections)",
    points: 1,
    args: (r) => {
      const d = between(r, 2, 6);
      return [scaled(r, between(r, 2, 5), d), ...weights(r, d), 1];
    },
    expect: tfMultiHead,
    tol: F32,
  },
  {
    id: "several-heads",
    name:
      "multiHeadAttention() with 2–4 heads and distinct, non-symmetric weights, leaving its arguments unchanged",
    property: "pure",
    points: 1.5,
    args: (r) => {
      const { h, d } = sizes(r, [2, 3, 4], [2, 3, 4]);
      return [scaled(r, between(r, 3, 7), d), ...weights(r, d), h];
    },
    expect: tfMultiHead,
    tol: F32,
  },
  {
    id: "causal-mask",
    name: "multiHeadAttention() with a causal mask shared by the heads",
    points: 2,
    args: (r) => {
      const { h, d } = sizes(r, [2, 4], [2, 3]);
      const T = between(r, 3, 6);
      // A boolean mask here; attention()'s own cases pose the numeric kinds (−∞ among them).
      return [
        scaled(r, T, d),
        ...weights(r, d),
        h,
        tfCausalMask(T).map((row) => row.map((m) => m === 0)),
      ];
    },
    expect: tfMultiHead,
    tol: F32,
  },
  {
    id: "one-column-per-head",
    name: "multiHeadAttention() with h = d (each head is one column wide)",
    points: 1,
    args: (r) => {
      const d = between(r, 2, 4);
      return [scaled(r, between(r, 2, 5), d), ...weights(r, d), d];
    },
    expect: tfMultiHead,
    tol: F32,
  },
  {
    id: "permutation-equivariance",
    name:
      "multiHeadAttention() without positions: tokens with equal vectors get equal outputs, wherever they are",
    points: 1,
    property: "permutation-equivariant",
    args: (r) => {
      const { h, d } = sizes(r, [2, 3], [2, 3]);
      const distinct = scaled(r, 3, d);
      // Each distinct row appears twice, in a shuffled order: swapping two equal
      // tokens leaves X unchanged, so an equivariant layer gives them equal outputs.
      const x = r.shuffle([0, 1, 2, 0, 1, 2]).map((i) => distinct[i]);
      return [x, ...weights(r, d), h];
    },
    check: (got, [x]) => {
      const out = (got as { output?: M })?.output;
      if (!Array.isArray(out) || out.length !== x.length) return "expected an output of T rows";
      for (let i = 0; i < x.length; i++) {
        for (let j = i + 1; j < x.length; j++) {
          if (x[i].some((v, c) => v !== x[j][c])) continue;
          const worst = Math.max(...out[i].map((v, c) => relErr(v, out[j]?.[c])));
          if (!(worst <= 1e-9)) {
            return `tokens ${i} and ${j} are equal but their outputs differ (relative error ${worst}): the layer depends on position`;
          }
        }
      }
      return null;
    },
    expect: tfMultiHead,
    tol: F32,
  },
  {
    id: "weights-rows-sum-to-one",
    name: "multiHeadAttention(): every head's weights are [T, T] with rows summing to 1",
    points: 1,
    args: (r) => {
      const { h, d } = sizes(r, [2, 4], [2, 3]);
      return [scaled(r, between(r, 3, 8), d, 2), ...weights(r, d), h];
    },
    check: (got, [x, , , , , h]) => {
      const w = (got as { weights?: unknown })?.weights;
      if (!Array.isArray(w) || w.length !== h) return `expected ${h} weight matrices, one per head`;
      if (w.some((m) => !Array.isArray(m) || m.length !== x.length)) {
        return `expected each head's weights to be [${x.length}, ${x.length}]`;
      }
      return rowsSumToOne(w);
    },
    // The values too: identity matrices pass the check alone.
    expect: tfMultiHead,
    tol: F32,
  },
  {
    id: "throws-when-heads-do-not-divide-d",
    name: "multiHeadAttention() throws a RangeError when h does not divide d",
    points: 1,
    args: (r) => {
      const d = 2 * between(r, 2, 3);
      return [scaled(r, 3, d), ...weights(r, d), d - 1];
    },
    throws: "RangeError",
  },
  // The other ways h can fail "a positive integer dividing d", and each weight matrix that is not
  // [d, d], one case each (a quarter point): a check of some of them passed the case above.
  {
    id: "throws-when-heads-is-negative",
    name:
      "multiHeadAttention() throws a RangeError for h = −2 (which divides d, but is not positive)",
    points: 0.25,
    args: (r) => {
      const d = 2 * between(r, 2, 3);
      return [scaled(r, 3, d), ...weights(r, d), -2];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-heads-is-not-an-integer",
    name:
      "multiHeadAttention() throws a RangeError for h = 1.5 (d is a multiple of 3, so d/h is whole)",
    points: 0.25,
    args: (r) => {
      const d = 3 * between(r, 2, 4);
      return [scaled(r, 3, d), ...weights(r, d), 1.5];
    },
    throws: "RangeError",
  },
  ...([
    ["wq", 0, "[d, d + 1]", 0, 1],
    ["wk", 1, "[d + 1, d]", 1, 0],
    ["wv", 2, "[d, d + 1]", 0, 1],
    ["wo", 3, "[d + 1, d]", 1, 0],
  ] as const).map(([w, at, shape, extraRows, extraCols]): Case<typeof multiHeadAttention> => ({
    id: `throws-when-${w}-is-not-d-by-d`,
    name: `multiHeadAttention() throws a RangeError when ${w} is ${shape}`,
    points: 0.25,
    args: (r) => {
      const { h, d } = sizes(r, [1, 2], [2, 3]);
      const ws = weights(r, d);
      ws[at] = scaled(r, d + extraRows, d + extraCols, 1 / Math.sqrt(d));
      return [scaled(r, 3, d), ...ws, h];
    },
    throws: "RangeError",
  })),
]);
