import type { multiHeadAttention } from "../../../exercises/06_attention/multi_head.ts";
import { variants } from "../../define.ts";
import { attention } from "../../../solutions/06_attention/attention.ts";
import type { Mask } from "../_reference.ts";

type M = number[][];

const matmul = (a: M, b: M): M =>
  a.map((row) => b[0].map((_, c) => row.reduce((s, x, j) => s + x * b[j][c], 0)));
/** The row-major reshape of a [R, C] matrix to [r, c] (R·C = r·c). */
const reshape = (a: M, r: number, c: number): M => {
  const flat = a.flat();
  return Array.from({ length: r }, (_, i) => flat.slice(i * c, (i + 1) * c));
};

interface Knobs {
  /** Split by a flat reshape [T, d] → [h, T, d_k] (and merge back the same way). */
  flatReshape?: boolean;
  /** Scale the scores by 1/√d instead of 1/√d_k. */
  scaleByD?: boolean;
  /** Leave out W_o. */
  noWo?: boolean;
}

function mha(
  k: Knobs,
  x: M,
  wq: M,
  wk: M,
  wv: M,
  wo: M,
  heads: number,
  mask?: Mask,
) {
  const T = x.length;
  const d = x[0].length;
  if (!Number.isInteger(heads) || heads < 1 || d % heads !== 0) throw new RangeError("bad h");
  const dk = d / heads;
  const [Q, K, V] = [wq, wk, wv].map((w) => matmul(x, w));
  const part = (m: M, h: number): M =>
    k.flatReshape
      ? reshape(m, heads * T, dk).slice(h * T, (h + 1) * T)
      : m.map((row) => row.slice(h * dk, (h + 1) * dk));
  // √d_k · √(d_k/d) = d_k/√d: pre-scaling Q turns attention's 1/√d_k into 1/√d.
  const qScale = k.scaleByD ? Math.sqrt(dk / d) : 1;
  const results = Array.from(
    { length: heads },
    (_, h) =>
      attention(part(Q, h).map((row) => row.map((v) => v * qScale)), part(K, h), part(V, h), mask),
  );
  const merged = k.flatReshape
    ? reshape(results.flatMap((r) => r.output), T, d)
    : x.map((_, t) => results.flatMap((r) => r.output[t]));
  return { output: k.noWo ? merged : matmul(merged, wo), weights: results.map((r) => r.weights) };
}

const W = [[1, 0, 2, 0], [0, 1, 0, -1], [1, 1, 0, 0], [0, 2, 1, 1]];
const WO = [[0, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]];

/** Known-wrong variants of `multiHeadAttention`. */
export default variants<typeof multiHeadAttention>({
  probes: [[[[1, 2, 0, -1], [0.5, -1, 2, 1], [-2, 0, 1, 1]], W, WO, WO, W, 2]],
  variants: [
    {
      id: "multi_head.reshape_no_transpose",
      section: "splitting-and-merging-heads",
      fn: (...args) => mha({ flatReshape: true }, ...args),
    },
    {
      id: "multi_head.scale_by_d_model",
      section: "multi-head-attention",
      fn: (...args) => mha({ scaleByD: true }, ...args),
    },
    {
      id: "multi_head.no_output_projection",
      section: "multi-head-attention",
      fn: (...args) => mha({ noWo: true }, ...args),
    },
  ],
});
