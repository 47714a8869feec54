/**
 * The grader's own reading of a trained character model (lesson 07's
 * `train_char_model`): its validation loss computed from the returned weights
 * with tfjs, the model exactly as the exercise specifies it. Grader, benchmark
 * and lesson-figure code only: never in the kit.
 *
 * @module
 */
import { tf } from "../../lib/tf.ts";
import type { Corpus } from "../../lib/quatrains.ts";
import type { CharModel } from "../../exercises/07_transformer_block/train_char_model.ts";
import { LN_EPS } from "../../exercises/07_transformer_block/transformer_block.ts";

/** How to read the model: `causal` false lets every position see the whole poem (a diagnosis). */
export interface ReadOptions {
  causal?: boolean;
}

/**
 * Mean cross-entropy, in nats per predicted character, of a model on poems it
 * is given as ids: each poem's characters and its end mark are predicted from
 * what comes before them (END first), as the exercise trains it.
 *
 * @param model The weights (as trainCharModel returns them).
 * @param corpus The poems to score.
 * @param read `causal: false` to read it without the mask (to recognise a model trained without one).
 * @returns The validation loss, or a sentence saying which weight has the wrong shape.
 */
export function modelLoss(
  model: CharModel,
  corpus: Corpus,
  read: ReadOptions = {},
): number | string {
  const shapeError = checkShapes(model, corpus);
  if (shapeError) return shapeError;
  const { count, length: L, ids } = corpus;
  const T = L + 1;
  const V = corpus.symbols.length;
  return tf.tidy(() => {
    // Every weight as a tensor once, for all batches (the outer tidy disposes them).
    const made = new Map<unknown, tf.Tensor>();
    const t = (a: number[] | number[][]): tf.Tensor => {
      if (!made.has(a)) made.set(a, tf.tensor(a as number[][]));
      return made.get(a)!;
    };
    const b = model.block;
    for (const w of [model.embed, model.positions, model.gammaF, model.betaF, model.unembed]) t(w);
    for (const w of [model.bias, ...Object.values(b)]) t(w);
    const norm = (x: tf.Tensor, g: number[], be: number[]) => {
      const { mean, variance } = tf.moments(x, -1, true);
      return x.sub(mean).div(variance.add(LN_EPS).sqrt()).mul(t(g)).add(t(be));
    };
    const gelu = (z: tf.Tensor) =>
      z.mul(0.5).mul(tf.tanh(z.add(z.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI))).add(1));
    const dense = (x: tf.Tensor, W: number[][]) =>
      x.reshape([-1, x.shape.at(-1)!]).matMul(t(W)).reshape([x.shape[0], T, -1]);
    const mask = read.causal === false
      ? tf.zeros([T, T])
      : tf.linalg.bandPart(tf.ones([T, T]), -1, 0).sub(1).mul(1e9);
    let total = 0;
    for (let from = 0; from < count; from += 64) {
      const n = Math.min(64, count - from);
      const x = new Int32Array(n * T);
      const y = new Int32Array(n * T);
      for (let p = 0; p < n; p++) {
        const poem = ids.subarray((from + p) * L, (from + p + 1) * L);
        x.set(poem, p * T + 1);
        y.set(poem, p * T);
      }
      total += tf.tidy(() => {
        const h0 = tf.gather(t(model.embed), tf.tensor2d(x, [n, T], "int32")).add(
          t(model.positions),
        );
        const a = norm(h0, b.gamma1, b.beta1);
        const [q, k, v] = [dense(a, b.Wq), dense(a, b.Wk), dense(a, b.Wv)];
        const s = tf.matMul(q, k, false, true).div(Math.sqrt(b.Wq[0].length)).add(mask);
        const h = h0.add(dense(tf.matMul(tf.softmax(s), v), b.Wo));
        const m = dense(gelu(dense(norm(h, b.gamma2, b.beta2), b.W1).add(t(b.b1))), b.W2).add(
          t(b.b2),
        );
        const z = dense(norm(h.add(m), model.gammaF, model.betaF), model.unembed).add(
          t(model.bias),
        );
        const logp = tf.logSoftmax(z.reshape([n * T, V]));
        return -tf.sum(logp.mul(tf.oneHot(tf.tensor1d(y, "int32"), V))).dataSync()[0];
      });
    }
    return total / (count * T);
  });
}

/** A sentence naming the first weight whose shape does not fit the corpus, or null. */
function checkShapes(model: CharModel, corpus: Corpus): string | null {
  const V = corpus.symbols.length;
  const T = corpus.length + 1;
  if (typeof model !== "object" || model === null) return "expected the model's weights, an object";
  const d = Array.isArray(model.embed) && Array.isArray(model.embed[0]) ? model.embed[0].length : 0;
  const h = Array.isArray(model.block?.W1?.[0]) ? model.block.W1[0].length : 0;
  const dk = Array.isArray(model.block?.Wq?.[0]) ? model.block.Wq[0].length : 0;
  const dv = Array.isArray(model.block?.Wv?.[0]) ? model.block.Wv[0].length : 0;
  const want: Array<[string, unknown, number[]]> = [
    ["embed", model.embed, [V, d]],
    ["positions", model.positions, [T, d]],
    ["block.gamma1", model.block?.gamma1, [d]],
    ["block.beta1", model.block?.beta1, [d]],
    ["block.Wq", model.block?.Wq, [d, dk]],
    ["block.Wk", model.block?.Wk, [d, dk]],
    ["block.Wv", model.block?.Wv, [d, dv]],
    ["block.Wo", model.block?.Wo, [dv, d]],
    ["block.gamma2", model.block?.gamma2, [d]],
    ["block.beta2", model.block?.beta2, [d]],
    ["block.W1", model.block?.W1, [d, h]],
    ["block.b1", model.block?.b1, [h]],
    ["block.W2", model.block?.W2, [h, d]],
    ["block.b2", model.block?.b2, [d]],
    ["gammaF", model.gammaF, [d]],
    ["betaF", model.betaF, [d]],
    ["unembed", model.unembed, [d, V]],
    ["bias", model.bias, [V]],
  ];
  if (d === 0 || h === 0 || dk === 0 || dv === 0) {
    return "the model's embed, block.Wq, block.Wv and block.W1 must be non-empty matrices";
  }
  for (const [name, value, shape] of want) {
    if (!hasShape(value, shape)) {
      return `${name} must be a ${
        shape.join(" × ")
      } array of finite numbers (V = ${V} symbols, ${T} positions, d = ${d})`;
    }
  }
  return null;
}

/** Whether `v` is a nested array of finite numbers of exactly this shape. */
function hasShape(v: unknown, shape: number[]): boolean {
  if (shape.length === 0) return typeof v === "number" && Number.isFinite(v);
  return Array.isArray(v) && v.length === shape[0] && v.every((e) => hasShape(e, shape.slice(1)));
}
