/**
 * One call with a large argument (X of 1M × 2 = 2M float64s, predict), sent
 * by reference (a binary file in the staging folder, grader/tensors.ts)
 * against the same call sent as JSON on the call's line, alternating in one
 * run. Prints medians.
 *
 *   deno run -A bench/tensors.ts [--runs 5] [--rows 1000000]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { denoCacheDir, Judge } from "../grader/judge.ts";
import { stageSubmission } from "../grader/submission.ts";
import { randomMatrix, rng } from "../lib/random.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "5" }, rows: { type: "string", default: "1000000" } },
});
const RUNS = Number(values.runs);
const ROWS = Number(values.rows);

const staged = await stageSubmission(join(ROOT, "solutions"), ROOT);
const denoDir = await denoCacheDir();
const file = pathToFileURL(join(staged.dir, "exercises/01_linear_regression/predict.ts")).href;
const r = rng(1);
const args = [randomMatrix(r, ROWS, 2), [r.normal(), r.normal()], 0.5];
const times: Record<"reference" | "json", number[]> = { reference: [], json: [] };
for (let i = 0; i < RUNS; i++) {
  for (const way of ["reference", "json"] as const) {
    const judge = new Judge({
      stageDir: staged.dir,
      repoRoot: ROOT,
      denoDir,
      tensorMinNumbers: way === "json" ? Infinity : undefined,
    });
    // Load the module first, so only the call is timed.
    await judge.load(file, "predict");
    const t0 = performance.now();
    const a = await judge.call({ file, entry: "predict", args, timeLimitMs: 60_000 });
    times[way].push(performance.now() - t0);
    if (a.status !== "ok") throw new Error(`${way}: ${a.status} ${a.error?.message ?? ""}`);
    await judge.close();
  }
}
await staged.cleanup();
const ref = median(times.reference);
const json = median(times.json);
console.log(
  `one predict call with X of ${ROWS} × 2 (${
    2 * ROWS
  } float64s), median of ${RUNS}, ${navigator.hardwareConcurrency} cores`,
);
console.log(`  by reference (binary file): ${ref.toFixed(0)} ms`);
console.log(`  as JSON on the call's line: ${json.toFixed(0)} ms  (${(json / ref).toFixed(2)}×)`);
