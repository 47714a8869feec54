/**
 * Grading a class: N synthetic submissions (correct, partly wrong,
 * hostile, broken) graded by `deno task grade-all`, with wall time and the
 * peak memory of the whole process tree (the grader and its sandboxed
 * children, sampled from /proc every 50 ms). Each run grades into a fresh
 * folder; the default jobs and a serial baseline (`--jobs 1`, as nbgrader
 * grades) alternate, and the medians and their ratio are reported. Last,
 * one run again into a finished folder, which resumes and grades nothing.
 *
 *   deno run -A bench/class.ts [--n 100] [--runs 3] [--jobs N] [--baseline-jobs 1|0]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { makeClass } from "../dev/synth_class.ts";
import { median } from "./_stats.ts";
import { LESSONS } from "../course/manifest.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: {
    n: { type: "string", default: "100" },
    runs: { type: "string", default: "3" },
    jobs: { type: "string" },
    "baseline-jobs": { type: "string", default: "1" },
    // e.g. the exercises of lessons 01–02, to compare with the README's figure for them
    only: { type: "string" },
    lessons: { type: "string" },
  },
});
const N = Number(values.n);
const RUNS = Math.max(1, Number(values.runs));
const BASELINE = Number(values["baseline-jobs"]);
/** `--lessons 01,02`: grade only those lessons' exercises (`--only` lists exercises directly). */
const ONLY = values.only ??
  (values.lessons
    ? LESSONS.filter((l) => values.lessons!.split(",").some((n) => l.dir.startsWith(n)))
      .flatMap((l) => l.exercises.map((e) => e.name)).join(",")
    : undefined);

function treeRssKiB(pid: number): number {
  // Sum VmRSS over pid and all its descendants.
  const children = new Map<number, number[]>();
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${e.name}/stat`);
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e.name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(Deno.readTextFileSync(`/proc/${p}/status`));
      if (m) total += Number(m[1]);
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function run(
  classDir: string,
  outDir: string,
  jobs?: string,
): Promise<{ ms: number; peakMiB: number; out: string }> {
  const t0 = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "task",
      "grade-all",
      classDir,
      "--out",
      outDir,
      ...(jobs ? ["--jobs", jobs] : []),
      ...(ONLY ? ["--only", ONLY] : []),
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  let peak = 0;
  // Every 500 ms: reading /proc for the whole tree costs CPU the graded class would otherwise get.
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid))), 500);
  const out = await child.output();
  clearInterval(timer);
  return {
    ms: performance.now() - t0,
    peakMiB: peak / 1024,
    out: new TextDecoder().decode(out.stdout).trim(),
  };
}

const classDir = await Deno.makeTempDir({ prefix: "tensorlings-class-" });
const outRoot = await Deno.makeTempDir({ prefix: "tensorlings-out-" });
try {
  const made = await makeClass(classDir, N, 7);
  const counts: Record<string, number> = {};
  for (const m of made) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  const main: Array<Awaited<ReturnType<typeof run>>> = [];
  const base: Array<Awaited<ReturnType<typeof run>>> = [];
  let k = 0;
  for (let r = 0; r < RUNS; r++) {
    main.push(await run(classDir, join(outRoot, `run${k++}`), values.jobs));
    if (BASELINE > 0) base.push(await run(classDir, join(outRoot, `run${k++}`), String(BASELINE)));
  }
  const again = await run(classDir, join(outRoot, "run0"), values.jobs);
  const jobs = values.jobs ?? `${navigator.hardwareConcurrency} (default: the cores)`;
  const fmt = (xs: typeof main) =>
    `${(median(xs.map((x) => x.ms)) / 1000).toFixed(1)} s median of ${xs.length} (${
      xs.map((x) => (x.ms / 1000).toFixed(1)).join(", ")
    }), peak memory ${Math.max(...xs.map((x) => x.peakMiB)).toFixed(0)} MiB`;
  console.log(
    `class of ${N} (${
      JSON.stringify(counts)
    }), ${navigator.hardwareConcurrency} cores, deno ${Deno.version.deno}`,
  );
  console.log(`  grade-all, jobs ${jobs}: ${fmt(main)}`);
  if (base.length) {
    console.log(`  grade-all, jobs ${BASELINE}:  ${fmt(base)}`);
    console.log(
      `  speed-up:           ${
        (median(base.map((x) => x.ms)) / median(main.map((x) => x.ms))).toFixed(2)
      }× (medians, runs alternating)`,
    );
  }
  console.log(
    `  re-run (resume):    ${(again.ms / 1000).toFixed(1)} s, peak ${again.peakMiB.toFixed(0)} MiB`,
  );
  console.log(
    `  per submission:     ${(median(main.map((x) => x.ms)) / N).toFixed(0)} ms of wall time`,
  );
  console.log(`  ${main[0].out}`);
  const csv = await Deno.readTextFile(join(outRoot, "run0", "gradebook.csv"));
  console.log(`  gradebook.csv rows: ${csv.trim().split("\n").length - 1}`);
} finally {
  await Deno.remove(classDir, { recursive: true });
  await Deno.remove(outRoot, { recursive: true });
}
