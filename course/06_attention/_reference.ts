/**
 * Lesson 06's references in TensorFlow.js and shared input makers (grader
 * only: never in the kit). Each reference computes in float32 on tfjs's own
 * ops, independently of the reference solutions, so compare with {@link F32}.
 *
 * @module
 */
import { tf } from "../../lib/tf.ts";
import { randomMatrix, type Rng } from "../../lib/random.ts";

export type M = number[][];
export type Mask = M | boolean[][];

/** float32 results against float64 answers. */
export const F32 = { rtol: 1e-4, atol: 1e-6 };

/** An integer in [lo, hi]. */
export const between = (r: Rng, lo: number, hi: number): number => lo + r.int(hi - lo + 1);

/** A [rows, cols] matrix of normals times `scale`. */
export const scaled = (r: Rng, rows: number, cols: number, scale = 1): M =>
  randomMatrix(r, rows, cols).map((row) => row.map((x) => x * scale));

/** A mask as additive numbers: true → 0, false → −∞, numbers unchanged. */
export const additive = (mask: Mask): M =>
  mask.map((row) => row.map((m) => m === true ? 0 : m === false ? -Infinity : m));

/** A random boolean mask [rows, cols] with at least one allowed key per row. */
export function randomBoolMask(r: Rng, rows: number, cols: number): boolean[][] {
  return Array.from({ length: rows }, () => {
    const row = Array.from({ length: cols }, () => r.next() < 0.6);
    row[r.int(cols)] = true;
    return row;
  });
}

/** tf.softmax over the last axis. */
export const tfSoftmax = (rows: M): M =>
  tf.tidy(() => tf.softmax(tf.tensor2d(rows)).arraySync() as M);

/**
 * softmax(Q Kᵀ/√d_k + M) V in tfjs, for one head or a stack of heads.
 *
 * @param q Queries [.., Tq, dk].
 * @param k Keys [.., Tk, dk].
 * @param v Values [.., Tk, dv].
 * @param mask Additive mask [Tq, Tk], broadcast over heads.
 */
function tfAttentionTensors(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: M) {
  const dk = q.shape[q.shape.length - 1]!;
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk)); // [.., Tq, Tk]
  if (mask) scores = tf.add(scores, tf.tensor2d(mask));
  const weights = tf.softmax(scores); // [.., Tq, Tk]
  return { output: tf.matMul(weights, v), weights }; // [.., Tq, dv]
}

/** Scaled dot-product attention in tfjs: { output [Tq, dv], weights [Tq, Tk] }. */
export function tfAttention(q: M, k: M, v: M, mask?: Mask): { output: M; weights: M } {
  return tf.tidy(() => {
    const r = tfAttentionTensors(
      tf.tensor2d(q),
      tf.tensor2d(k),
      tf.tensor2d(v),
      mask && additive(mask),
    );
    return { output: r.output.arraySync() as M, weights: r.weights.arraySync() as M };
  });
}

/**
 * Multi-head attention in tfjs, heads split by reshape [T, h, d_k] and
 * transpose to [h, T, d_k]: { output [T, d], weights [h, T, T] }.
 */
export function tfMultiHead(
  x: M,
  wq: M,
  wk: M,
  wv: M,
  wo: M,
  heads: number,
  mask?: Mask,
): { output: M; weights: M[] } {
  return tf.tidy(() => {
    const X = tf.tensor2d(x); // [T, d]
    const [T, d] = X.shape;
    const dk = d / heads;
    const split = (w: M) =>
      tf.transpose(tf.reshape(tf.matMul(X, tf.tensor2d(w)), [T, heads, dk]), [1, 0, 2]); // [h, T, dk]
    const r = tfAttentionTensors(split(wq), split(wk), split(wv), mask && additive(mask));
    const merged = tf.reshape(tf.transpose(r.output, [1, 0, 2]), [T, d]); // [T, d]
    return {
      output: tf.matMul(merged, tf.tensor2d(wo)).arraySync() as M,
      weights: r.weights.arraySync() as M[],
    };
  });
}

/** Sinusoidal positional encoding in tfjs: [T, d]. */
export function tfPositionalEncoding(T: number, d: number): M {
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, T), [T, 1]); // [T, 1]
    const j = tf.range(0, d); // [d]
    const pair = tf.mul(tf.floorDiv(j, 2), 2); // 2i for columns 2i and 2i + 1
    const freq = tf.pow(10000, tf.neg(tf.div(pair, d))); // [d]
    const angle = tf.mul(pos, tf.reshape(freq, [1, d])); // [T, d]
    const even = tf.reshape(tf.equal(tf.mod(j, 2), 0), [1, d]);
    return tf.where(tf.broadcastTo(even, [T, d]), tf.sin(angle), tf.cos(angle)).arraySync() as M;
  });
}

/** A check that each row of `weights` (a matrix, or a stack of them) sums to 1 within 1e-9. */
export function rowsSumToOne(weights: unknown): string | null {
  const mats = Array.isArray(weights) && Array.isArray(weights[0]?.[0]) ? weights : [weights];
  for (const [h, m] of (mats as unknown[]).entries()) {
    if (!Array.isArray(m)) return "expected a matrix of weights";
    for (const [i, row] of m.entries()) {
      const s = Array.isArray(row) ? row.reduce((a: number, x: number) => a + x, 0) : NaN;
      if (!(Math.abs(s - 1) <= 1e-9)) {
        return `row ${i}${
          mats.length > 1 ? ` of head ${h}` : ""
        } of the weights sums to ${s}, not 1`;
      }
    }
  }
  return null;
}

/** A check that the weights are exactly 0 wherever the mask is −∞ or false. */
export function zeroWhereMasked(weights: unknown, mask: Mask): string | null {
  const m = additive(mask);
  if (!Array.isArray(weights)) return "expected a matrix of weights";
  for (let i = 0; i < m.length; i++) {
    for (let j = 0; j < m[i].length; j++) {
      const w = (weights[i] as number[] | undefined)?.[j];
      if (m[i][j] === -Infinity && w !== 0) {
        return `the weight at [${i}][${j}] is ${w}, but that key is masked: it must be exactly 0`;
      }
    }
  }
  return null;
}

/** The causal mask from tf.linalg.bandPart (ones on and below the diagonal): [T, T]. */
export const tfCausalMask = (T: number): M =>
  tf.tidy(() =>
    (tf.linalg.bandPart(tf.ones([T, T]), -1, 0).arraySync() as M).map((row) =>
      row.map((x) => (x === 1 ? 0 : -Infinity))
    )
  );

/** Padding masks from tf.sequenceMask-like comparisons (key index < length): [B, T, T]. */
export const tfPaddingMask = (lengths: number[], T: number): M[] =>
  tf.tidy(() => {
    const keep = tf.less(tf.reshape(tf.range(0, T), [1, 1, T]), tf.reshape(lengths, [-1, 1, 1])); // [B, 1, T]
    const m = tf.where(keep, tf.zeros([1]), tf.fill([1], -Infinity)); // [B, 1, T]
    return tf.broadcastTo(m, [lengths.length, T, T]).arraySync() as M[];
  });
