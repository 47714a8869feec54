/**
 * Grading a class: N synthetic submissions (correct, partly wrong,
 * hostile, broken) graded by `deno task grade-all`, with wall time and the
 * peak memory of the whole process tree (the grader and its sandboxed
 * children, sampled from /proc every 50 ms); then the same run again,
 * which resumes and grades nothing.
 *
 *   deno run -A bench/class.ts [--n 100] [--jobs 2]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { makeClass } from "../dev/synth_class.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: { n: { type: "string", default: "100" }, jobs: { type: "string" } },
});
const N = Number(values.n);

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
): Promise<{ ms: number; peakMiB: number; out: string }> {
  const t0 = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "task",
      "grade-all",
      classDir,
      "--out",
      outDir,
      ...(values.jobs ? ["--jobs", values.jobs] : []),
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid))), 50);
  const out = await child.output();
  clearInterval(timer);
  return {
    ms: performance.now() - t0,
    peakMiB: peak / 1024,
    out: new TextDecoder().decode(out.stdout).trim(),
  };
}

const classDir = await Deno.makeTempDir({ prefix: "tensorlings-class-" });
const outDir = await Deno.makeTempDir({ prefix: "tensorlings-out-" });
try {
  const made = await makeClass(classDir, N, 7);
  const counts: Record<string, number> = {};
  for (const m of made) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  const first = await run(classDir, outDir);
  const again = await run(classDir, outDir);
  console.log(
    `class of ${N} (${
      JSON.stringify(counts)
    }), ${navigator.hardwareConcurrency} cores, deno ${Deno.version.deno}`,
  );
  console.log(
    `  grade-all:           ${(first.ms / 1000).toFixed(1)} s, peak memory of the process tree ${
      first.peakMiB.toFixed(0)
    } MiB`,
  );
  console.log(
    `  re-run (resume):     ${(again.ms / 1000).toFixed(1)} s, peak ${
      again.peakMiB.toFixed(0)
    } MiB`,
  );
  console.log(`  per submission:      ${(first.ms / N).toFixed(0)} ms of wall time`);
  console.log(`  ${first.out}`);
  const csv = await Deno.readTextFile(join(outDir, "gradebook.csv"));
  console.log(`  gradebook.csv rows:  ${csv.trim().split("\n").length - 1}`);
} finally {
  await Deno.remove(classDir, { recursive: true });
  await Deno.remove(outDir, { recursive: true });
}
