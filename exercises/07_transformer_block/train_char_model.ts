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
  // TODO: check the corpus and the options (RangeError); make the weights as tf.variable()s
  // TODO: (small random values; γ = 1, β = 0); write the loss of a batch as the doc above says,
  // TODO: with tf.gather for the embedding and a causal mask on the scores; then, each step,
  // TODO: pick batchSize poems, build x and y, optimizer.minimize(loss), record the loss and
  // TODO: call onStep; finally read every weight with .array() and dispose what you created.
  throw new Error("Not implemented: trainCharModel (lesson 07)");
}
