/**
 * What a child that floods its output just under the per-call cap costs the
 * grader (the trusted side, shared by every job of a class run): 31 MiB of
 * empty lines, and 31 MiB of one-character lines, in one call each. Prints
 * the medians of the call's wall time and of the grader's own CPU time.
 *
 *   deno run -A bench/output_flood.ts [--runs 3]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import process from "node:process";
import { denoCacheDir, Judge } from "../grader/judge.ts";
import { stageSubmission } from "../grader/submission.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "3" } },
});
const RUNS = Number(values.runs);
const staged = await stageSubmission(join(ROOT, "solutions"), ROOT);
const judge = new Judge({ stageDir: staged.dir, repoRoot: ROOT, denoDir: await denoCacheDir() });
const probe = join(staged.dir, "exercises", "probe.ts");
await Deno.writeTextFile(
  probe,
  `function flood(line: string) {
  const one = new TextEncoder().encode(line);
  const b = new Uint8Array(31 * 1024 * 1024);
  for (let i = 0; i < b.length; i++) b[i] = one[i % one.length];
  let at = 0;
  while (at < b.length) at += Deno.stdout.writeSync(b.subarray(at));
  return 7;
}
export const emptyLines = () => flood("\\n");
export const shortLines = () => flood("a\\n");
`,
);
try {
  console.log(`output floods of 31 MiB in one call, median of ${RUNS}`);
  for (const entry of ["emptyLines", "shortLines"]) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const u0 = process.cpuUsage();
      const t0 = performance.now();
      const a = await judge.call({
        file: pathToFileURL(probe).href,
        entry,
        args: [],
        timeLimitMs: 60_000,
      });
      wall.push(performance.now() - t0);
      const u = process.cpuUsage(u0);
      cpu.push((u.user + u.system) / 1000);
      if (a.status !== "ok" || a.value !== 7) throw new Error(`${entry}: ${JSON.stringify(a)}`);
    }
    console.log(
      `  ${entry}: ${median(wall).toFixed(0)} ms of wall time, ${
        median(cpu).toFixed(0)
      } ms of the grader's CPU`,
    );
  }
} finally {
  await judge.close();
  await staged.cleanup();
}
