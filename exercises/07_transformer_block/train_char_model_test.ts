// Do not edit: your work is checked against these.
import { expectClose, expectThrows, recordNote, reportProgress, test } from "../../lib/testing.ts";
import { rng } from "../../lib/random.ts";
import { tf } from "../../lib/tf.ts";
import {
  type Corpus,
  encodePoems,
  loadQuatrains,
  ngramBaselines,
  splitPoems,
  vocabularyOf,
} from "../../lib/quatrains.ts";
import { meanLoss, writePoem } from "../../lib/char_model.ts";
import { layerNorm } from "./layer_norm.ts";
import { transformerBlock } from "./transformer_block.ts";
import { trainCharModel } from "./train_char_model.ts";
import { sampleNext } from "./sample_next.ts";

/** Eight made-up "poems" of four symbols over a, b, c, d (ids 2…5; 0 is END, 1 unknown). */
const TINY: Corpus = encodePoems(
  ["abcd", "bcda", "cdab", "dabc", "abcd", "bcda", "cdab", "dabc"],
  ["\n", "\uFFFD", "a", "b", "c", "d"],
);
const SMALL = { d: 8, hidden: 16, steps: 4, batchSize: 4, learningRate: 0.01, seed: 1 };

test("trainCharModel() returns weights of the model's shapes and one loss per step", async () => {
  const m = await trainCharModel(TINY, SMALL);
  const shape = (a: unknown): number[] => Array.isArray(a) ? [a.length, ...shape(a[0])] : [];
  expectClose(
    {
      embed: shape(m.embed),
      positions: shape(m.positions),
      Wq: shape(m.block.Wq),
      W1: shape(m.block.W1),
      unembed: shape(m.unembed),
      bias: shape(m.bias),
      losses: m.losses.length,
    },
    {
      embed: [6, 8],
      positions: [5, 8],
      Wq: [8, 8],
      W1: [8, 16],
      unembed: [8, 6],
      bias: [6],
      losses: 4,
    },
    { what: "shapes for V = 6 symbols, 4 characters + END, d = 8, hidden = 16, 4 steps" },
  );
});

test("trainCharModel() throws a RangeError for an id outside the vocabulary", async () => {
  const bad = { ...TINY, ids: TINY.ids.map((id, i) => i === 5 ? 6 : id) }; // 6 ≥ V = 6
  let threw: unknown = null;
  try {
    await trainCharModel(bad, SMALL);
  } catch (e) {
    threw = e;
  }
  expectThrows(
    () => {
      if (threw) throw threw;
    },
    RangeError,
    "trainCharModel with id 6 in a vocabulary of 6",
  );
});

test("trainCharModel() leaves no tensor behind", async () => {
  const before = tf.memory().numTensors;
  await trainCharModel(TINY, SMALL);
  expectClose(tf.memory().numTensors - before, 0, {
    what: "tensors left alive after trainCharModel",
  });
});

test("trainCharModel() learns the tiny poems: its loss falls below half the first step's", async () => {
  const m = await trainCharModel(TINY, { ...SMALL, steps: 60, learningRate: 0.03 });
  expectClose(m.losses[59] < m.losses[0] / 2, true, {
    what: `loss ${m.losses[0].toFixed(3)} at step 1, ${m.losses[59].toFixed(3)} at step 60`,
  });
});

test(
  "trainCharModel() beats the bigram on held-out quatrains (read with your own block)",
  async () => {
    const { train, valid } = splitPoems(await loadQuatrains(), 0.1);
    const symbols = vocabularyOf(train);
    const steps = 300;
    const model = await trainCharModel(encodePoems(train, symbols), {
      d: 32,
      hidden: 128,
      steps,
      batchSize: 32,
      learningRate: 0.01,
      seed: 7,
      onStep: (step, loss) => reportProgress({ step, loss }),
    });
    const read = { block: transformerBlock, norm: layerNorm };
    const loss = meanLoss(model, encodePoems(valid, symbols), read);
    const { bigram } = ngramBaselines(train, valid);
    // Greedy: the most likely character each time (your sampleNext with temperature 0 does this).
    const greedy = writePoem(model, symbols, 24, read, (z) => z.indexOf(Math.max(...z)));
    expectClose(loss < bigram, true, {
      what: `validation loss ${loss.toFixed(3)} nats/char against the bigram's ${
        bigram.toFixed(3)
      } (it writes, greedily: ${greedy})`,
    });
    // It passed: let it write, with your sampleNext once it is done (exercise sample_next).
    recordNote(`validation loss ${loss.toFixed(3)} nats/char; the bigram's ${bigram.toFixed(3)}`);
    recordNote(`greedy (temperature 0): ${greedy}`);
    const u = rng(2024);
    for (const [temperature, topK] of [[0.8, 20], [1, 0]]) {
      try {
        const pick = (z: number[]) => sampleNext(z, { temperature, topK, u: u.next() });
        const poem = writePoem(model, symbols, 24, read, pick);
        recordNote(`temperature ${temperature}, top-k ${topK || "all"}: ${poem}`);
      } catch (e) {
        recordNote(`(to sample, finish sample_next: ${(e as Error).message})`);
        break;
      }
    }
  },
  { long: true },
);
