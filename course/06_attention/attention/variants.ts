import type { attention } from "../../../exercises/06_attention/attention.ts";
import { variants } from "../../define.ts";
import { softmax } from "../../../solutions/06_attention/softmax.ts";
import { additive, type Mask } from "../_reference.ts";

type M = number[][];

const matmul = (a: M, b: M): M =>
  a.map((row) => b[0].map((_, c) => row.reduce((s, x, j) => s + x * b[j][c], 0)));
const transpose = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const naiveSoftmax = (rows: M): M =>
  rows.map((row) => {
    const e = row.map(Math.exp);
    const sum = e.reduce((s, x) => s + x, 0);
    return e.map((x) => x / sum);
  });

interface Knobs {
  /** The score scale as a function of d_k (right: 1/√d_k). */
  scale?: (dk: number) => number;
  /** How the weights come from the masked scores (right: softmax over each row). */
  normalise?: (scores: M) => M;
  /** Where the mask goes: added before the softmax (right), zeroed after it, 0 or −1e9 for −∞. */
  maskAt?: "before" | "after" | "zero" | "finite";
}

/** Attention with knobs that turn it into the wrong versions. */
function attend(knobs: Knobs, q: M, k: M, v: M, mask?: Mask) {
  const { scale = (dk) => 1 / Math.sqrt(dk), normalise = softmax, maskAt = "before" } = knobs;
  const m = mask ? additive(mask) : undefined;
  const s = scale(k[0].length);
  const raw = matmul(q, transpose(k)).map((row) => row.map((x) => x * s)); // [Tq, Tk]
  const scores = raw.map((row, i) =>
    row.map((x, j) => {
      if (!m || maskAt === "after") return x;
      if (maskAt === "zero") return m[i][j] === -Infinity ? 0 : x + m[i][j];
      if (maskAt === "finite") return x + (m[i][j] === -Infinity ? -1e9 : m[i][j]);
      return x + m[i][j];
    })
  );
  let weights = normalise(scores);
  if (m && maskAt === "after") {
    weights = weights.map((row, i) => row.map((w, j) => (m[i][j] === -Infinity ? 0 : w)));
  }
  return { output: matmul(weights, v), weights };
}

/** Known-wrong variants of `attention`. */
export default variants<typeof attention>({
  probes: [
    // d_k = 4 (√d_k = 2 ≠ d_k), Tq = 2 ≠ Tk = 3, d_v = 2, one hidden key.
    [
      [[1, 0, 2, -1], [0.5, 1, -1, 0]],
      [[1, 1, 0, 0], [0, 2, 1, 1], [-1, 0, 1, 2]],
      [[1, 0], [0, 1], [2, -1]],
      [[true, true, false], [true, true, true]],
    ],
    // Scores in the thousands: exp overflows unless the row max is subtracted.
    [[[60, -30]], [[30, 20], [-20, 30]], [[1, 2], [3, 4]]],
    // A hidden key scoring 1e10 above the visible one: −1e9 in place of −∞ lets it through.
    [[[1e5]], [[1e5], [-1e5]], [[1], [2]], [[false, true]]],
  ],
  variants: [
    {
      id: "attention.no_softmax",
      section: "without-the-softmax-the-articles-formula",
      fn: (...args) => attend({ normalise: (s) => s.map((r) => [...r]) }, ...args),
    },
    {
      id: "attention.query_axis",
      section: "which-axis",
      fn: (...args) => attend({ normalise: (s) => transpose(softmax(transpose(s))) }, ...args),
    },
    {
      id: "attention.no_scale",
      section: "why-scale-by-the-square-root-of-the-key-size",
      fn: (...args) => attend({ scale: () => 1 }, ...args),
    },
    {
      id: "attention.divide_by_dk",
      section: "why-scale-by-the-square-root-of-the-key-size",
      fn: (...args) => attend({ scale: (dk) => 1 / dk }, ...args),
    },
    {
      id: "attention.mask_after_softmax",
      section: "mask-before-the-softmax-with-minus-infinity",
      fn: (...args) => attend({ maskAt: "after" }, ...args),
    },
    {
      id: "attention.mask_with_zero",
      section: "mask-before-the-softmax-with-minus-infinity",
      fn: (...args) => attend({ maskAt: "zero" }, ...args),
    },
    {
      id: "attention.mask_finite",
      section: "mask-before-the-softmax-with-minus-infinity",
      fn: (...args) => attend({ maskAt: "finite" }, ...args),
    },
    {
      id: "attention.no_max",
      section: "a-stable-softmax",
      fn: (...args) => attend({ normalise: naiveSoftmax }, ...args),
    },
  ],
});
