/**
 * Scanning a hostile 512 KiB file before anything runs (issue 10): the
 * grader's lexer-based scan (`grader/scan.ts` and `mathjsUse`) beside the
 * regular-expression scanner it replaced (`bench/baseline/scan_regex.ts`),
 * in one run. Prints medians.
 *
 *   deno run -A bench/scan.ts [--runs 5] [--baseline-runs 1] [--kib 512]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { scanFile } from "../grader/scan.ts";
import { mathjsUse } from "../grader/fast_mathjs.ts";
import { scanFile as regexScan } from "./baseline/scan_regex.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string", default: "5" },
    "baseline-runs": { type: "string", default: "1" },
    kib: { type: "string", default: "512" },
  },
});
const bytes = Number(values.kib) * 1024;
const FILES: Record<string, string> = {
  "`import ` repeated": "import ".repeat(Math.floor(bytes / 7)),
  "`import {` repeated": "import {".repeat(Math.floor(bytes / 8)),
};
const OPS = ["matMul", "dot", "losses.meanSquaredError"];

function time(f: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

console.log(`scanning a hostile ${values.kib} KiB file (median ms; baseline: the regex scanner)`);
for (const [name, src] of Object.entries(FILES)) {
  const now = time(() => {
    scanFile("/stage", "exercises/01_x/a.ts", src);
    mathjsUse([src]);
  }, Number(values.runs));
  const before = time(
    () => regexScan("/stage", "exercises/01_x/a.ts", src, OPS),
    Number(values["baseline-runs"]),
  );
  console.log(
    `  ${name}: lexer ${now.toFixed(1)} ms, regex baseline ${before.toFixed(0)} ms (${
      (before / now).toFixed(0)
    }x)`,
  );
}
