/**
 * Save-to-verdict latency of the learner's loop in watch mode, in a real
 * pseudo-terminal, for a plain-TypeScript exercise and a tfjs exercise;
 * measured side by side with the obvious alternative (spawning
 * `deno test --no-check` per save) and, with `--compare DIR`, with the loop
 * of another checkout of the repository (e.g. `main`, extracted with
 * `git archive main | tar -x -C DIR`), saves alternating between the two.
 * Prints medians and ratios.
 *
 *   deno run -A bench/loop_latency.ts [--saves 15] [--no-typecheck] [--compare DIR]
 *     [--exercises predict,tf_gradient]   (any exercises, e.g. conv2d)
 *
 * @module
 */
import { findExercise } from "../course/manifest.ts";
import { join, resolve } from "node:path";
import { pathToFileURL as toFileUrl } from "node:url";
import { parseArgs } from "node:util";
import { copyKit } from "../dev/kit.ts";
import { PtyLoop } from "../dev/pty.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: {
    saves: { type: "string", default: "15" },
    "no-typecheck": { type: "boolean" },
    compare: { type: "string" },
    // e.g. conv2d: any exercises of the course, by name
    exercises: { type: "string", default: "predict,tf_gradient" },
  },
});
const SAVES = Number(values.saves);
const EXTRA = values["no-typecheck"] ? ["--no-typecheck"] : [];
const COMPARE = values.compare ? resolve(values.compare) : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loop on a scratch kit copied from `root`, and the file a save rewrites. */
async function start(root: string, lessonDir: string, name: string) {
  const kit = await Deno.makeTempDir({ prefix: "tensorlings-bench-" });
  // A baseline tree is copied by its own kit rules (the kit's layout changes between versions).
  const copy: typeof copyKit = root === COMPARE
    ? (await import(toFileUrl(join(root, "dev", "kit.ts")).href)).copyKit
    : copyKit;
  await copy(root, kit);
  const loop = new PtyLoop(kit, [name, ...EXTRA]);
  const at = await loop.waitFor(/public tests (failed|pass)/, 0, 30000);
  return {
    kit,
    loop,
    at,
    file: join(kit, "exercises", lessonDir, `${name}.ts`),
    ms: [] as number[],
  };
}

async function measure(lessonDir: string, name: string) {
  const solution = await Deno.readTextFile(join(ROOT, "solutions", lessonDir, `${name}.ts`));
  const loops = [await start(ROOT, lessonDir, name)];
  if (COMPARE) loops.push(await start(COMPARE, lessonDir, name));
  const kit = loops[0].kit;
  // The baseline needs a config that does not exclude exercises/ from `deno test`.
  const config = JSON.parse(await Deno.readTextFile(join(kit, "deno.json")));
  delete config.test;
  await Deno.writeTextFile(join(kit, "bench.json"), JSON.stringify(config));
  const spawnMs: number[] = [];
  try {
    for (let i = 0; i < SAVES; i++) {
      // Alternate which loop goes first, so neither always has the quieter machine.
      for (const l of i % 2 ? [...loops].reverse() : loops) {
        // A different content each save (a comment), so no save is a no-op.
        await sleep(1200); // let the background type check of the last save finish
        const t0 = performance.now();
        await Deno.writeTextFile(l.file, `${solution}\n// save ${i}\n`);
        l.at = await l.loop.waitFor(/public tests pass/, l.at, 30000);
        l.ms.push(performance.now() - t0);
      }

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
    for (const l of loops) {
      await l.loop.quit().catch(() => {});
      await Deno.remove(l.kit, { recursive: true });
    }
  }
  return {
    name,
    loop: median(loops[0].ms),
    other: COMPARE ? median(loops[1].ms) : NaN,
    spawn: median(spawnMs),
  };
}

const rows = [];
for (const name of values.exercises.split(",")) {
  const ex = findExercise(name);
  if (!ex) {
    console.error(`error: no exercise named ${name} (see course/manifest.ts)`);
    Deno.exit(2);
  }
  rows.push(await measure(ex.lesson.dir, name));
}
console.log(
  `save-to-verdict latency, median of ${SAVES} saves (ms), ${Deno.build.os}, deno ${Deno.version.deno}`,
);
const head = COMPARE ? `   ${"compared loop".padStart(13)}` : "";
console.log(`exercise        loop (watch, pty)${head}   deno test --no-check per save   ratio`);
for (const r of rows) {
  const other = COMPARE ? `   ${r.other.toFixed(0).padStart(13)}` : "";
  console.log(
    `${r.name.padEnd(15)} ${r.loop.toFixed(0).padStart(8)}         ${other}   ${
      r.spawn.toFixed(0).padStart(8)
    }                      ${(r.spawn / r.loop).toFixed(1)}×`,
  );
}
if (COMPARE) console.log(`compared loop: ${COMPARE}`);
