/**
 * How well `train_char_model`'s hidden cases separate the reference from a
 * model trained without the causal mask, over many seeds, and what each costs:
 * every case runs as the grader draws it (its own `args`, its own `check`),
 * on the reference solution and on the reference with the mask line removed,
 * in this process. Prints, per case, how many seeds the reference passes, how
 * many the maskless model fails, and the median training time of the
 * reference.
 *
 *   deno run -A bench/char_cases.ts [--seeds 40] [--cases learns-nothing-from-the-future]
 *     [--steps N] [--batch N] [--lr X]
 *
 * `--steps`, `--batch` and `--lr` replace the case's training options, to see
 * what a shorter case would still catch.
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import hidden from "../course/07_transformer_block/train_char_model/hidden.ts";
import { rng } from "../lib/random.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: {
    seeds: { type: "string", default: "40" },
    cases: { type: "string", default: "learns-nothing-from-the-future" },
    steps: { type: "string" },
    batch: { type: "string" },
    lr: { type: "string" },
  },
});
const SEEDS = Number(values.seeds);
const WANTED = values.cases.split(",");
/** The training options the command line replaces. */
const OVERRIDE = {
  ...(values.steps ? { steps: Number(values.steps) } : {}),
  ...(values.batch ? { batchSize: Number(values.batch) } : {}),
  ...(values.lr ? { learningRate: Number(values.lr) } : {}),
};

type Train = (...args: unknown[]) => Promise<unknown>;
const REF = join(ROOT, "solutions/07_transformer_block/train_char_model.ts");
const MASK_LINE = ".add(mask); // [B, T, T]";
const source = await Deno.readTextFile(REF);
if (!source.includes(MASK_LINE)) throw new Error(`the reference no longer holds ${MASK_LINE}`);
// The maskless copy sits beside the reference, so its relative imports resolve the same way.
const maskless = join(ROOT, "solutions/07_transformer_block/_bench_maskless.ts");
await Deno.writeTextFile(maskless, source.replace(MASK_LINE, "; // no mask"));
try {
  const ref = (await import(pathToFileURL(REF).href)).trainCharModel as Train;
  const bad = (await import(pathToFileURL(maskless).href)).trainCharModel as Train;
  console.log(
    `train_char_model's hidden cases, ${SEEDS} seeds, reference vs no causal mask` +
      (Object.keys(OVERRIDE).length ? `, options replaced: ${JSON.stringify(OVERRIDE)}` : ""),
  );
  for (const c of hidden.filter((c) => WANTED.includes(c.id))) {
    let refPass = 0;
    let caught = 0;
    const ms: number[] = [];
    for (let s = 0; s < SEEDS; s++) {
      const args = c.args(rng(1000 + s));
      args[1] = { ...(args[1] as object), ...OVERRIDE };
      const t0 = performance.now();
      const good = await ref(...structuredClone(args));
      ms.push(performance.now() - t0);
      if (c.check!(good, args) === null) refPass++;
      if (c.check!(await bad(...structuredClone(args)), args) !== null) caught++;
    }
    console.log(
      `  ${c.id}: reference passes ${refPass}/${SEEDS}, maskless caught ${caught}/${SEEDS}, ` +
        `reference trains in ${median(ms).toFixed(0)} ms (median)`,
    );
  }
} finally {
  await Deno.remove(maskless);
}
