import { tf } from "../../lib/tf.ts";
import type { Matrix, Vector } from "../../lib/types.ts";
import type { Corpus } from "../../lib/quatrains.ts";
import { rng } from "../../lib/random.ts";
import { type BlockParams, LN_EPS } from "./transformer_block.ts";

/** A trained next-character model: its weights as plain arrays, and how training went. */
export interface CharModel {
  /** One row per symbol: the vector a character enters the model as, [V, d]. */
  embed: Matrix;
  /** One row per position, added to the character's vector, [length + 1, d]. */
  positions: Matrix;
  /** The transformer block (one causal attention head, d_k = d_v = d; MLP of width `hidden`). */
  block: BlockParams;
  /** γ and β of the norm after the block, [d] each. */
  gammaF: Vector;
  betaF: Vector;
  /** From the stream to one score per symbol: [d, V], and a bias [V]. */
  unembed: Matrix;
  bias: Vector;
  /** The mean training loss of each step's batch, in nats per character. */
  losses: number[];
}

/** How to train the model. */
export interface TrainOptions {
  /** Width of the residual stream. */
  d: number;
  /** Width of the block's MLP (usually 4d). */
  hidden: number;
  /** How many optimizer steps, each on one batch. */
  steps: number;
  /** Poems per batch. */
  batchSize: number;
  /** Adam's step size. */
  learningRate: number;
  /** Seeds the initial weights and the choice of batches. */
  seed: number;
  /** Called after each step with its batch's loss. */
  onStep?: (step: number, loss: number) => void;
}

/**
 * Trains a one-block transformer, with tfjs, to predict each character of a
 * poem from the characters before it.
 *
 * Each poem c₁ … c_L enters as x = [END, c₁, …, c_L] and is scored against the
 * targets y = [c₁, …, c_L, END] (ids from `corpus.ids`, END = 0):
 *
 *   h₀ = embed[xₜ] + positions[t]                      [L + 1, d] per poem
 *   h  = transformerBlock(h₀)   (yours: pre-norm, causal, one head, ε = LN_EPS)
 *   z  = LN_F(h) · unembed + bias                      [L + 1, V] scores
 *   loss = mean over poems and positions of −log softmax(z)ₜ[yₜ]
 *
 * minimised by Adam (`opts.learningRate`) for `opts.steps` steps, each on
 * `opts.batchSize` poems chosen with a generator seeded by `opts.seed`.
 *
 * @param corpus The training poems as ids (`vocabularyOf`, `encodePoems`).
 * @param opts Sizes, steps and the seed (see {@link TrainOptions}).
 * @returns The trained weights and the loss of every step.
 * @throws {RangeError} When the corpus is empty, an id is outside 0 … V − 1
 *   (V = `corpus.symbols.length`), or a size or count in opts is not a positive integer.
 * @guarantee no-leaks No tensor it creates outlives the call.
 */
export async function trainCharModel(corpus: Corpus, opts: TrainOptions): Promise<CharModel> {
  const V = corpus.symbols.length;
  const { count, length: L, ids } = corpus;
  const { d, hidden, steps, batchSize } = opts;
  const positive = (n: number) => Number.isInteger(n) && n > 0;
  if (
    ![count, L, d, hidden, steps, batchSize].every(positive) || ids.length !== count * L ||
    ids.some((id) => !(id >= 0 && id < V)) || !(opts.learningRate > 0)
  ) {
    throw new RangeError(
      `Cannot train on ${count} poems of ${L} ids (${ids.length} given, each in 0…${
        V - 1
      }) with d ${d}, hidden ${hidden}, ${steps} steps of ${batchSize} poems and learning rate ${opts.learningRate}: counts and sizes must be positive integers`,
    );
  }
  const T = L + 1;
  let seed = opts.seed;
  // tidy disposes the starting values; the variables (which tidy never disposes) keep copies.
  const init = (shape: number[], scale: number) =>
    tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, scale, "float32", seed++)));
  const ones = (n: number) => tf.tidy(() => tf.variable(tf.ones([n])));
  const zeros = (n: number) => tf.tidy(() => tf.variable(tf.zeros([n])));
  const w = {
    embed: init([V, d], 0.1),
    positions: init([T, d], 0.1),
    gamma1: ones(d),
    beta1: zeros(d),
    Wq: init([d, d], 1 / Math.sqrt(d)),
    Wk: init([d, d], 1 / Math.sqrt(d)),
    Wv: init([d, d], 1 / Math.sqrt(d)),
    Wo: init([d, d], 1 / Math.sqrt(d)),
    gamma2: ones(d),
    beta2: zeros(d),
    W1: init([d, hidden], 1 / Math.sqrt(d)),
    b1: zeros(hidden),
    W2: init([hidden, d], 1 / Math.sqrt(hidden)),
    b2: zeros(d),
    gammaF: ones(d),
    betaF: zeros(d),
    unembed: init([d, V], 1 / Math.sqrt(d)),
    bias: zeros(V),
  };
  // −∞ above the diagonal, written as a large negative number so that 0 · it stays finite.
  const mask = tf.tidy(() => tf.linalg.bandPart(tf.ones([T, T]), -1, 0).sub(1).mul(1e9));
  const norm = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(LN_EPS).sqrt()).mul(g).add(b);
  };
  const gelu = (z: tf.Tensor) =>
    z.mul(0.5).mul(tf.tanh(z.add(z.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI))).add(1));
  /** [B, T, d] · [d, k] as one product over every position. */
  const dense = (x: tf.Tensor, W: tf.Tensor) => {
    const [B] = x.shape;
    return x.reshape([B * T, -1]).matMul(W).reshape([B, T, -1]);
  };
  const loss = (x: tf.Tensor2D, y: tf.Tensor1D) => {
    const h0 = tf.gather(w.embed, x).add(w.positions); // [B, T, d]
    const a = norm(h0, w.gamma1, w.beta1);
    const [q, k, v] = [dense(a, w.Wq), dense(a, w.Wk), dense(a, w.Wv)];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d)).add(mask); // [B, T, T]
    const h = h0.add(dense(tf.matMul(tf.softmax(scores), v), w.Wo));
    const m = dense(gelu(dense(norm(h, w.gamma2, w.beta2), w.W1).add(w.b1)), w.W2).add(w.b2);
    const z = dense(norm(h.add(m), w.gammaF, w.betaF), w.unembed).add(w.bias); // [B, T, V]
    // −log softmax(z)ₜ[yₜ], read from the flat scores at row·V + yₜ.
    return tf.gather(tf.logSoftmax(z.reshape([-1, V])).reshape([-1]), y).mean().neg() as tf.Scalar;
  };
  const optimizer = tf.train.adam(opts.learningRate);
  const r = rng(opts.seed);
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const x = new Int32Array(batchSize * T); // END, then the poem
    const y = new Int32Array(batchSize * T); // the poem, then END
    for (let b = 0; b < batchSize; b++) {
      const poem = ids.subarray(r.int(count) * L).subarray(0, L);
      x.set(poem, b * T + 1);
      y.set(poem, b * T);
      y[b * T + L] = 0; // END
    }
    for (let i = 0; i < y.length; i++) y[i] += i * V; // the row's offset in the flat scores
    const value = tf.tidy(() => {
      const xs = tf.tensor2d(x, [batchSize, T], "int32");
      const ys = tf.tensor1d(y, "int32");
      const l = optimizer.minimize(() => loss(xs, ys), true)!;
      return l.dataSync()[0];
    });
    losses.push(value);
    opts.onStep?.(step, value);
    if (step % 10 === 0) await new Promise((done) => setTimeout(done, 0)); // let progress out
  }
  const out = {} as Record<keyof typeof w, unknown>;
  for (const [name, v] of Object.entries(w)) out[name as keyof typeof w] = await v.array();
  tf.dispose([...Object.values(w), mask]);
  optimizer.dispose();
  const o = out as Record<keyof typeof w, Matrix & Vector>;
  return {
    embed: o.embed,
    positions: o.positions,
    block: {
      gamma1: o.gamma1,
      beta1: o.beta1,
      Wq: o.Wq,
      Wk: o.Wk,
      Wv: o.Wv,
      Wo: o.Wo,
      gamma2: o.gamma2,
      beta2: o.beta2,
      W1: o.W1,
      b1: o.b1,
      W2: o.W2,
      b2: o.b2,
    },
    gammaF: o.gammaF,
    betaF: o.betaF,
    unembed: o.unembed,
    bias: o.bias,
    losses,
  };
}
