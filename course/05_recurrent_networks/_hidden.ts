/**
 * Hidden-case helpers shared by the exercises of lesson 05 (grader only: never in the kit).
 *
 * @module
 */
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";
import { tf } from "../../lib/tf.ts";

export type M = number[][];
export type V = number[];

/** An integer in [lo, hi]. */
export const between = (r: Rng, lo: number, hi: number): number => lo + r.int(hi - lo + 1);

/** H and D with H ≠ D, each in [1, 6]. */
export function sizes(r: Rng): { H: number; D: number } {
  const H = between(r, 2, 6);
  let D = between(r, 1, 5);
  if (D === H) D = H - 1;
  return { H, D };
}

/** A random [rows, cols] matrix scaled by `s`, never symmetric when square (entry [0][1] shifted). */
export function weights(r: Rng, rows: number, cols: number, s = 1): M {
  const W = randomMatrix(r, rows, cols).map((row) => row.map((v) => s * v));
  if (rows > 1 && cols > 1) W[0][1] += s; // W ≠ Wᵀ even by chance
  return W;
}

/** A whole RNN problem: xs [T, D], h0 [H], Wh [H, H] with ‖Wh‖ about `scale`, Wx [H, D], b [H]. */
export function problem(r: Rng, T: number, H: number, D: number, scale = 0.5): [M, V, M, M, V] {
  return [
    randomMatrix(r, T, D),
    randomVector(r, H).map((v) => 0.5 * v),
    weights(r, H, H, scale / Math.sqrt(H)),
    weights(r, H, D, 1 / Math.sqrt(D)),
    randomVector(r, H).map((v) => 0.2 * v),
  ];
}

/** The forward pass in tfjs (float32), one matMul per step: the states [T, H]. */
export function tfForward(xs: M, h0: V, Wh: M, Wx: M, b: V): M {
  return tf.tidy(() => {
    const W = tf.tensor2d(Wh); // [H, H]
    const U = tf.tensor2d(Wx); // [H, D]
    const bias = tf.tensor2d([b]); // [1, H]
    let h = tf.tensor2d([h0]); // [1, H]
    const out: M = [];
    for (const x of xs) {
      // row-vector form: h ← tanh(h W_hᵀ + x W_xᵀ + b)
      h = tf.tanh(h.matMul(W, false, true).add(tf.tensor2d([x]).matMul(U, false, true)).add(bias));
      out.push((h.arraySync() as M)[0]);
    }
    return out;
  });
}

/** ∂L/∂W_h, ∂L/∂W_x, ∂L/∂b of L = Σₜ v·hₜ by tfjs's automatic differentiation (tf.grads). */
export function tfGradient(xs: M, h0: V, Wh: M, Wx: M, b: V, v: V): { dWh: M; dWx: M; db: V } {
  return tf.tidy(() => {
    const X = xs.map((x) => tf.tensor2d([x])); // each [1, D]
    const h0t = tf.tensor2d([h0]); // [1, H]
    const vt = tf.tensor2d([v]); // [1, H]
    const loss = (W: tf.Tensor, U: tf.Tensor, bias: tf.Tensor): tf.Tensor => {
      let h = h0t;
      let L: tf.Tensor = tf.scalar(0);
      for (const x of X) {
        h = tf.tanh(h.matMul(W, false, true).add(x.matMul(U, false, true)).add(bias));
        L = L.add(h.mul(vt).sum());
      }
      return L;
    };
    const [gW, gU, gb] = tf.grads(loss)([tf.tensor2d(Wh), tf.tensor2d(Wx), tf.tensor2d([b])]);
    return {
      dWh: gW.arraySync() as M,
      dWx: gU.arraySync() as M,
      db: (gb.arraySync() as M)[0],
    };
  });
}

/** tfjs computes in float32: compare at this tolerance. */
export const F32 = { rtol: 1e-4, atol: 1e-5 };

/** A random orthogonal [H, H] matrix (Gram–Schmidt on a Gaussian one): ‖Q x‖ = ‖x‖. */
export function orthogonal(r: Rng, H: number): M {
  const Q: M = [];
  for (const row of randomMatrix(r, H, H)) {
    const q = Q.reduce((u, p) => {
      const dot = u.reduce((s, v, i) => s + v * p[i], 0);
      return u.map((v, i) => v - dot * p[i]);
    }, row);
    const n = Math.hypot(...q);
    Q.push(q.map((v) => v / n));
  }
  return Q;
}
