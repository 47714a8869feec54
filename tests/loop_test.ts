// The learner's loop, driven as a learner would: in a scratch copy of the kit.
import assert from "node:assert/strict";
import { join } from "node:path";
import { lesson, readState, ROOT, scratchKit, solve } from "./_helpers.ts";
import { LESSONS } from "../course/manifest.ts";

const PREDICT = "exercises/01_linear_regression/predict.ts";

async function withKit(fn: (kit: string) => Promise<void>): Promise<void> {
  const kit = await scratchKit();
  try {
    await fn(kit);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
}

Deno.test("lesson: a stub fails, a solution passes and progress moves on", async (t) => {
  await withKit(async (kit) => {
    await t.step("the untouched stub gets a failing verdict and points at the TODO", async () => {
      const r = await lesson(kit);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /0\/\d+ exercises done/);
      assert.match(r.stdout, /Exercise 1\/\d+: predict/);
      assert.match(r.stdout, /3 of 3 public tests failed/);
      assert.match(
        r.stdout,
        /replace the TODO in exercises\/01_linear_regression\/predict\.ts:\d+:\d+/,
      );
      assert.match(r.stdout, /lessons\/01_linear_regression\.md#prediction/);
    });
    await t.step("the solution passes, is recorded, and the next exercise is named", async () => {
      await solve(kit, "01_linear_regression", "predict");
      const r = await lesson(kit);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /All 3 public tests pass/);
      assert.match(r.stdout, /Next exercise: mse/);
      const state = await readState(kit);
      assert.deepEqual(state.done, ["predict"]);
      assert.equal(state.current, "mse");
    });
    await t.step("the next run resumes at the first unfinished exercise", async () => {
      const r = await lesson(kit);
      assert.match(r.stdout, /Exercise 2\/\d+: mse/);
      assert.match(r.stdout, /1\/\d+ exercises done/);
    });
    await t.step("list marks done and current", async () => {
      const r = await lesson(kit, "list");
      assert.equal(r.code, 0);
      assert.match(r.stdout, /✓ 1\. predict/);
      assert.match(r.stdout, /▶ 2\. mse/);
      // Lessons still being written are listed as such, if there are any.
      if (LESSONS.some((l) => l.exercises.length === 0)) assert.match(r.stdout, /coming soon/);
      else assert.doesNotMatch(r.stdout, /coming soon/);
    });
  });
});

Deno.test("lesson hint: levels go up one at a time and stop at the last", async () => {
  await withKit(async (kit) => {
    const first = await lesson(kit, "hint", "predict");
    assert.equal(first.code, 0);
    assert.match(first.stdout, /Hint 1\/3 for predict/);
    assert.doesNotMatch(first.stdout, /Hint 2\/3/);
    const second = await lesson(kit, "hint", "predict");
    assert.match(second.stdout, /Hint 2\/3 for predict/);
    await lesson(kit, "hint", "predict");
    const fourth = await lesson(kit, "hint", "predict");
    assert.match(fourth.stdout, /Hint 3\/3/);
    assert.match(fourth.stdout, /last hint/);
    const unknown = await lesson(kit, "hint", "nope");
    assert.equal(unknown.code, 2);
  });
});

Deno.test("lesson reset: restores the stub and keeps a backup of the learner's file", async () => {
  await withKit(async (kit) => {
    const original = await Deno.readTextFile(join(kit, PREDICT));
    await solve(kit, "01_linear_regression", "predict");
    const mine = await Deno.readTextFile(join(kit, PREDICT));
    const r = await lesson(kit, "reset", "predict");
    assert.equal(r.code, 0);
    assert.equal(await Deno.readTextFile(join(kit, PREDICT)), original);
    const backup = /saved as (\S+\.ts)/.exec(r.stdout)?.[1];
    assert.ok(backup, r.stdout);
    assert.equal(await Deno.readTextFile(join(kit, backup)), mine);
  });
});

Deno.test("lesson: broken learner code gets a clear message, never a crash", async (t) => {
  await withKit(async (kit) => {
    const cases: Array<[string, string, RegExp]> = [
      [
        "an infinite loop is stopped at the time limit",
        "export function predict(): number[] { while (true) { /* spin */ } }",
        /ran for more than \d+ ms and was stopped/,
      ],
      [
        "a syntax error names the file and line",
        "export function predict( {\n  return [;\n}\n",
        /predict\.ts:2:\d+ could not be loaded: SyntaxError/,
      ],
      [
        "a missing export is named",
        "export function forecast(): number[] { return []; }",
        /must export a function named predict/,
      ],
      [
        "a runtime error points at the learner's line",
        "export function predict(X: number[][]): number[] {\n  const y = undefined as unknown as number[];\n  return X.map((_, i) => y[i]);\n}\n",
        /TypeError: .*\n.*at exercises\/01_linear_regression\/predict\.ts:3:/,
      ],
      [
        "a forgotten bias is named as a misconception",
        "export function predict(X: number[][], w: number[]): number[] {\n  return X.map((r) => r.reduce((s, x, j) => s + x * w[j], 0));\n}\n",
        /Likely mistake: The bias is missing/,
      ],
      [
        "a wrong shape is spelled out",
        "export function predict(X: number[][], w: number[], b: number): number[] {\n  return [X[0][0] * w[0] + b];\n}\n",
        /expected shape \[3\], got \[1\]/,
      ],
    ];
    for (const [name, code, expected] of cases) {
      await t.step(name, async () => {
        await Deno.writeTextFile(join(kit, PREDICT), code);
        const r = await lesson(kit, "predict");
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stdout, expected);
        assert.doesNotMatch(r.stderr, /Uncaught|Stack backtrace/);
      });
    }
  });
});

Deno.test("lesson: a deleted exercise file is named, with the way to get it back", async () => {
  await withKit(async (kit) => {
    await Deno.remove(join(kit, PREDICT));
    const r = await lesson(kit, "predict");
    assert.equal(r.code, 1);
    assert.match(r.stdout, /predict\.ts is missing\. Run `deno task lesson reset predict`/);
    assert.equal((await lesson(kit, "reset", "predict")).code, 0);
    assert.match((await lesson(kit, "predict")).stdout, /3 of 3 public tests failed/);
  });
});

Deno.test("lesson: a corrupt state file is moved aside and progress rebuilt", async () => {
  await withKit(async (kit) => {
    await solve(kit, "01_linear_regression", "predict");
    await Deno.mkdir(join(kit, ".tensorlings"), { recursive: true });
    await Deno.writeTextFile(join(kit, ".tensorlings", "state.json"), "{ not json");
    const r = await lesson(kit, "list");
    assert.equal(r.code, 0);
    assert.match(r.stderr, /could not be read; it was moved to .*state\.json\.corrupt-/);
    assert.match(r.stdout, /✓ 1\. predict/);
    assert.deepEqual((await readState(kit)).done, ["predict"]);
  });
});

Deno.test("lesson: an unknown command prints usage and exits 2; --help exits 0", async () => {
  await withKit(async (kit) => {
    const bad = await lesson(kit, "frobnicate");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown command or exercise "frobnicate"/);
    assert.match(bad.stderr, /Usage:/);
    const reset = await lesson(kit, "reset");
    assert.equal(reset.code, 2);
    assert.match(reset.stdout, /say which exercise to reset/);
    const help = await lesson(kit, "--help");
    assert.equal(help.code, 0);
    assert.match(help.stdout, /deno task lesson verify/);
  });
});

Deno.test("lesson verify: exit 0 only when every public test passes", async () => {
  await withKit(async (kit) => {
    const stubs = await lesson(kit, "verify");
    assert.equal(stubs.code, 1);
    assert.match(stubs.stdout, /0 passed, \d+ failed/);
    // Put every solution in place: now everything passes.
    for await (const lessonDir of Deno.readDir(join(ROOT, "solutions"))) {
      for await (const f of Deno.readDir(join(ROOT, "solutions", lessonDir.name))) {
        if (!f.name.endsWith("_test.ts")) {
          await solve(kit, lessonDir.name, f.name.replace(/\.ts$/, ""));
        }
      }
    }
    // --quick: the long checks (a CNN that trains) have their own tests; here every quick one passes.
    const all = await lesson(kit, "verify", "--quick");
    assert.equal(all.code, 0, all.stdout);
    assert.match(all.stdout, /\d+ passed, 0 failed/);
  });
});

Deno.test("lesson --lang: a translated edition only adds files under locales/", async () => {
  await withKit(async (kit) => {
    await Deno.mkdir(join(kit, "locales", "zh", "01_linear_regression"), { recursive: true });
    await Deno.writeTextFile(
      join(kit, "locales", "zh", "messages.json"),
      JSON.stringify({ "verdict.fail": "✗ {count} 个公开测试中有 {failed} 个失败（{ms} 毫秒）。" }),
    );
    await Deno.writeTextFile(
      join(kit, "locales", "zh", "01_linear_regression", "predict.json"),
      JSON.stringify({ hints: ["每个样本是 X 的一行。", "ŷᵢ = Σⱼ Xᵢⱼ wⱼ + b", "X.map(…)"] }),
    );
    const run = await lesson(kit, "--lang", "zh");
    assert.match(run.stdout, /3 个公开测试中有 3 个失败/);
    assert.match(run.stdout, /Exercise 1\/\d+: predict/); // untranslated keys fall back to English
    const hint = await lesson(kit, "hint", "predict", "--lang", "zh");
    assert.match(hint.stdout, /每个样本是 X 的一行/);
  });
});

Deno.test("lesson: type errors are reported after the verdict, without failing working code", async () => {
  await withKit(async (kit) => {
    const solution = await Deno.readTextFile(
      join(ROOT, "solutions/01_linear_regression/predict.ts"),
    );
    // Runs fine, but `b` is declared a string: a type error that JavaScript forgives here.
    await Deno.writeTextFile(
      join(kit, PREDICT),
      solution.replace(
        "export function predict(X: Matrix, w: Vector, b: number)",
        "export function predict(X: Matrix, w: Vector, b: number | string)",
      ).replace(
        "let sum = b;",
        "let sum = b as number;\n    const oops: string = sum;\n    void oops;",
      ),
    );
    const out = await lesson(kit, { typecheck: true }, "predict");
    const text = out.stdout;
    assert.equal(out.code, 0, text);
    const verdictAt = text.indexOf("All 3 public tests pass");
    const typesAt = text.indexOf("Type errors (your code still ran");
    assert.ok(verdictAt >= 0 && typesAt > verdictAt, text);
    assert.match(text, /predict\.ts:\d+:\d+/);
  });
});

Deno.test("lesson: mistakes written as learners write them are named from the kit's diagnosis data", async (t) => {
  const cases: Array<[string, string, string, RegExp]> = [
    [
      "predict as Xᵀw",
      "exercises/01_linear_regression/predict.ts",
      "export function predict(X: number[][], w: number[], b: number): number[] {\n  const out: number[] = [];\n  for (let j = 0; j < X[0].length; j++) {\n    let s = b;\n    for (let i = 0; i < X.length; i++) s += X[i][j] * w[i];\n    out.push(s);\n  }\n  return out;\n}\n",
      /Likely mistake: Rows and columns swapped/,
    ],
    [
      "momentum in the averaging form",
      "exercises/02_gradient_descent/momentum.ts",
      "export function momentumStep(theta: number[], grad: number[], velocity: number[], o: { learningRate: number; beta: number }) {\n  const v = velocity.map((vi, i) => o.beta * vi + (1 - o.beta) * grad[i]);\n  return { theta: theta.map((x, i) => x - o.learningRate * v[i]), velocity: v };\n}\n",
      /Likely mistake: The averaging form/,
    ],
  ];
  await withKit(async (kit) => {
    for (const [name, file, code, re] of cases) {
      await t.step(name, async () => {
        await Deno.writeTextFile(join(kit, file), code);
        const ex = file.split("/").pop()!.replace(/\.ts$/, "");
        const out = await lesson(kit, ex);
        assert.match(out.stdout, re);
        // The kit holds the variants' outputs, not their code.
        await assert.rejects(() =>
          Deno.stat(join(kit, "course/02_gradient_descent/momentum/variants.ts"))
        );
      });
    }
  });
});

Deno.test("lesson read: the lesson section for an exercise, with the math as text", async () => {
  await withKit(async (kit) => {
    const out = await lesson(kit, "read", "mse");
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^Mean squared error\n/);
    assert.doesNotMatch(out.stdout, /\$|\\frac|\\sum/);
    assert.match(out.stdout, /Σ/);
    const current = await lesson(kit, "read");
    assert.match(current.stdout, /^Prediction\n/); // the first exercise's section
    const unknown = await lesson(kit, "read", "nope");
    assert.equal(unknown.code, 2);
  });
});

Deno.test("lesson: a failure caused by another exercise's function names it, not a TODO", async () => {
  await withKit(async (kit) => {
    await solve(kit, "02_gradient_descent", "batch_gd");
    const stubbed = await lesson(kit, "batch_gd");
    // batch_gd's own file has no TODO left: the stub it calls is mse (or predict) from lesson 01.
    assert.match(
      stubbed.stdout,
      /batchGradientDescent calls (mse|predict|mseGradient), which is still a stub: finish exercise \w+ first/,
    );
    assert.doesNotMatch(stubbed.stdout, /replace the TODO/);
    assert.match(stubbed.stdout, /uses .*mse \(mse\).*whose own public tests do not pass yet/);
  });
});
