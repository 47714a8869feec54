/**
 * The capstone of lesson 07: training the one-block character model (the
 * reference `trainCharModel`) on the quatrains exactly as its public long
 * check does, on the wasm backend. Prints, per seed and as medians: the
 * training time and the final validation loss (read by the grader's model)
 * next to the unigram and bigram baselines.
 *
 *   deno run -A bench/capstone.ts [--seeds 7,8,9] [--steps 300]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "../lib/tf.ts";
import {
  encodePoems,
  loadQuatrains,
  ngramBaselines,
  splitPoems,
  vocabularyOf,
} from "../lib/quatrains.ts";
import { trainCharModel } from "../solutions/07_transformer_block/train_char_model.ts";
import { modelLoss } from "../course/07_transformer_block/_char_model.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    seeds: { type: "string", default: "7,8,9" },
    steps: { type: "string", default: "300" },
  },
});
const seeds = values.seeds.split(",").map(Number);
const steps = Number(values.steps);

const { train, valid } = splitPoems(await loadQuatrains(), 0.1);
const symbols = vocabularyOf(train);
const base = ngramBaselines(train, valid);
const trainIds = encodePoems(train, symbols);
const validIds = encodePoems(valid, symbols);
console.log(
  `backend ${tf.getBackend()}; ${train.length} training poems, ${valid.length} held out, V = ${symbols.length}; ` +
    `d 32, hidden 128, ${steps} steps of 32 poems, Adam 0.01 (the public long check)`,
);
console.log(
  `baselines on the held-out poems: unigram ${base.unigram.toFixed(3)}, bigram ${
    base.bigram.toFixed(3)
  } nats/char`,
);
const rows: Array<{ seconds: number; loss: number }> = [];
for (const seed of seeds) {
  const t0 = performance.now();
  const model = await trainCharModel(trainIds, {
    d: 32,
    hidden: 128,
    steps,
    batchSize: 32,
    learningRate: 0.01,
    seed,
  });
  const seconds = (performance.now() - t0) / 1000;
  const loss = modelLoss(model, validIds) as number;
  rows.push({ seconds, loss });
  console.log(
    `seed ${seed}: trained in ${seconds.toFixed(1)} s (${
      (1000 * seconds / steps).toFixed(0)
    } ms/step); ` +
      `validation loss ${loss.toFixed(3)} (bigram − ${(base.bigram - loss).toFixed(3)}); ` +
      `last training loss ${model.losses.at(-1)!.toFixed(3)}`,
  );
}
console.log(
  `median: ${median(rows.map((r) => r.seconds)).toFixed(1)} s to train, validation loss ${
    median(rows.map((r) => r.loss)).toFixed(3)
  } against unigram ${base.unigram.toFixed(3)} and bigram ${
    base.bigram.toFixed(3)
  } (target ≤ 180 s)`,
);
