// Long ("training") checks in the learner's loop, on a fixture exercise that
// trains for a few seconds in a scratch kit: the runner's reports, budgets and
// cancellation; the screen in watch mode under a pty; and verify --quick.
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Exercise, ResolvedExercise } from "../course/types.ts";
import { allExercises } from "../course/manifest.ts";
import { type LiveEvent, type LiveRun, Runner } from "../learner/runner.ts";
import { hasScript, PtyLoop } from "../dev/pty.ts";
import { taskPermissions } from "../dev/task_flags.ts";
import { lesson, readState, TRAINING_FILE, trainingKit, trainingSource } from "./_helpers.ts";

const QUICK = "fitLine(0) starts at w = 0";
const LONG = "fitLine() learns w = 3 in 25 epochs";

/** The fixture as the runner sees it, with the given budget. */
function fixture(budget: Exercise["budget"] = {}): ResolvedExercise {
  return allExercises([{
    dir: "99_training",
    title: "Training",
    exercises: [{
      name: "fit_line",
      entry: "fitLine",
      section: "training",
      points: 10,
      timeLimitMs: 2000,
      forbiddenOps: [],
      budget,
    }],
  }])[0];
}

async function withKit(fn: (kit: string) => Promise<void>): Promise<void> {
  const kit = await trainingKit({ longMs: 10_000 });
  try {
    await fn(kit);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exists = (p: string) => Deno.stat(p).then(() => true, () => false);

Deno.test("runner: quick checks run and report first, then the long one streams its progress", async () => {
  await withKit(async (kit) => {
    const runner = new Runner(kit);
    const events: Array<[LiveEvent, number]> = [];
    let planned: LiveRun["planned"] = [];
    try {
      const v = await runner.run(fixture(), {
        onUpdate: (live, event) => {
          planned = live.planned;
          events.push([event, live.tests.length]);
        },
      });
      assert.equal(v.status, "pass", JSON.stringify(v.tests));
      // Declared second, run first.
      assert.deepEqual(planned, [{ name: QUICK, long: false }, { name: LONG, long: true }]);
      assert.deepEqual(v.tests.map((x) => [x.name, x.ok, x.long ?? false]), [
        [QUICK, true, false],
        [LONG, true, true],
      ]);
      const kinds = events.map(([e]) => e);
      const firstTest = kinds.indexOf("test");
      const firstProgress = kinds.indexOf("progress");
      assert.ok(firstTest >= 0 && firstTest < firstProgress, kinds.join());
      // The quick verdict came before the long check ended, and progress came while it trained.
      assert.ok(events.filter(([e, done]) => e === "progress" && done === 1).length >= 5);
      const [training] = v.training;
      assert.equal(training.name, LONG);
      assert.deepEqual(
        training.points.map((p) => p.epoch),
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
      assert.equal(training.points.at(-1)?.epochs, 25);
      assert.ok(training.points.at(-1)!.loss! < 1e-8);
      assert.ok(v.tests[1].ms > 2000, "the long check trained for 25 × 100 ms");
    } finally {
      await runner.close();
    }
  });
});

Deno.test("runner: aborting a run stops its worker at once; the verdict is cancelled", async () => {
  await withKit(async (kit) => {
    const marker = join(kit, "trained.txt");
    await Deno.writeTextFile(
      join(kit, TRAINING_FILE),
      trainingSource({ msPerEpoch: 100, run: 1, marker }),
    );
    const runner = new Runner(kit);
    try {
      const abort = new AbortController();
      let progressed: () => void;
      const firstProgress = new Promise<void>((r) => (progressed = r));
      const pending = runner.run(fixture(), {
        signal: abort.signal,
        onUpdate: (_, event) => event === "progress" && progressed(),
      });
      await firstProgress;
      const t0 = performance.now();
      abort.abort();
      const v = await pending;
      const ms = performance.now() - t0;
      assert.equal(v.status, "cancelled");
      assert.ok(ms < 100, `cancelled after ${ms.toFixed(0)} ms`);
      assert.deepEqual(v.tests.map((x) => x.name), [QUICK], "the quick verdict was in");
      // Had the worker lived on, it would have finished training (2.5 s) and written the marker.
      await sleep(3000);
      assert.equal(await exists(marker), false, "the cancelled run kept training");
    } finally {
      await runner.close();
    }
  });
});

Deno.test("runner: import, quick and long checks each have their own limit", async (t) => {
  await withKit(async (kit) => {
    const runner = new Runner(kit);
    try {
      await t.step("a long check over its budget is stopped and named", async () => {
        const v = await runner.run(fixture({ longMs: 600 }));
        assert.equal(v.status, "timeout");
        assert.deepEqual(v.stopped, { name: LONG, limitMs: 600 });
        assert.deepEqual(v.tests.map((x) => [x.name, x.ok]), [[QUICK, true]]);
        assert.ok(v.training[0].points.length >= 3, "the progress so far is kept");
      });
      await t.step("the long budget is not the quick checks' limit", async () => {
        // 2.5 s of training passes with the default long budget, though timeLimitMs is 2 s.
        assert.equal((await runner.run(fixture())).status, "pass");
      });
      await t.step("a quick check that hangs gets publicMs", async () => {
        await Deno.writeTextFile(
          join(kit, TRAINING_FILE),
          trainingSource({ msPerEpoch: 100, run: 1, hang: true }),
        );
        const t0 = performance.now();
        const v = await runner.run(fixture({ publicMs: 500 }));
        assert.equal(v.status, "timeout");
        assert.deepEqual(v.stopped, { name: QUICK, limitMs: 500 });
        assert.ok(performance.now() - t0 < 1500);
      });
      await t.step("an import that hangs gets the exercise's time limit", async () => {
        await Deno.writeTextFile(join(kit, TRAINING_FILE), "while (true) { /* at import */ }\n");
        const v = await runner.run({ ...fixture({ publicMs: 60_000 }), timeLimitMs: 500 });
        assert.equal(v.status, "timeout");
        assert.deepEqual(v.stopped, { name: null, limitMs: 500 });
      });
      await t.step("skipLong leaves the long checks out and counts them", async () => {
        await Deno.writeTextFile(
          join(kit, TRAINING_FILE),
          trainingSource({ msPerEpoch: 100, run: 1 }),
        );
        const v = await runner.run(fixture(), { skipLong: true });
        assert.equal(v.status, "pass");
        assert.equal(v.skipped, 1);
        assert.deepEqual(v.tests.map((x) => x.name), [QUICK]);
      });
    } finally {
      await runner.close();
    }
  });
});

Deno.test("runner: learner code that exits the worker gets an error verdict that says so", async () => {
  await withKit(async (kit) => {
    const runner = new Runner(kit);
    try {
      await Deno.writeTextFile(
        join(kit, TRAINING_FILE),
        "export function fitLine() {\n  Deno.exit(3);\n}\n",
      );
      const t0 = performance.now();
      const v = await runner.run(fixture());
      assert.equal(v.status, "error");
      assert.match(v.loadError?.message ?? "", /exited \(code 3\).*Deno\.exit/);
      assert.ok(performance.now() - t0 < 1500, "not left to a time limit");
    } finally {
      await runner.close();
    }
  });
});

Deno.test({
  name: "lesson watch mode: training progress streams, a save cancels the run, a hang says so",
  ignore: !hasScript,
  fn: async (t) => {
    const kit = await trainingKit({ longMs: 10_000 });
    const marker = join(kit, "trained.txt");
    const loop = new PtyLoop(kit, ["fit_line", "--no-typecheck"]);
    try {
      let at = 0;
      await t.step("the quick verdict shows while the long check trains", async () => {
        at = await loop.waitFor(
          new RegExp(`✓ ${esc(QUICK)}\\S*\\s+⏳ ${esc(LONG)} \\(long check`),
        );
      });
      await t.step("epoch, loss and accuracy stream, and the loss curve grows", async () => {
        at = await loop.waitFor(/epoch 3\/25 · step 3 · loss \S+ · accuracy \S+ · run 1/, at);
        const early = curveAt(loop.screen, at);
        at = await loop.waitFor(/epoch 12\/25/, at);
        const later = curveAt(loop.screen, at);
        assert.ok(later.length > early.length, `${early} then ${later}`);
        at = await loop.waitFor(/All 2 public tests pass/, at);
        at = await loop.waitFor(
          /epoch 25\/25 [^\n]*\n\s*loss [▁-█]+ +9\.00 → \S+ +\(chart: \.tensorlings\/plots\/fit_line_training\.svg\)/,
          at,
        );
        // A line the test recorded (recordNote) shows under the passing run.
        await loop.waitFor(/a note from the test: w = 3\.0000 after 25 epochs/, at);
        const svg = await Deno.readTextFile(join(kit, ".tensorlings/plots/fit_line_training.svg"));
        assert.match(svg, /<polyline[^>]*points="([\d.]+,[\d.]+ ){24}[\d.]+,[\d.]+"/);
      });
      await t.step("a save during training stops that run and starts the new one", async () => {
        await Deno.writeTextFile(
          join(kit, TRAINING_FILE),
          trainingSource({ msPerEpoch: 100, run: 2, marker }),
        );
        at = await loop.waitFor(/epoch \d+\/25 .* run 2/, at);
        const t0 = performance.now();
        await Deno.writeTextFile(
          join(kit, TRAINING_FILE),
          trainingSource({ msPerEpoch: 10, run: 3 }),
        );
        at = await loop.waitFor(/the previous run was stopped/, at);
        at = await loop.waitFor(/All 2 public tests pass/, at);
        const ms = performance.now() - t0;
        assert.ok(ms < 2000, `the new verdict took ${ms.toFixed(0)} ms`);
        assert.match(loop.screen.slice(at), /run 3/);
        await sleep(2500); // run 2 would have finished by now
        assert.equal(await exists(marker), false, "the cancelled run kept training");
        assert.doesNotMatch(loop.screen.slice(at), /run 2/);
      });
      await t.step("a check that hangs shows it is still running, then is stopped", async () => {
        await Deno.writeTextFile(
          join(kit, TRAINING_FILE),
          trainingSource({ msPerEpoch: 10, run: 4, hang: true }),
        );
        at = await loop.waitFor(
          new RegExp(`⏳ ${esc(QUICK)}\\S* still running… \\(1s; stopped at 2s\\)`),
          at,
        );
        at = await loop.waitFor(
          /fitLine\(0\) starts at w = 0: your code ran for more than 2000 ms/,
          at,
        );
      });
      assert.equal(await loop.quit(), 0);
    } finally {
      await loop.quit().catch(() => {});
      await Deno.remove(kit, { recursive: true });
    }
  },
});

Deno.test("lesson verify --quick skips the long checks and says how many", async () => {
  await withKit(async (kit) => {
    const quick = await lesson(kit, "verify", "--quick");
    assert.equal(quick.code, 1, "the other exercises are stubs");
    assert.match(quick.stdout, /✓ fit_line/);
    // fit_line's long check, and the course's own (train_cnn) in this kit.
    assert.match(quick.stdout, /Skipped \d+ long checks? \(--quick\)/);
    // A pass without its long checks is not recorded as done.
    assert.deepEqual(await doneIn(kit), []);
    const full = await lesson(kit, "verify");
    assert.match(full.stdout, /✓ fit_line/);
    assert.doesNotMatch(full.stdout, /Skipped/);
    assert.deepEqual(await doneIn(kit), ["fit_line"]);
    const misuse = await lesson(kit, "--quick");
    assert.equal(misuse.code, 2);
    assert.match(misuse.stderr, /error: --quick applies to verify only/);
  });
});

/** The exercises recorded as done (none when there is no state file yet). */
function doneIn(kit: string): Promise<string[]> {
  return readState(kit).then((s) => s.done, () => []);
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The last loss sparkline drawn before `at`. */
function curveAt(screen: string, at: number): string {
  const all = [...screen.slice(0, at + 200).matchAll(/loss ([▁-█]+) /g)];
  return all.at(-1)?.[1] ?? "";
}

Deno.test({
  name: "lesson: a loop stopped by a signal leaves no worker behind, even one stuck in a loop",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    const kit = await trainingKit({ publicMs: 60_000 });
    try {
      await Deno.writeTextFile(
        join(kit, TRAINING_FILE),
        trainingSource({ msPerEpoch: 10, run: 1, hang: true }),
      );
      const loop = new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          ...taskPermissions("lesson", kit),
          "learner/main.ts",
          "fit_line",
          "--no-typecheck",
        ],
        cwd: kit,
        stdin: "null",
        stdout: "null",
        stderr: "null",
      }).spawn();
      const workers = () =>
        new TextDecoder().decode(
          new Deno.Command("ps", { args: ["-eo", "args"], stdout: "piped" }).outputSync().stdout,
        ).split("\n").filter((l) => l.includes(join(kit, "learner", "worker.ts")));
      const t0 = Date.now();
      while (workers().length === 0 && Date.now() - t0 < 15_000) await sleep(100);
      assert.equal(workers().length, 1, "the worker is running the stuck check");
      await sleep(300);
      loop.kill("SIGTERM");
      assert.equal((await loop.status).code, 143);
      await sleep(300);
      assert.deepEqual(workers(), []);
    } finally {
      await Deno.remove(kit, { recursive: true });
    }
  },
});
