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
  const { Wq, Wk, Wv, Wo } = params;
  const d = x[0]?.length ?? 0;
  const dK = Wq[0]?.length ?? 0;
  const dV = Wv[0]?.length ?? 0;
  const rowsOk = (W: Matrix, rows: number, cols: number) =>
    W.length === rows && W.every((row) => row.length === cols);
  if (
    x.length === 0 || d === 0 || dK === 0 || dV === 0 || !rowsOk(Wq, d, dK) ||
    !rowsOk(Wk, d, dK) || !rowsOk(Wv, d, dV) || !rowsOk(Wo, dV, d)
  ) {
    throw new RangeError(
      `Cannot apply the block as x [T, d], Wq [d, d_k], Wk [d, d_k], Wv [d, d_v] and Wo [d_v, d] must agree with T, d > 0: x [${x.length}, ${d}], Wq [${Wq.length}, ${dK}], Wk [${Wk.length}, ${
        Wk[0]?.length ?? 0
      }], Wv [${Wv.length}, ${dV}], Wo [${Wo.length}, ${Wo[0]?.length ?? 0}]`,
    );
  }
  const a = layerNorm(x, params.gamma1, params.beta1, LN_EPS); // [T, d]
  const h = add(x, matMul(causalAttention(matMul(a, Wq), matMul(a, Wk), matMul(a, Wv)), Wo)); // [T, d]
  const m = layerNorm(h, params.gamma2, params.beta2, LN_EPS); // [T, d]
  // Pre-norm: the norms feed the sublayers only; the residual stream itself is never normalized.
  return add(h, mlp(m, params.W1, params.b1, params.W2, params.b2)); // [T, d]
}

/** softmax(Q Kᵀ / √d_k + M) V with the causal mask M: position t attends to 0..t only. */
function causalAttention(q: Matrix, k: Matrix, v: Matrix): Matrix {
  const scale = 1 / Math.sqrt(q[0].length);
  return q.map((qt, t) => {
    // Only s ≤ t get a score: exp(−∞) = 0 is the weight of every later position.
    const scores = k.slice(0, t + 1).map((ks) =>
      ks.reduce((sum, kj, j) => sum + kj * qt[j], 0) * scale
    ); // [t + 1]
    const top = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - top));
    const z = e.reduce((sum, w) => sum + w, 0);
    return v[0].map((_, j) => e.reduce((sum, w, s) => sum + (w / z) * v[s][j], 0)); // [d_v]
  }); // [T, d_v]
}

/** a [R, K] · b [K, C] → [R, C]. */
const matMul = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

/** The elementwise sum of two matrices of one shape. */
const add = (a: Matrix, b: Matrix): Matrix => a.map((row, i) => row.map((v, j) => v + b[i][j]));
