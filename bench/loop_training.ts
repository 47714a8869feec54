/**
 * The learner's loop on a long ("training") exercise, in watch mode in a
 * real pseudo-terminal: a scratch kit with the training fixture
 * (`dev/training_fixture.ts`, 25 epochs of `--epoch-ms` each, a progress
 * report per epoch). Measures, as medians:
 *
 * - save → the first progress of the new run on screen (the previous run had
 *   finished; target ≤ 250 ms);
 * - save during training → the screen says the running check was stopped
 *   (target ≤ 100 ms), and → the new run's first progress.
 *
 *   deno run -A bench/loop_training.ts [--saves 10] [--epoch-ms 50]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { copyKit } from "../dev/kit.ts";
import { PtyLoop } from "../dev/pty.ts";
import { addTrainingExercise, TRAINING_FILE, trainingSource } from "../dev/training_fixture.ts";
import { median } from "./_stats.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  args: Deno.args,
  options: {
    saves: { type: "string", default: "10" },
    "epoch-ms": { type: "string", default: "50" },
  },
});
const SAVES = Number(values.saves);
const EPOCH_MS = Number(values["epoch-ms"]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the first screen frame after `from` that `ok` accepts; returns where it ends. */
async function waitFrame(loop: PtyLoop, from: number, ok: (frame: string) => boolean) {
  const t0 = Date.now();
  while (Date.now() - t0 < 30000) {
    let at = from;
    for (const frame of loop.screen.slice(from).split("\x1b[H")) {
      at += frame.length + 3;
      // A frame is complete once the next one has begun or it ends with the clear.
      if ((at <= loop.screen.length || frame.endsWith("\x1b[J")) && ok(frame)) return at;
    }
    await sleep(2);
  }
  throw new Error(`timed out; screen so far:\n${loop.screen.slice(from)}`);
}

const kit = await Deno.makeTempDir({ prefix: "tensorlings-bench-" });
await copyKit(ROOT, kit);
await addTrainingExercise(kit, { longMs: 60_000 }, { msPerEpoch: EPOCH_MS, run: 0 });
const file = join(kit, TRAINING_FILE);
const save = (run: number) =>
  Deno.writeTextFile(file, trainingSource({ msPerEpoch: EPOCH_MS, run }));
const runShown = (run: number) => new RegExp(`· run ${run}(?!\\d)`);

const firstProgress: number[] = [];
const stopped: number[] = [];
const restartedProgress: number[] = [];
const loop = new PtyLoop(kit, ["fit_line"]);
try {
  let at = await loop.waitFor(/All 2 public tests pass/, 0, 60000);
  let run = 0;
  for (let i = 0; i < SAVES; i++) {
    // A save after the last run finished: how soon does training show?
    await sleep(1200); // let the background type check of the last verdict finish
    run++;
    let t0 = performance.now();
    await save(run);
    at = await waitFrame(loop, at, (f) => runShown(run).test(f));
    firstProgress.push(performance.now() - t0);

    // A save while that run trains: how soon is it stopped, and the new one training?
    await sleep(300);
    const old = run++;
    t0 = performance.now();
    await save(run);
    const stopAt = await waitFrame(
      loop,
      at,
      (f) => /the previous run was stopped/.test(f) && !runShown(old).test(f),
    );
    stopped.push(performance.now() - t0);
    at = await waitFrame(loop, stopAt, (f) => runShown(run).test(f));
    restartedProgress.push(performance.now() - t0);
    at = await loop.waitFor(/All 2 public tests pass/, at, 60000);
  }
} finally {
  await loop.quit().catch(() => {});
  await Deno.remove(kit, { recursive: true });
}

const fmt = (xs: number[]) =>
  `${median(xs).toFixed(0).padStart(5)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${
    Math.max(...xs).toFixed(0)
  })`;
console.log(
  `training exercise in watch mode (pty), ${SAVES} rounds, epochs of ${EPOCH_MS} ms, ` +
    `${Deno.build.os}, deno ${Deno.version.deno}; medians`,
);
console.log(`save → first progress on screen                        ${fmt(firstProgress)}`);
console.log(`save during training → "previous run was stopped"      ${fmt(stopped)}`);
console.log(`save during training → the new run's first progress     ${fmt(restartedProgress)}`);
