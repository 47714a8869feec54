/**
 * Save-to-verdict latency of the learner's loop in watch mode, in a real
 * pseudo-terminal, for a plain-TypeScript exercise and a tfjs exercise;
 * measured side by side with the obvious alternative (spawning
 * `deno test --no-check` per save). Prints medians and ratios.
 *
 *   deno run -A bench/loop_latency.ts [--saves 15]
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { copyKit } from "../dev/kit.ts";
import { PtyLoop } from "../dev/pty.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: { saves: { type: "string", default: "15" }, "no-typecheck": { type: "boolean" } },
});
const SAVES = Number(values.saves);
const EXTRA = values["no-typecheck"] ? ["--no-typecheck"] : [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(lessonDir: string, name: string) {
  const kit = await Deno.makeTempDir({ prefix: "tensorlings-bench-" });
  await copyKit(ROOT, kit);
  const file = join(kit, "exercises", lessonDir, `${name}.ts`);
  const solution = await Deno.readTextFile(join(ROOT, "solutions", lessonDir, `${name}.ts`));
  // The baseline needs a config that does not exclude exercises/ from `deno test`.
  const config = JSON.parse(await Deno.readTextFile(join(kit, "deno.json")));
  delete config.test;
  await Deno.writeTextFile(join(kit, "bench.json"), JSON.stringify(config));
  const loop = new PtyLoop(kit, [name, ...EXTRA]);
  const loopMs: number[] = [];
  const spawnMs: number[] = [];
  try {
    let at = await loop.waitFor(/public tests (failed|pass)/, 0, 30000);
    for (let i = 0; i < SAVES; i++) {
      // A different content each save (a comment), so no save is a no-op.
      await sleep(1200); // let the background type check of the last save finish
      const t0 = performance.now();
      await Deno.writeTextFile(file, `${solution}\n// save ${i}\n`);
      at = await loop.waitFor(/public tests pass/, at, 30000);
      loopMs.push(performance.now() - t0);

      const s0 = performance.now();
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "test",
          "--no-check",
          "-A",
          "--config",
          "bench.json",
          join("exercises", lessonDir, `${name}_test.ts`),
        ],
        cwd: kit,
        stdout: "null",
        stderr: "piped",
      }).output();
      if (!out.success) {
        throw new Error(`the baseline failed: ${new TextDecoder().decode(out.stderr)}`);
      }
      spawnMs.push(performance.now() - s0);
    }
  } finally {
    await loop.quit().catch(() => {});
    await Deno.remove(kit, { recursive: true });
  }
  return { name, loop: median(loopMs), spawn: median(spawnMs), n: loopMs.length };
}

const rows = [
  await measure("01_linear_regression", "predict"),
  await measure("02_gradient_descent", "tf_gradient"),
];
console.log(
  `save-to-verdict latency, median of ${SAVES} saves (ms), ${Deno.build.os}, deno ${Deno.version.deno}`,
);
console.log("exercise        loop (watch, pty)   deno test --no-check per save   ratio");
for (const r of rows) {
  console.log(
    `${r.name.padEnd(15)} ${r.loop.toFixed(0).padStart(8)}            ${
      r.spawn.toFixed(0).padStart(8)
    }                      ${(r.spawn / r.loop).toFixed(1)}×`,
  );
}
