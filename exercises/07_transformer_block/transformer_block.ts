import type { Matrix, Vector } from "../../lib/types.ts";
import { layerNorm } from "./layer_norm.ts";
import { mlp } from "./mlp.ts";

/** The weights of one transformer block with a single attention head. */
export interface BlockParams {
  /** γ and β of the norm before attention, shape [d] each. */
  gamma1: Vector;
  beta1: Vector;
  /** Query, key and value projections: [d, d_k], [d, d_k], [d, d_v]. */
  Wq: Matrix;
  Wk: Matrix;
  Wv: Matrix;
  /** Output projection back to the residual stream, [d_v, d]. */
  Wo: Matrix;
  /** γ and β of the norm before the MLP, shape [d] each. */
  gamma2: Vector;
  beta2: Vector;
  /** The MLP: W1 [d, h], b1 [h], W2 [h, d], b2 [d]. */
  W1: Matrix;
  b1: Vector;
  W2: Matrix;
  b2: Vector;
}

/** ε of both layer norms. */
export const LN_EPS = 1e-5;

/**
 * One pre-norm transformer block: each sublayer reads a normalized copy of
 * the residual stream x and adds its result back to x itself.
 *
 *   a = LN₁(x)                                  [T, d]
 *   Q = a Wq,  K = a Wk,  V = a Wv              [T, d_k], [T, d_k], [T, d_v]
 *   S = Q Kᵀ / √d_k + M,  Mₜₛ = −∞ when s > t   [T, T]  (causal: no peeking ahead)
 *   h = x + softmax(S) V Wo                     [T, d]  (softmax over each row)
 *   out = h + MLP(LN₂(h))                       [T, d]
 *
 * Use your `layerNorm` (with ε = {@link LN_EPS}) and `mlp`.
 *
 * @param x The residual stream, shape [T, d]: one row per position.
 * @param params The block's weights (see {@link BlockParams}).
 * @returns The new residual stream, shape [T, d].
 * @throws {RangeError} When x is empty, or the shapes of x and the weights
 *   disagree (Wq, Wk, Wv not d rows, Wq and Wk of different widths, Wo not
 *   [d_v, d], or a shape layerNorm or mlp rejects).
 * @guarantee causal Row t of the output depends only on rows 0..t of x: the
 *   block applied to the first t + 1 rows alone gives the same first t + 1 rows.
 * @guarantee pure It returns new arrays; x and params are unchanged after the call.
 */
export function transformerBlock(x: Matrix, params: BlockParams): Matrix {
  // TODO: check the attention weights' shapes (RangeError); a = layerNorm(x, …), then Q, K, V.
  // TODO: causal scores (−Infinity above the diagonal), a stable softmax per row, × V, × Wo.
  // TODO: h = x + attention; return h + mlp(layerNorm(h, …), …). The residuals add x and h, not the norms.
  throw new Error("Not implemented: transformerBlock (lesson 07)");
}
