/**
 * Wall time to grade one full submission against every hidden test of the
 * lessons that exist, and the per-child overhead of the sandbox, measured
 * side by side in one run. Prints medians.
 *
 *   deno run -A bench/grade.ts [--runs 5]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { gradeSubmission } from "../grader/grade.ts";
import { denoCacheDir, Judge } from "../grader/judge.ts";
import { stageSubmission } from "../grader/submission.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "5" } },
});
const RUNS = Number(values.runs);

// 1. Whole submission, in process (what grade-all's workers do) and as the CLI.
const inProcess: number[] = [];
const cli: number[] = [];
let cases = 0;
let childStarts = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = await gradeSubmission(join(ROOT, "solutions"), { repoRoot: ROOT });
  inProcess.push(performance.now() - t0);
  cases = r.exercises.reduce((n, e) => n + e.cases.length, 0);
  childStarts = r.timings.childStarts;
  if (r.score !== r.max) throw new Error("the reference solutions did not score full marks");
  const c0 = performance.now();
  await new Deno.Command(Deno.execPath(), {
    args: ["task", "grade", "solutions", "--format", "json", "--out", "/dev/null"],
    cwd: ROOT,
    stdout: "null",
    stderr: "null",
  }).output();
  cli.push(performance.now() - c0);
}

// 2. Per-child overhead: a cold child's first call versus the same call on a warm child.
const staged = await stageSubmission(join(ROOT, "solutions"), ROOT);
const denoDir = await denoCacheDir();
const call = {
  file: pathToFileURL(join(staged.dir, "exercises/01_linear_regression/predict.ts")).href,
  entry: "predict",
  args: [[[1, 2], [3, 4]], [0.5, -1], 2],
  timeLimitMs: 10_000,
};
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < RUNS * 2; i++) {
  const judge = new Judge({ stageDir: staged.dir, repoRoot: ROOT, denoDir });
  const t0 = performance.now();
  judge.start([]); // predict needs neither tfjs nor mathjs: the child's own start alone
  await judge.call(call);
  cold.push(performance.now() - t0);
  const t1 = performance.now();
  await judge.call(call);
  warm.push(performance.now() - t1);
  await judge.close();
}
await staged.cleanup();

console.log(
  `grading, median of ${RUNS} runs, ${Deno.build.os}, deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores`,
);
console.log(
  `  full submission (${cases} hidden cases, ${childStarts} child), in process: ${
    median(inProcess).toFixed(0)
  } ms`,
);
console.log(
  `  full submission, \`deno task grade\` end to end:            ${median(cli).toFixed(0)} ms`,
);
console.log(
  `  child: first call (start + import) ${median(cold).toFixed(0)} ms, warm call ${
    median(warm).toFixed(2)
  } ms,`,
);
console.log(`         overhead per child ${(median(cold) - median(warm)).toFixed(0)} ms`);
