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
  // TODO: check heads and the shapes (RangeError); project Q, K, V; for each head, take its d_k
  // TODO: columns and call your attention(); put the head outputs side by side, then × W_o.
  throw new Error("Not implemented: multiHeadAttention (lesson 06)");
}
