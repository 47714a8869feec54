/**
 * Reading a trained character model (lesson 07's `train_char_model`) with
 * plain arrays and the block you wrote yourself: the scores for the next
 * character after a context, the mean loss on poems, and poems written one
 * character at a time. Nothing here trains; tfjs is not needed.
 *
 * @module
 */
import type { Matrix } from "./types.ts";
import type { Corpus } from "./quatrains.ts";
import type { CharModel } from "../exercises/07_transformer_block/train_char_model.ts";
import { type BlockParams, LN_EPS } from "../exercises/07_transformer_block/transformer_block.ts";

/** The parts of lesson 07 a model is read with: your `transformerBlock` and `layerNorm`. */
export interface Reader {
  block: (x: Matrix, params: BlockParams) => Matrix;
  norm: (x: Matrix, gamma: number[], beta: number[], eps?: number) => Matrix;
}

/**
 * The model's scores (logits) for the symbol after each prefix of a context:
 * row t scores what follows `context[0..t]`.
 *
 * @param model The trained weights.
 * @param context Ids, END (0) first; at most `model.positions.length` of them.
 * @param read Your block and layer norm.
 * @returns One row of V scores per position of the context.
 * @throws {RangeError} When the context is empty, longer than the model's positions, or holds an unknown id.
 */
export function nextScores(model: CharModel, context: number[], read: Reader): Matrix {
  const V = model.embed.length;
  if (
    context.length === 0 || context.length > model.positions.length ||
    context.some((id) => !(Number.isInteger(id) && id >= 0 && id < V))
  ) {
    throw new RangeError(
      `Cannot read a context of ${context.length} ids: it needs 1…${model.positions.length} ids in 0…${
        V - 1
      }`,
    );
  }
  const h0 = context.map((id, t) => model.embed[id].map((e, j) => e + model.positions[t][j]));
  const f = read.norm(read.block(h0, model.block), model.gammaF, model.betaF, LN_EPS);
  return f.map((row) =>
    model.bias.map((b, c) => row.reduce((s, v, j) => s + v * model.unembed[j][c], b))
  );
}

/** log softmax of one row, computed stably (the row's maximum subtracted first). */
function logSoftmax(z: number[]): number[] {
  const max = Math.max(...z);
  const lse = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
  return z.map((v) => v - lse);
}

/**
 * The model's mean cross-entropy on poems, in nats per predicted character
 * (each character and the end mark, predicted from what comes before).
 *
 * @param model The trained weights.
 * @param corpus The poems (ids of the model's vocabulary).
 * @param read Your block and layer norm.
 * @returns The mean loss.
 */
export function meanLoss(model: CharModel, corpus: Corpus, read: Reader): number {
  let total = 0;
  const L = corpus.length;
  for (let p = 0; p < corpus.count; p++) {
    const poem = Array.from(corpus.ids.subarray(p * L, (p + 1) * L));
    const scores = nextScores(model, [0, ...poem], read);
    [...poem, 0].forEach((want, t) => total -= logSoftmax(scores[t])[want]);
  }
  return total / (corpus.count * (L + 1));
}

/**
 * Writes a poem one character at a time: the model scores the next symbol
 * after what it has written so far, and `pick` chooses one from the scores.
 *
 * @param model The trained weights.
 * @param symbols The vocabulary (`corpus.symbols`).
 * @param length How many characters to write.
 * @param read Your block and layer norm.
 * @param pick Chooses an id from one row of scores (e.g. your `sampleNext` with a seeded u).
 * @returns The poem's characters.
 */
export function writePoem(
  model: CharModel,
  symbols: string[],
  length: number,
  read: Reader,
  pick: (scores: number[]) => number,
): string {
  const context = [0];
  while (context.length <= length) {
    context.push(pick(nextScores(model, context, read).at(-1)!));
  }
  return context.slice(1).map((id) => symbols[id]).join("");
}
