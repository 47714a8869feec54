import type { Matrix } from "../../lib/types.ts";
import { attention, type Mask } from "./attention.ts";

/**
 * Multi-head attention: h heads attend in parallel, each in its own
 * d_k = d/h columns of the projected queries, keys and values; their outputs
 * are put side by side again and mixed by W_o.
 *
 *   Q = X W_q,  K = X W_k,  V = X W_v                       each [T, d]
 *   head_h = attention(Q[:, cols_h], K[:, cols_h], V[:, cols_h], mask)   [T, d_k]
 *   output = [head_0 | head_1 | … | head_{h−1}] W_o          [T, d]
 *
 * where cols_h are the columns h·d_k … (h+1)·d_k − 1. Splitting by columns is
 * the reshape [T, d] → [T, h, d_k] followed by the transpose to [h, T, d_k].
 * Each head scales its scores by 1/√d_k, with d_k = d/h. The mask [T, T] is
 * shared by every head. The function is pure.
 *
 * @param x The token vectors X, shape [T, d].
 * @param wq Query projection W_q, shape [d, d].
 * @param wk Key projection W_k, shape [d, d].
 * @param wv Value projection W_v, shape [d, d].
 * @param wo Output projection W_o, shape [d, d].
 * @param heads The number of heads h, an integer ≥ 1 that divides d.
 * @param mask Optional mask for every head, shape [T, T] (see `attention`).
 * @returns `output`, shape [T, d], and each head's attention `weights`, shape [h, T, T].
 * @throws {RangeError} When h is not a positive integer dividing d, or a weight matrix is not [d, d].
 * @guarantee permutation-equivariant
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function multiHeadAttention(
  x: Matrix,
  wq: Matrix,
  wk: Matrix,
  wv: Matrix,
  wo: Matrix,
  heads: number,
  mask?: Mask,
): { output: Matrix; weights: Matrix[] } {
  const d = x[0]?.length ?? 0;
  if (!Number.isInteger(heads) || heads < 1 || d % heads !== 0) {
    throw new RangeError(
      `Cannot split d = ${d} into heads as h must be a positive integer dividing d: current value is ${heads}`,
    );
  }
  for (const [name, w] of Object.entries({ wq, wk, wv, wo })) {
    if (w.length !== d || w.some((row) => row.length !== d)) {
      throw new RangeError(`Cannot project as ${name} must be [${d}, ${d}]`);
    }
  }
  const matmul = (a: Matrix, b: Matrix): Matrix =>
    a.map((row) => b[0].map((_, c) => row.reduce((s, v, j) => s + v * b[j][c], 0)));
  const dk = d / heads;
  const [Q, K, V] = [wq, wk, wv].map((w) => matmul(x, w)); // each [T, d]
  // Head h owns columns h·d_k … (h+1)·d_k − 1 of every row: [T, d] → [T, h, d_k] → [h, T, d_k].
  const cols = (m: Matrix, h: number) => m.map((row) => row.slice(h * dk, (h + 1) * dk)); // [T, d_k]
  const results = Array.from(
    { length: heads },
    (_, h) => attention(cols(Q, h), cols(K, h), cols(V, h), mask),
  );
  const merged = x.map((_, t) => results.flatMap((r) => r.output[t])); // [T, d]: heads side by side
  return { output: matmul(merged, wo), weights: results.map((r) => r.weights) };
}
