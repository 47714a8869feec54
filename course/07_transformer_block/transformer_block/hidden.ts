import type {
  BlockParams,
  transformerBlock,
} from "../../../exercises/07_transformer_block/transformer_block.ts";
import { type Case, cases } from "../../define.ts";
import { randomMatrix, type Rng } from "../../../lib/random.ts";
import { compare } from "../../../lib/compare.ts";
import { describeMismatch } from "../../../lib/testing.ts";
import { tf } from "../../../lib/tf.ts";
import { affine, between, F32, type M, scaled, unevenRows } from "../_hidden.ts";

/**
 * The reference, built from tfjs ops (float32), independent of the reference
 * solution: tf.moments for the norms, a band-part mask, tf.softmax, tanh GELU.
 */
function tfBlock(x: M, p: BlockParams): M {
  return tf.tidy(() => {
    const ln = (z: tf.Tensor2D, gamma: number[], beta: number[]) => {
      const { mean, variance } = tf.moments(z, -1, true); // [T, 1] each
      return z.sub(mean).div(variance.add(1e-5).sqrt()).mul(tf.tensor1d(gamma)).add(
        tf.tensor1d(beta),
      ) as tf.Tensor2D;
    };
    const t = x.length;
    const xs = tf.tensor2d(x); // [T, d]
    const a = ln(xs, p.gamma1, p.beta1);
    const q = a.matMul(tf.tensor2d(p.Wq)); // [T, d_k]
    const k = a.matMul(tf.tensor2d(p.Wk)); // [T, d_k]
    const v = a.matMul(tf.tensor2d(p.Wv)); // [T, d_v]
    const allowed = tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast("bool"); // s ≤ t
    const scores = q.matMul(k, false, true).div(Math.sqrt(p.Wq[0].length)); // [T, T]
    const masked = tf.where(allowed, scores, tf.fill([t, t], -Infinity));
    const h = xs.add(tf.softmax(masked).matMul(v).matMul(tf.tensor2d(p.Wo))) as tf.Tensor2D;
    const pre = ln(h, p.gamma2, p.beta2).matMul(tf.tensor2d(p.W1)).add(tf.tensor1d(p.b1));
    const c = Math.sqrt(2 / Math.PI);
    const gelu = pre.mul(0.5).mul(pre.add(pre.pow(3).mul(0.044715)).mul(c).tanh().add(1));
    return h.add(gelu.matMul(tf.tensor2d(p.W2)).add(tf.tensor1d(p.b2))).arraySync() as M;
  });
}

/** Weights for d, d_k, d_v, h: random, non-symmetric, scaled by 1/√fan-in. */
function weights(r: Rng, d: number, dK: number, dV: number, h: number): BlockParams {
  const ln1 = affine(r, d);
  const ln2 = affine(r, d);
  const s = (rows: number, cols: number) => scaled(r, rows, cols, 1.5 / Math.sqrt(rows));
  return {
    gamma1: ln1.gamma,
    beta1: ln1.beta,
    Wq: s(d, dK),
    Wk: s(d, dK),
    Wv: s(d, dV),
    Wo: s(dV, d),
    gamma2: ln2.gamma,
    beta2: ln2.beta,
    W1: s(d, h),
    b1: randomMatrix(r, 1, h)[0].map((v) => 0.3 * v),
    W2: s(h, d),
    b2: randomMatrix(r, 1, d)[0].map((v) => 0.3 * v),
  };
}

/** x [T, d] and weights with d_k ≠ d_v, both ≠ d, h = 4d. */
function honest(r: Rng, t: number): [M, BlockParams] {
  const d = between(r, 3, 6);
  const dK = between(r, 2, 5);
  const dV = dK + between(r, 1, 3);
  return [unevenRows(r, t, d), weights(r, d, dK, dV, 4 * d)];
}

/** Property `causal`: the first T − 1 rows are those of the block on the first T − 1 rows of x. */
function causal(got: unknown, [x, p]: [M, BlockParams]): string | null {
  if (!Array.isArray(got) || got.length !== x.length) return `expected ${x.length} rows`;
  const prefix = x.slice(0, x.length - 1);
  const m = compare(got.slice(0, prefix.length), tfBlock(prefix, p), F32);
  return m
    ? `the first ${prefix.length} rows change when only the last position of x is there or not ` +
      `(${describeMismatch(m)}): earlier positions must not attend to later ones`
    : null;
}

/**
 * x and weights where attention scores reach 1e11: W_q and W_k of rank one,
 * built so that position 0 scores position 1 (which it must not see) 1e11
 * above itself. A softmax without the row maximum overflows there, and a mask
 * of −1e9 in place of −∞ lets position 0 attend to position 1.
 */
function hugeScores(r: Rng, t: number): [M, BlockParams] {
  const [x, p] = honest(r, t);
  const d = x[0].length;
  const dK = p.Wq[0].length;
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
  // The first norm's output at each position, as the block computes it.
  const a = x.map((row) => {
    const mu = row.reduce((s, v) => s + v, 0) / d;
    const sd = Math.sqrt(row.reduce((s, v) => s + (v - mu) ** 2, 0) / d + 1e-5);
    return row.map((v, j) => p.gamma1[j] * (v - mu) / sd + p.beta1[j]);
  });
  let u = randomMatrix(r, 1, d)[0];
  let c = randomMatrix(r, 1, d)[0];
  const b = randomMatrix(r, 1, dK)[0];
  if (dot(a[0], u) < 0) u = u.map((v) => -v);
  if (dot(a[1], c) < dot(a[0], c)) c = c.map((v) => -v);
  // score(t, s) = (a_t·u)(a_s·c)|b|²α/√d_k; the gap between s = 1 and s = 0 for t = 0:
  const unit = dot(a[0], u) * (dot(a[1], c) - dot(a[0], c)) * dot(b, b) / Math.sqrt(dK);
  if (!(unit > 1e-6)) throw new Error("no gap between the first two positions: draw again");
  const alpha = 1e11 / unit;
  return [x, {
    ...p,
    Wq: u.map((ui) => b.map((bj) => alpha * ui * bj)),
    Wk: c.map((ci) => b.map((bj) => ci * bj)),
  }];
}

/** Hidden cases of `transformerBlock`. */
export default cases<typeof transformerBlock>([
  {
    id: "honest-shapes-against-tfjs",
    name: "x [T, d] with T > 1, d_k ≠ d_v ≠ d, h = 4d, non-symmetric weights (tfjs reference)",
    points: 3.75,
    args: (r) => honest(r, between(r, 3, 9)),
    expect: tfBlock,
    tol: F32,
  },
  {
    id: "earlier-positions-ignore-later-ones",
    name:
      "row t of the output does not depend on positions after t (causal), even with attention scores of 1e11 (−∞ in the mask, the row maximum subtracted)",
    points: 2,
    property: "causal",
    args: (r) => hugeScores(r, between(r, 4, 8)),
    check: (got, args) => causal(got, args),
  },
  {
    id: "a-single-position",
    name: "a single position (T = 1): it attends to itself with weight 1",
    points: 1,
    args: (r) => honest(r, 1),
    expect: tfBlock,
    tol: F32,
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "transformerBlock() leaves x and the weights unchanged (it returns new arrays)",
    points: 1,
    property: "pure",
    args: (r) => honest(r, between(r, 2, 5)),
  },
  // Each bad shape is a case of its own, posed on every attempt (two cases that drew one of two at
  // random let an implementation missing one check through on half the attempts), and the other
  // documented ones. A quarter point each.
  ...([
    ["wq-and-wk-have-different-widths", "Wk is one column wider than Wq", (r, x, p) => ({
      ...p,
      Wk: scaled(r, x[0].length, p.Wq[0].length + 1, 1),
    })],
    ["wq-has-not-d-rows", "Wq has d + 1 rows", (r, x, p) => ({
      ...p,
      Wq: scaled(r, x[0].length + 1, p.Wq[0].length, 1),
    })],
    ["wk-has-not-d-rows", "Wk has d + 1 rows", (r, x, p) => ({
      ...p,
      Wk: scaled(r, x[0].length + 1, p.Wk[0].length, 1),
    })],
    ["wv-has-not-d-rows", "Wv has d + 1 rows", (r, x, p) => ({
      ...p,
      Wv: scaled(r, x[0].length + 1, p.Wv[0].length, 1),
    })],
    ["wo-has-not-d-columns", "Wo is [d_v, d + 1]", (r, x, p) => ({
      ...p,
      Wo: scaled(r, p.Wv[0].length, x[0].length + 1, 1),
    })],
    ["wo-has-not-dv-rows", "Wo is [d_v + 1, d]", (r, x, p) => ({
      ...p,
      Wo: scaled(r, p.Wv[0].length + 1, x[0].length, 1),
    })],
    [
      "layer-norm-rejects-gamma2",
      "γ₂ is d − 1 long (the second layerNorm rejects it)",
      (_, __, p) => ({
        ...p,
        gamma2: p.gamma2.slice(1),
      }),
    ],
    ["the-mlp-rejects-w1", "W1 has d + 1 rows (mlp rejects it)", (r, x, p) => ({
      ...p,
      W1: scaled(r, x[0].length + 1, p.W1[0].length, 1),
    })],
  ] as Array<[string, string, (r: Rng, x: M, p: BlockParams) => BlockParams]>).map((
    [id, what, spoil],
  ): Case<typeof transformerBlock> => ({
    id: `throws-a-rangeerror-when-${id}`,
    name: `throws a RangeError when ${what}`,
    points: 0.25,
    args: (r) => {
      const [x, p] = honest(r, 3);
      return [x, spoil(r, x, p)];
    },
    throws: "RangeError",
  })),
  {
    id: "throws-a-rangeerror-when-x-is-empty",
    name: "throws a RangeError when x has no rows",
    points: 0.25,
    args: (r) => [[], honest(r, 3)[1]],
    throws: "RangeError",
  },
]);
