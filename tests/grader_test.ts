// The grader on ordinary submissions: full marks for the solutions, zero
// for the stubs, zips, per-student inputs, misconception feedback, formats.
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { allExercises } from "../course/manifest.ts";
import { gradeInputFiles, hiddenCases, variantsFor } from "../grader/course_data.ts";
import {
  type ExerciseResult,
  gradeExercise,
  type GradeResult,
  gradeSubmission,
} from "../grader/grade.ts";
import { denoCacheDir, Judge } from "../grader/judge.ts";
import { type Flag, stageSubmission } from "../grader/submission.ts";
import { randomMatrix, rng } from "../lib/random.ts";
import { toGradescope, toJunit, toText } from "../grader/formats.ts";
import { budgetOf } from "../grader/budget.ts";
import { lossDiverges, lossFallsTo } from "../grader/checks.ts";
import { readZip } from "../grader/zip.ts";

import { directCaller, ROOT, runScriptAs, zipOf } from "./_helpers.ts";

async function filesOf(dir: string, prefix = ""): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) Object.assign(out, await filesOf(p, `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = await Deno.readFile(p);
  }
  return out;
}

/** A submission folder: the reference solutions, with some files replaced. */
async function submission(replace: Record<string, string> = {}): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-sub-" });
  for (const [rel, data] of Object.entries(await filesOf(join(ROOT, "solutions")))) {
    await Deno.mkdir(join(dir, "exercises", rel, ".."), { recursive: true });
    await Deno.writeFile(join(dir, "exercises", rel), data);
  }
  for (const [rel, text] of Object.entries(replace)) {
    await Deno.mkdir(join(dir, rel, ".."), { recursive: true });
    await Deno.writeTextFile(join(dir, rel), text);
  }
  return dir;
}

const NO_BIAS = `export function predict(X: number[][], w: number[]): number[] {
  return X.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
}
`;

Deno.test("grade: the reference solutions score full marks and the stubs score 0", async () => {
  const full = await gradeSubmission(join(ROOT, "solutions"), { repoRoot: ROOT });
  assert.equal(full.score, full.max, toText(full));
  assert.equal(full.exercises.length, allExercises().length);
  assert.deepEqual(full.flags, []);
  const zero = await gradeSubmission(join(ROOT, "exercises"), { repoRoot: ROOT });
  assert.equal(zero.score, 0);
  assert.equal(zero.max, full.max);
  assert.deepEqual(zero.flags, []);
  assert.match(toText(zero), /not attempted: the file is still the unchanged stub/);
  assert.ok(zero.exercises.every((e) => e.untouched));
  assert.ok(zero.exercises.every((e) => e.cases.every((c) => c.outcome === "not-attempted")));
  let cases = 0;
  for (const ex of allExercises()) cases += (await hiddenCases(ex)).length;
  assert.equal((toJunit(zero).match(/<skipped /g) ?? []).length, cases);
});

Deno.test("grade: an edited stub is run (and still reported as not implemented)", async () => {
  const stub = await Deno.readTextFile(join(ROOT, "exercises/01_linear_regression/mse.ts"));
  const dir = await submission({
    "exercises/01_linear_regression/mse.ts": stub + "// thinking…\n",
  });
  try {
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["mse"] });
    assert.equal(r.exercises[0].untouched, undefined);
    assert.match(r.exercises[0].cases[0].message, /not implemented yet/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: mathjs used through a namespace or create(all) scores as the named imports do", async () => {
  const file = "exercises/01_linear_regression/normal_equations.ts";
  const named = await Deno.readTextFile(
    join(ROOT, "solutions/01_linear_regression/normal_equations.ts"),
  );
  const body = named.replace(
    /^import \{ det, lusolve, multiply, transpose \} from "mathjs";\n/,
    "",
  );
  assert.notEqual(body, named);
  const ways = {
    namespace:
      `import * as math from "mathjs";\nconst { det, lusolve, multiply, transpose } = math;\n`,
    create:
      `import { all, create } from "mathjs";\nconst { det, lusolve, multiply, transpose } = create(all);\n`,
  };
  for (const [way, head] of Object.entries(ways)) {
    const dir = await submission({ [file]: head + body });
    try {
      const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["normal_equations"] });
      assert.equal(r.score, r.max, `${way}: ${toText(r)}`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
});

Deno.test("grade: a zip, a zip with a nested folder, and the folder give the same result", async () => {
  const dir = await submission({ "exercises/01_linear_regression/predict.ts": NO_BIAS });
  try {
    const files = await filesOf(dir);
    const flat = join(dir, "..", `${dir.split("/").pop()}.zip`);
    const nested = join(dir, "..", `${dir.split("/").pop()}-nested.zip`);
    await Deno.writeFile(flat, zipOf(files));
    await Deno.writeFile(
      nested,
      zipOf(Object.fromEntries(Object.entries(files).map(([k, v]) => [`alice/${k}`, v]))),
    );
    const only = ["predict", "mse"];
    const a = await gradeSubmission(dir, { repoRoot: ROOT, only });
    const b = await gradeSubmission(flat, { repoRoot: ROOT, only });
    const c = await gradeSubmission(nested, { repoRoot: ROOT, only });
    assert.equal(a.exercises[1].score, 10);
    assert.ok(a.exercises[0].score < 10);
    for (const r of [b, c]) {
      assert.deepEqual(
        r.exercises.map((e) => e.cases.map((x) => x.message)),
        a.exercises.map((e) => e.cases.map((x) => x.message)),
      );
      assert.equal(r.hashes.submission, a.hashes.submission);
    }
    // The reader round-trips what the writer wrote.
    assert.equal(readZip(await Deno.readFile(flat)).files.length, Object.keys(files).length);
    await Deno.remove(flat);
    await Deno.remove(nested);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: never modifies the submission", async () => {
  const dir = await submission({
    "exercises/01_linear_regression/predict.ts": `import x from "/etc/passwd";\n` + NO_BIAS,
  });
  try {
    const before = await filesOf(dir);
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["predict"] });
    assert.ok(r.flags.some((f) => f.code === "forbidden-import"));
    assert.deepEqual(await filesOf(dir), before);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: unreadable input gets a clear error", async () => {
  const empty = await Deno.makeTempDir();
  const notZip = join(empty, "work.zip");
  try {
    await assert.rejects(
      () => gradeSubmission(empty, { repoRoot: ROOT }),
      { name: "SubmissionError", message: /no exercise files/ },
    );
    await Deno.writeTextFile(notZip, "this is not a zip");
    await assert.rejects(
      () => gradeSubmission(notZip, { repoRoot: ROOT }),
      { name: "SubmissionError", message: /not a zip archive/ },
    );
    await assert.rejects(
      () => gradeSubmission(join(empty, "nope"), { repoRoot: ROOT }),
      { name: "SubmissionError", message: /does not exist/ },
    );
    await Deno.writeFile(notZip, zipOf({ "../../evil.ts": "x" }));
    await assert.rejects(
      () => gradeSubmission(notZip, { repoRoot: ROOT }),
      { name: "SubmissionError", message: /leaves its folder/ },
    );
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

Deno.test("grade: per-student inputs are stable for a student and differ between students", async () => {
  const dir = await submission({ "exercises/01_linear_regression/predict.ts": NO_BIAS });
  const secret = new TextEncoder().encode("a course secret of some length");
  const msgs = (r: GradeResult) => r.exercises[0].cases.map((c) => c.message).join("\n");
  try {
    const opts = { repoRoot: ROOT, only: ["predict"], secret };
    const a1 = await gradeSubmission(dir, { ...opts, student: "alice" });
    const a2 = await gradeSubmission(dir, { ...opts, student: "alice" });
    const b = await gradeSubmission(dir, { ...opts, student: "bob" });
    assert.equal(msgs(a1), msgs(a2));
    assert.notEqual(msgs(a1), msgs(b));
    assert.equal(a1.score, b.score);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: a known mistake is named, with the lesson section", async () => {
  const dir = await submission({ "exercises/01_linear_regression/predict.ts": NO_BIAS });
  try {
    const r = await gradeSubmission(dir, {
      repoRoot: ROOT,
      only: ["predict"],
      misconceptionTexts: { "predict.no_bias": { title: "The bias is missing", explain: "…" } },
    });
    assert.equal(r.exercises[0].diagnosis?.id, "predict.no_bias");
    assert.match(toText(r), /Likely mistake: The bias is missing/);
    assert.match(toText(r), /lessons\/01_linear_regression\.md#prediction/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Grades one exercise's hidden cases against a function in this process. */
async function gradeDirectly(
  ex: ReturnType<typeof allExercises>[number],
  fn: (...args: unknown[]) => unknown,
  attempt?: string,
): Promise<ExerciseResult> {
  const er: ExerciseResult = { name: ex.name, lesson: ex.lesson.dir, score: 0, max: 0, cases: [] };
  await gradeExercise(directCaller(fn), ex, "", er, [], { repoRoot: ROOT, attempt });
  return er;
}

/** Seeds per exercise in the sweeps below: every attempt draws new inputs (the file's hash is in the seed). */
const SWEEP = 40;
/** The training exercises train in every case (seconds each): their cases have benches of their own. */
const swept = () => allExercises().filter((e) => !e.name.startsWith("train_"));

Deno.test("grade: the reference earns full marks on every attempt's inputs, and no case fails to be posed", async (t) => {
  for (const ex of swept()) {
    const ref = (await import(pathToFileURL(join(ROOT, ex.solutionFile)).href))[ex.entry];
    await t.step(ex.name, async () => {
      for (let a = 0; a < SWEEP; a++) {
        const er = await gradeDirectly(ex, ref, `sweep-${a}`);
        const lost = er.cases.filter((c) => c.status !== "passed" || c.max === 0);
        assert.deepEqual(lost.map((c) => `${c.name}: ${c.message}`), [], `attempt sweep-${a}`);
      }
    });
  }
});

Deno.test("grade: every catalogued misconception loses points on every attempt's inputs", async (t) => {
  for (const ex of swept()) {
    for (const variant of (await variantsFor(ex))?.variants ?? []) {
      await t.step(variant.id, async () => {
        const escaped: string[] = [];
        for (let a = 0; a < SWEEP; a++) {
          const er = await gradeDirectly(ex, variant.fn, `sweep-${a}`);
          if (er.cases.every((c) => c.status === "passed")) escaped.push(`sweep-${a}`);
        }
        assert.deepEqual(escaped, [], `${variant.id} scores full marks on these attempts`);
      });
    }
  }
});

Deno.test("grade: every catalogued misconception fails the hidden tests and is diagnosed", async (t) => {
  for (const ex of allExercises()) {
    for (const variant of (await variantsFor(ex))?.variants ?? []) {
      await t.step(variant.id, async () => {
        const er = await gradeDirectly(ex, variant.fn);
        const score = er.cases.reduce((s, c) => s + c.score, 0);
        const max = er.cases.reduce((s, c) => s + c.max, 0);
        assert.ok(score < max, `${variant.id} scores full marks on the hidden tests`);
        assert.ok(er.diagnosis, `${variant.id} fails but is not diagnosed`);
      });
    }
  }
  // And the reference itself is never diagnosed.
  for (const ex of allExercises()) {
    const ref = (await import(pathToFileURL(join(ROOT, ex.solutionFile)).href))[ex.entry];
    const er = await gradeDirectly(ex, ref);
    assert.equal(er.cases.every((c) => c.status === "passed"), true, ex.name);
    assert.equal(er.diagnosis, undefined);
  }
});

Deno.test("grade formats: Gradescope results.json, JUnit and text", async () => {
  const dir = await submission({ "exercises/01_linear_regression/predict.ts": NO_BIAS });
  try {
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["predict", "mse"] });
    const gs = JSON.parse(toGradescope(r));
    assert.equal(gs.score, r.score);
    assert.equal(typeof gs.execution_time, "number");
    assert.equal(typeof gs.output, "string");
    assert.equal(gs.tests.length, r.exercises.reduce((n, e) => n + e.cases.length, 0));
    for (const test of gs.tests) {
      assert.deepEqual(Object.keys(test).sort(), [
        "max_score",
        "name",
        "output",
        "score",
        "status",
        "visibility",
      ]);
      assert.ok(["passed", "failed"].includes(test.status));
      assert.equal(test.visibility, "after_published");
    }
    assert.ok(gs.tests.some((x: { status: string }) => x.status === "failed"));
    const xml = toJunit(r);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    assert.equal((xml.match(/<testcase /g) ?? []).length, gs.tests.length);
    assert.equal(
      (xml.match(/<failure /g) ?? []).length,
      gs.tests.filter((x: { status: string }) => x.status === "failed").length,
    );
    assert.ok(r.score < 20);
    assert.match(toText(r), new RegExp(`Total: ${r.score} / 20`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade CLI: usage errors exit 2, unreadable submissions exit 1, --out writes the file", async () => {
  const run = async (...args: string[]) => {
    const r = await runScriptAs("grade", "grader/main.ts", ...args);
    return { code: r.code, out: r.stdout, err: r.stderr };
  };
  assert.equal((await run()).code, 2);
  assert.equal((await run("solutions", "--format", "pdf")).code, 2);
  const shortKey = await Deno.makeTempFile();
  await Deno.writeTextFile(shortKey, "short\n");
  const bad = await run("solutions", "--student", "a", "--secret", shortKey, "--only", "predict");
  await Deno.remove(shortKey);
  assert.equal(bad.code, 1);
  assert.match(
    bad.err,
    /^error: The course secret in .* is too short: use at least 16 characters/m,
  );
  assert.doesNotMatch(bad.err, /^\s+at /m);
  const unwritable = await run(
    "solutions",
    "--only",
    "predict",
    "--out",
    "/proc/no/such/results.json",
  );
  assert.equal(unwritable.code, 1);
  assert.match(unwritable.err, /^error: .*\/proc\/no\/such\/results\.json/m);
  assert.doesNotMatch(unwritable.err, /^\s+at /m);
  const missing = await run("/nonexistent/submission");
  assert.equal(missing.code, 1);
  assert.match(missing.err, /does not exist/);
  const out = await Deno.makeTempFile({ suffix: ".xml" });
  try {
    const r = await run("solutions", "--only", "predict", "--format", "junit", "--out", out);
    assert.equal(r.code, 0, r.err);
    assert.match(await Deno.readTextFile(out), /<testsuite name="predict" tests="7" failures="0"/);
  } finally {
    await Deno.remove(out);
  }
});

/** A submission: the reference solutions with files replaced, graded, then removed. */
async function gradeWith(
  replace: Record<string, string>,
  opts: Partial<Parameters<typeof gradeSubmission>[1]> = {},
): Promise<GradeResult> {
  const dir = await submission(replace);
  try {
    return await gradeSubmission(dir, { repoRoot: ROOT, ...opts });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const ex = (r: GradeResult, name: string) => r.exercises.find((e) => e.name === name)!;

Deno.test("grade: a module that throws at import fails every case of its exercise (load-error)", async () => {
  // Every file throws a RangeError at import (an allocation that cannot be made). The
  // "throws a RangeError" cases used to pass on it: 16 / 130.
  const replace: Record<string, string> = {};
  for (const e of allExercises()) {
    const solution = await Deno.readTextFile(join(ROOT, e.solutionFile));
    replace[e.file] = `const table = new Array(-1);\n${solution}\nvoid table;\n`;
  }
  const r = await gradeWith(replace);
  assert.equal(r.score, 0, toText(r));
  for (const e of r.exercises) {
    assert.ok(e.cases.every((c) => c.outcome === "load-error"), e.name);
    assert.ok(r.flags.some((f) => f.code === "load-error" && f.exercise === e.name), e.name);
  }
  assert.match(
    ex(r, "mse").cases[0].message,
    /mse\.ts could not be loaded, so no case ran: importing it threw RangeError: Invalid array length/,
  );
  // A syntax error is a load error too.
  const syntax = await gradeWith({ "exercises/01_linear_regression/mse.ts": "export function (" }, {
    only: ["mse"],
  });
  assert.equal(syntax.score, 0);
  assert.ok(syntax.exercises[0].cases.every((c) => c.outcome === "load-error"));
  // JUnit: a load error is an error, not a wrong answer; an unchanged stub is skipped.
  assert.equal((toJunit(syntax).match(/<error type="load-error"/g) ?? []).length, 8);
  assert.match(toJunit(syntax), /<testsuite name="mse" tests="8" failures="0" errors="8"/);
});

Deno.test("grade: rejecting bad input counts only beside a passing value case", async () => {
  const always = 'export function mse(): number { throw new RangeError("no"); }\n';
  const recursing = "export function mse(a: number[], b: number[]): number { return mse(a, b); }\n";
  for (const code of [always, recursing]) {
    const r = await gradeWith({ "exercises/01_linear_regression/mse.ts": code }, { only: ["mse"] });
    const mse = r.exercises[0];
    assert.equal(mse.score, 0, toText(r));
    if (code === always) {
      assert.match(mse.notes?.join(" ") ?? "", /count only when at least one case with valid/);
      assert.ok(mse.cases.some((c) => c.voided === "rejects-only"));
    }
  }
  const r = await gradeWith({ "exercises/01_linear_regression/mse.ts": recursing }, {
    only: ["mse"],
  });
  assert.match(r.exercises[0].cases.at(-1)!.message, /overflowed the stack/);
  // A correct mse with a broken check still earns the value cases, and no "throws" case.
  const lax = `export function mse(yHat: number[], y: number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (yHat[i] - y[i]) ** 2;
  return s / y.length;
}
`;
  const l = await gradeWith({ "exercises/01_linear_regression/mse.ts": lax }, { only: ["mse"] });
  assert.equal(l.exercises[0].score, 8, toText(l));
});

Deno.test("grade: one bug is charged once (an mse that sums loses points in mse alone)", async () => {
  const mse = await Deno.readTextFile(join(ROOT, "solutions/01_linear_regression/mse.ts"));
  const summing = mse.replace(/return (\w+) \/ (?:yHat|y)\.length;/, "return $1;");
  assert.notEqual(summing, mse);
  const r = await gradeWith({ "exercises/01_linear_regression/mse.ts": summing });
  assert.ok(ex(r, "mse").score < ex(r, "mse").max);
  for (const e of r.exercises.filter((e) => e.name !== "mse")) {
    assert.equal(e.score, e.max, `${e.name}\n${toText(r)}`);
  }
  const batch = ex(r, "batch_gd");
  assert.deepEqual(batch.dependencies?.find((d) => d.name === "mse"), {
    name: "mse",
    passes: false,
  });
  assert.match(toText(r), /Your mse fails some of its own cases/);
});

Deno.test("grade: no exercise can reach its own reference through the import map", async () => {
  const r = await gradeWith({
    "exercises/01_linear_regression/predict.ts":
      `export { predict } from "../01_linear_regression/predict.ts";\n`,
    "exercises/02_gradient_descent/batch_gd.ts":
      `export { batchGradientDescent } from "./batch_gd.ts";\n`,
  }, { only: ["predict", "batch_gd"] });
  assert.equal(r.score, 0, toText(r));
});

Deno.test("grade: a resubmission gets new inputs, a regrade the same ones", async () => {
  const secret = new TextEncoder().encode("a course secret of some length");
  const opts = { only: ["predict"], secret, student: "alice" };
  const msgs = (r: GradeResult) => r.exercises[0].cases.map((c) => c.message).join("\n");
  const file = "exercises/01_linear_regression/predict.ts";
  const a = await gradeWith({ [file]: NO_BIAS }, opts);
  const again = await gradeWith({ [file]: NO_BIAS }, opts);
  const resubmitted = await gradeWith({ [file]: NO_BIAS + "// second try\n" }, opts);
  assert.equal(msgs(a), msgs(again));
  assert.notEqual(msgs(a), msgs(resubmitted));
  assert.equal(a.score, resubmitted.score);
});

Deno.test("grade: budgets come from the manifest, and the submission's from them", async () => {
  const r = await gradeWith({}, { only: ["predict", "normal_equations"] });
  assert.deepEqual(ex(r, "predict").budget, { caseMs: 1000, loadMs: 8000 });
  assert.deepEqual(ex(r, "normal_equations").budget, { caseMs: 2500, loadMs: 8000 });
  const cases = (n: string) => ex(r, n).cases.length;
  assert.equal(
    r.timings.budgetMs,
    8000 + 1000 * cases("predict") + 8000 + 2500 * cases("normal_equations"),
  );
  const manifest = allExercises().find((e) => e.name === "predict")!;
  assert.equal(budgetOf({ ...manifest, budget: { caseMs: 300 } }).caseMs, 300);
  assert.equal(budgetOf({ ...manifest, budget: { publicMs: 4000 } }).caseMs, 2000);
});

Deno.test("grade: training checks recompute the loss from the returned parameters", async () => {
  for (const name of ["batch_gd", "sgd", "minibatch_gd"]) {
    const e = allExercises().find((x) => x.name === name)!;
    const ref = (await import(pathToFileURL(join(ROOT, e.solutionFile)).href))[e.entry];
    for (const c of (await hiddenCases(e)).filter((c) => c.check)) {
      for (let seed = 1; seed <= 3; seed++) {
        const args = c.args(rng(seed));
        const got = ref(...structuredClone(args));
        const diverges = /diverges/.test(c.name);
        const recomputed = diverges
          ? lossDiverges(1e6)
          : lossFallsTo(/0\.1%/.test(c.name) ? 0.001 : 0.01);
        // The reference passes both the case's own check and the recomputed one.
        assert.equal(c.check!(got, args), null, `${name}: ${c.name}`);
        assert.equal(recomputed(got, args), null, `${name}: ${c.name} (recomputed)`);
        // A run that does not train but reports falling (or exploding) losses…
        const [X, , o] = args as [number[][], number[], { epochs: number }];
        const start = got.losses[0];
        const madeUp = {
          w: new Array(X[0].length).fill(0),
          b: 0,
          losses: Array.from(
            { length: o.epochs + 1 },
            (_, i) => i === 0 ? start : diverges ? Infinity : start * 1e-4,
          ),
        };
        // …fails the case's own check (it recomputes the loss from w and b) and the helper.
        assert.notEqual(c.check!(madeUp, args), null, `${name}: ${c.name} (the case's check)`);
        assert.notEqual(recomputed(madeUp, args), null);
      }
    }
  }
});

Deno.test("judge: a 2M-float argument travels by reference and comes out exact", async () => {
  const staged = await stageSubmission(join(ROOT, "solutions"), ROOT);
  const judge = new Judge({ stageDir: staged.dir, repoRoot: ROOT, denoDir: await denoCacheDir() });
  try {
    const r = rng(7);
    const X = randomMatrix(r, 1_000_000, 2); // [N, 2]: 2M float64s
    X[3][1] = Number.MAX_VALUE;
    X[5][0] = -Number.MIN_VALUE;
    const w = [r.normal(), r.normal()];
    const file = pathToFileURL(join(staged.dir, "exercises/01_linear_regression/predict.ts")).href;
    const a = await judge.call({ file, entry: "predict", args: [X, w, 0.5], timeLimitMs: 30_000 });
    assert.equal(a.status, "ok", JSON.stringify(a.error));
    const { predict } = await import("../solutions/01_linear_regression/predict.ts");
    assert.deepEqual(a.value, predict(X, w, 0.5));
    // The data file is gone once the call has answered.
    assert.deepEqual([...Deno.readDirSync(join(staged.dir, "data"))], []);
  } finally {
    await judge.close();
    await staged.cleanup();
  }
});

Deno.test("gradeInputFiles() lists what decides an exercise's grade", () => {
  const batch = allExercises().find((e) => e.name === "batch_gd")!;
  const files = gradeInputFiles(batch);
  for (
    const f of [
      batch.file, // the published stub
      batch.hiddenFile,
      batch.variantsFile,
      batch.textsFile("en"),
      "solutions/02_gradient_descent/batch_gd.ts",
      "solutions/02_gradient_descent/mse_gradient.ts", // imported by the reference
      "solutions/01_linear_regression/mse.ts",
      "solutions/01_linear_regression/predict.ts",
    ]
  ) assert.ok(files.includes(f), `${f} in ${files.join(" ")}`);
  // Nothing of another exercise's own cases, variants or texts.
  assert.ok(
    !files.some((f) => f.includes("normal_equations") || f.includes("sgd")),
    files.join(" "),
  );
});

Deno.test("grade: an exercise that imports a later one does not leave the later one unreferenced", async () => {
  const predict = await Deno.readTextFile(join(ROOT, "solutions/01_linear_regression/predict.ts"));
  const r = await gradeWith({
    // predict (graded first) imports mse_gradient, so the child loads the student's mse_gradient…
    "exercises/01_linear_regression/predict.ts":
      `import { mseGradient } from "../02_gradient_descent/mse_gradient.ts";\nvoid mseGradient;\n` +
      predict,
    "exercises/02_gradient_descent/mse_gradient.ts":
      "export function mseGradient(X: number[][]) { return { dW: X[0].map(() => 0), db: 0 }; }\n",
  }, { only: ["predict", "mse_gradient", "batch_gd"] });
  assert.equal(ex(r, "predict").score, ex(r, "predict").max, toText(r));
  assert.ok(ex(r, "mse_gradient").score < ex(r, "mse_gradient").max);
  // …yet batch_gd, graded later, gets the reference mse_gradient.
  assert.equal(ex(r, "batch_gd").score, ex(r, "batch_gd").max, toText(r));
});

Deno.test("grade: documented properties are graded: purity and tensor leaks cost the property's case", async () => {
  const sol = (name: string) =>
    Deno.readTextFileSync(join(ROOT, `solutions/02_gradient_descent/${name}.ts`));
  const dir = await submission({
    // Momentum that updates θ and v in place and returns them.
    "exercises/02_gradient_descent/momentum.ts":
      `export function momentumStep(theta: number[], grad: number[], velocity: number[], opts: { learningRate: number; beta: number }) {
  if (grad.length !== theta.length || velocity.length !== theta.length) throw new RangeError("lengths");
  for (let i = 0; i < theta.length; i++) {
    velocity[i] = opts.beta * velocity[i] + grad[i];
    theta[i] -= opts.learningRate * velocity[i];
  }
  return { theta, velocity };
}
`,
    // A numerical gradient that nudges the caller's θ and puts it back (not exactly).
    "exercises/02_gradient_descent/numerical_gradient.ts":
      `export function numericalGradient(f: (t: number[]) => number, theta: number[], eps = 1e-5): number[] {
  if (theta.length === 0 || !(eps > 0)) throw new RangeError("bad input");
  return theta.map((_, i) => {
    theta[i] += eps;
    const up = f(theta);
    theta[i] -= 2 * eps;
    const down = f(theta);
    theta[i] += eps;
    return (up - down) / (2 * eps);
  });
}
`,
    // The reference without tf.tidy: every call leaves its tensors behind.
    "exercises/02_gradient_descent/tf_gradient.ts": sol("tf_gradient").replace(
      "return tf.tidy(() => {",
      "return (() => {",
    ).replace(/\}\);\n\}\s*$/, "})();\n}\n"),
  });
  try {
    const r = await gradeSubmission(dir, {
      repoRoot: ROOT,
      only: ["momentum", "numerical_gradient", "tf_gradient"],
    });
    for (
      const [name, id] of [["momentum", "leaves-its-arguments-unchanged"], [
        "numerical_gradient",
        "leaves-theta-unchanged",
      ], ["tf_gradient", "leaks-no-tensors"]]
    ) {
      const ex = r.exercises.find((e) => e.name === name)!;
      const failed = ex.cases.filter((c) => c.status !== "passed").map((c) => c.id);
      assert.deepEqual(
        failed,
        [id],
        `${name}: ${JSON.stringify(ex.cases.filter((c) => c.status !== "passed"))}`,
      );
    }
    const leak = r.exercises.find((e) => e.name === "tf_gradient")!.cases.find((c) =>
      c.id === "leaks-no-tensors"
    )!;
    assert.match(leak.message, /left \d+ tensors? alive .*tf\.tidy/);
    const pure = r.exercises.find((e) => e.name === "momentum")!.cases.find((c) =>
      c.id === "leaves-its-arguments-unchanged"
    )!;
    assert.match(pure.message, /changed its arguments/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: exact-zero tests the lessons warn against (ssTot === 0, det(A) === 0) lose points", async () => {
  const sol = (name: string) =>
    Deno.readTextFileSync(join(ROOT, `solutions/01_linear_regression/${name}.ts`));
  const rSquared = sol("r_squared").replace(
    "if (y.every((v) => v === y[0])) return ssRes === 0 ? 1 : 0;",
    "if (ssTot === 0) return ssRes === 0 ? 1 : 0;",
  );
  const normal = sol("normal_equations").replace(/if \(!\(d > [^)]*\)\)/, "if (d === 0)");
  assert.notEqual(rSquared, sol("r_squared"));
  assert.notEqual(normal, sol("normal_equations"));
  const dir = await submission({
    "exercises/01_linear_regression/r_squared.ts": rSquared,
    "exercises/01_linear_regression/normal_equations.ts": normal,
  });
  try {
    const r = await gradeSubmission(dir, {
      repoRoot: ROOT,
      only: ["r_squared", "normal_equations"],
    });
    const failed = (name: string) =>
      r.exercises.find((e) => e.name === name)!.cases.filter((c) => c.status !== "passed").map((
        c,
      ) => c.id);
    assert.ok(
      failed("r_squared").includes("constant-y-whose-mean-rounds"),
      String(failed("r_squared")),
    );
    assert.ok(
      failed("normal_equations").includes("throws-when-a-column-is-a-non-integer-combination"),
      String(failed("normal_equations")),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: typed arrays (tensor data) reach the student's function as the same typed arrays", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-typed-" });
  await Deno.mkdir(join(dir, "exercises", "01_linear_regression"), { recursive: true });
  await Deno.writeTextFile(
    join(dir, "exercises", "01_linear_regression", "predict.ts"),
    `export function predict(x: unknown, labels: unknown) {
  const a = x as Float32Array, l = labels as Int32Array;
  return [a.constructor.name, a.length, a[1], l.constructor.name, l.length, l[2]];
}
`,
  );
  const staged = await stageSubmission(dir, ROOT);
  const judge = new Judge({ stageDir: staged.dir, repoRoot: ROOT, denoDir: await denoCacheDir() });
  try {
    const images = new Float32Array(8 * 784).map((_, i) => (i % 7) / 7);
    const labels = Int32Array.from({ length: 8 }, (_, i) => i % 10);
    const a = await judge.call({
      file: pathToFileURL(join(staged.dir, "exercises/01_linear_regression/predict.ts")).href,
      entry: "predict",
      args: [images, labels],
      timeLimitMs: 10_000,
    });
    assert.equal(a.status, "ok", JSON.stringify(a));
    assert.deepEqual(a.value, ["Float32Array", 8 * 784, Math.fround(1 / 7), "Int32Array", 8, 2]);
  } finally {
    await judge.close();
    await staged.cleanup();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: loose files named after exercises are graded, and the flag says which", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-loose-" });
  try {
    for (const name of ["mse", "predict"]) {
      await Deno.copyFile(
        join(ROOT, `solutions/01_linear_regression/${name}.ts`),
        join(dir, `${name}.ts`),
      );
    }
    await Deno.writeTextFile(join(dir, "notes.ts"), "export const x = 1;\n");
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["mse", "predict", "r_squared"] });
    const score = (n: string) => r.exercises.find((e) => e.name === n)!;
    assert.equal(score("mse").score, score("mse").max);
    assert.equal(score("predict").score, score("predict").max);
    assert.equal(score("r_squared").score, 0);
    const flag = r.flags.find((f) => f.code === "loose-files");
    assert.ok(flag, JSON.stringify(r.flags));
    assert.match(flag!.message, /mse\.ts as 01_linear_regression\/mse\.ts/);
    assert.doesNotMatch(flag!.message, /notes/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: a submission holding the grader's hidden cases or variants is flagged", async () => {
  const dir = await submission({
    "course/01_linear_regression/mse/hidden.ts": "export default [];\n",
  });
  try {
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["mse"] });
    assert.ok(r.flags.some((f) => f.code === "holds-hidden-tests"), JSON.stringify(r.flags));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: training checks recompute the loss from the returned parameters (made-up losses earn nothing)", async () => {
  // w and b stay at 0; the losses are invented to look like a perfect (or a diverging) run.
  const dir = await submission({
    "exercises/02_gradient_descent/batch_gd.ts":
      `export function batchGradientDescent(X: number[][], y: number[], o: { learningRate: number; epochs: number }) {
  const losses = Array.from({ length: o.epochs + 1 }, (_, k) => (o.learningRate >= 0.5 ? 1e300 : 1) / 10 ** k);
  return { w: new Array(X[0].length).fill(0), b: 0, losses };
}
`,
  });
  try {
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["batch_gd"] });
    const ex = r.exercises.find((e) => e.name === "batch_gd")!;
    const passed = ex.cases.filter((c) => c.status === "passed").map((c) => c.id);
    assert.ok(
      !passed.includes("the-loss-falls-below-1-of-the-start-in-300-epochs-noiseless"),
      String(passed),
    );
    assert.ok(
      !passed.includes("0-5-on-the-seed-s-data-diverges-as-the-seed-s-own-program-do"),
      String(passed),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: a trainCnn that looks the held-out labels up in the kit's digits earns nothing", async () => {
  // Matches each test image against the kit's labelled digits instead of training.
  const dir = await submission({
    "exercises/04_convolution/train_cnn.ts": `import { loadDigits } from "../../lib/mnist.ts";
export async function trainCnn(_train: unknown, test: Float32Array) {
  const all = await loadDigits();
  const out: number[] = [];
  for (let i = 0; i < test.length / 784; i++) {
    for (let j = 0; j < all.count; j++) {
      let k = 0;
      while (k < 784 && all.images[j * 784 + k] === test[i * 784 + k]) k++;
      if (k === 784) { out.push(all.labels[j]); break; }
    }
  }
  return out;
}
`,
  });
  try {
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["train_cnn"] });
    const ex = r.exercises.find((e) => e.name === "train_cnn")!;
    assert.equal(ex.score, 0, JSON.stringify(ex.cases.map((c) => [c.id, c.status, c.message])));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: a trainCnn that carries every digit's true label in its source earns nothing for training", async () => {
  // The answers compiled in (a table from a fingerprint of each image to its label), no training:
  // the grader teaches relabelled digits, so knowing the true labels is not learning them.
  const { loadDigits } = await import("../lib/mnist.ts");
  const all = await loadDigits();
  const key = (img: ArrayLike<number>, at: number) => {
    let h = 0;
    for (let k = 0; k < 784; k++) h = (h * 31 + Math.round(img[at + k] * 255)) >>> 0;
    return h;
  };
  const table: Record<number, number> = {};
  for (let j = 0; j < all.count; j++) table[key(all.images, j * 784)] = all.labels[j];
  const dir = await submission({
    "exercises/04_convolution/train_cnn.ts": `const TABLE: Record<number, number> = ${
      JSON.stringify(table)
    };
const key = ${key.toString()};
export function trainCnn(_train: unknown, test: Float32Array) {
  return Array.from({ length: test.length / 784 }, (_, i) => TABLE[key(test, i * 784)] ?? 0);
}
`,
  });
  try {
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["train_cnn"] });
    const ex = r.exercises.find((e) => e.name === "train_cnn")!;
    const taught = ex.cases.find((c) => c.id === "labels-held-out-digits-as-taught")!;
    assert.notEqual(taught.outcome, "passed");
    assert.match(taught.message ?? "", /true labels for 100\.0 %/);
    assert.ok(ex.score <= 2, JSON.stringify(ex.cases.map((c) => [c.id, c.outcome])));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade: NaN, ±Infinity and undefined in arguments reach the student's function as themselves", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-nonfinite-" });
  await Deno.mkdir(join(dir, "exercises", "01_linear_regression"), { recursive: true });
  await Deno.writeTextFile(
    join(dir, "exercises", "01_linear_regression", "predict.ts"),
    `export function predict(...args: unknown[]) {
  return args.map((a) => Array.isArray(a) ? a.map((x) => String(x)) : String(a));
}
`,
  );
  const staged = await stageSubmission(dir, ROOT);
  const judge = new Judge({ stageDir: staged.dir, repoRoot: ROOT, denoDir: await denoCacheDir() });
  try {
    const a = await judge.call({
      file: pathToFileURL(join(staged.dir, "exercises/01_linear_regression/predict.ts")).href,
      entry: "predict",
      args: [[0, -Infinity, 1], NaN, Infinity, undefined],
      timeLimitMs: 10_000,
    });
    assert.equal(a.status, "ok", JSON.stringify(a));
    assert.deepEqual(a.value, [["0", "-Infinity", "1"], "NaN", "Infinity", "undefined"]);
  } finally {
    await judge.close();
    await staged.cleanup();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("judge: children write Deno's caches into a private folder, removed when the grader ends", async () => {
  const denoDir = await denoCacheDir();
  const probe = await Deno.makeTempDir();
  const tmp = join(probe, "..");
  await Deno.remove(probe);
  // A folder left by a grader that was killed (its lock file is free)…
  const stale = join(tmp, `tensorlings-cache-killed-${crypto.randomUUID()}`);
  await Deno.mkdir(join(stale, "gen"), { recursive: true });
  await Deno.writeTextFile(join(stale, "owner.lock"), "");
  // …one of a grader still running (this process holds its lock)…
  const running = join(tmp, `tensorlings-cache-running-${crypto.randomUUID()}`);
  await Deno.mkdir(join(running, "gen"), { recursive: true });
  const held = await Deno.open(join(running, "owner.lock"), { write: true, create: true });
  await held.lock(true);
  // …and one being made this moment (no lock file yet).
  const making = join(tmp, `tensorlings-cache-making-${crypto.randomUUID()}`);
  await Deno.mkdir(making);
  const gen = join(denoDir, "gen", "file", tmp);
  const staged = async () =>
    new Set(
      [...await Array.fromAsync(Deno.readDir(gen)).catch(() => [])]
        .map((e) => e.name).filter((n) => n.startsWith("tensorlings-stage-")),
    );
  const before = await staged();
  const script = join(ROOT, `.tensorlings-cache-probe-${crypto.randomUUID()}.ts`);
  await Deno.writeTextFile(
    script,
    `import { gradeSubmission } from ${
      JSON.stringify(pathToFileURL(join(ROOT, "grader/grade.ts")).href)
    };
import { childCacheDir, denoCacheDir } from ${
      JSON.stringify(pathToFileURL(join(ROOT, "grader/judge.ts")).href)
    };
const r = await gradeSubmission(${JSON.stringify(join(ROOT, "solutions"))}, {
  repoRoot: ${JSON.stringify(ROOT)},
  only: ["predict", "tf_gradient"],
});
const cache = childCacheDir(await denoCacheDir());
console.log(JSON.stringify({ score: r.score, max: r.max, cache, wrote: [...Deno.readDirSync(cache)].length }));
`,
  );
  try {
    // With the grade task's own permissions (no /proc for it), not the tests' -A.
    const ran = await runScriptAs("grade", script);
    assert.equal(ran.code, 0, ran.stderr);
    const out = JSON.parse(ran.stdout.trim().split("\n").at(-1)!);
    assert.equal(out.score, out.max, "the solutions graded in full");
    assert.ok(out.wrote > 1, "the children wrote their caches next to the npm link");
    assert.ok(!(await Deno.stat(out.cache).catch(() => null)), "the private cache is removed");
    assert.ok(!(await Deno.stat(stale).catch(() => null)), "a dead grader's folder is removed");
    assert.ok(await Deno.stat(join(running, "gen")), "a running grader's folder is kept");
    assert.ok(await Deno.stat(making), "a folder being made is kept");
    const added = [...await staged()].filter((n) => !before.has(n));
    assert.deepEqual(added, [], "no staged submission's code in Deno's own cache");
  } finally {
    await Deno.remove(script).catch(() => {});
    held.close();
    for (const d of [stale, running, making]) {
      await Deno.remove(d, { recursive: true }).catch(() => {});
    }
  }
});

/**
 * Runs a Judge in a process with the grade task's permissions (the tests run with -A, which lets a
 * process read /proc; the grade task cannot): stages the solutions, writes `probe` as
 * exercises/probe.ts, runs `calls` (a script body that sees `judge`, `file` and fills `out`) and
 * returns `out`.
 */
// deno-lint-ignore no-explicit-any
async function probeAsGradeTask(probe: string, calls: string): Promise<Record<string, any>> {
  const script = join(ROOT, `.tensorlings-judge-probe-${crypto.randomUUID()}.ts`);
  const url = (rel: string) => JSON.stringify(pathToFileURL(join(ROOT, rel)).href);
  await Deno.writeTextFile(
    script,
    `import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { denoCacheDir, Judge } from ${url("grader/judge.ts")};
import { stageSubmission } from ${url("grader/submission.ts")};
const root = ${JSON.stringify(ROOT)};
const staged = await stageSubmission(join(root, "solutions"), root);
const judge = new Judge({ stageDir: staged.dir, repoRoot: root, denoDir: await denoCacheDir() });
const probe = join(staged.dir, "exercises", "probe.ts");
await Deno.writeTextFile(probe, ${JSON.stringify(probe)});
const file = pathToFileURL(probe).href;
const out: Record<string, unknown> = {};
${calls}
await judge.close();
await staged.cleanup();
console.log(JSON.stringify(out));
`,
  );
  try {
    const ran = await runScriptAs("grade", script);
    assert.equal(ran.code, 0, ran.stderr);
    return JSON.parse(ran.stdout.trim().split("\n").at(-1)!);
  } finally {
    await Deno.remove(script).catch(() => {});
  }
}

Deno.test("judge: a call's limit is on the child's CPU time, also with the grade task's permissions", async () => {
  // The grade task's limits must still count the child's CPU time, not the clock (a busy machine
  // must not time out an honest case).
  const out = await probeAsGradeTask(
    `export async function wait(ms: number) { await new Promise((r) => setTimeout(r, ms)); return 1; }
export function spin(ms: number) { const t = performance.now(); while (performance.now() - t < ms); return 2; }
`,
    `for (const [entry, args, timeLimitMs] of [["spin", [200], 2000], ["wait", [2500], 1500], ["spin", [20000], 1500]] as const) {
  const a = await judge.call({ file, entry, args: [...args], timeLimitMs });
  out[entry + args[0]] = { status: a.status, ms: Math.round(a.ms) };
}`,
  );
  assert.equal(out.spin200.status, "ok", JSON.stringify(out));
  // 2.5 s of waiting uses no CPU: within a 1.5 s CPU limit (the wall-clock backstop is 5.5 s).
  assert.equal(out.wait2500.status, "ok", JSON.stringify(out));
  // Computing is stopped soon after its 1.5 s of CPU.
  assert.equal(out.spin20000.status, "timeout", JSON.stringify(out));
  assert.ok(out.spin20000.ms < 4500, JSON.stringify(out));
});

Deno.test("judge: student code cannot forge its CPU time, see the answer frames or fill the disk through web storage", async () => {
  // With the grade task's permissions the CPU time comes partly from the child.
  const out = await probeAsGradeTask(
    `let seen = "";
export function hook() {
  (Deno as any).cpuUsage = () => ({ user: 1e16, system: 0 });
  const p = Object.getPrototypeOf(Uint8Array.prototype);
  const sub = p.subarray;
  p.subarray = function (this: Uint8Array, ...a: number[]) {
    seen += Array.from(sub.call(this, 0, 80), (c: number) => String.fromCharCode(c)).join("");
    return sub.apply(this, a);
  };
  return 0;
}
export function frames() { return seen.includes('"ok"') || seen.includes('"id"'); }
export function spin(ms: number) { const t = performance.now(); while (performance.now() - t < ms); return 2; }
export function storage() { return [typeof (globalThis as any).caches, typeof (globalThis as any).localStorage]; }
`,
    `const call = (entry: string, args: unknown[] = []) =>
  judge.call({ file, entry, args, timeLimitMs: 1500 });
await call("hook");
out.frames = (await call("frames")).value;
// The same child (a timeout replaces it): its CPU count was forged by hook().
const spun = await call("spin", [20000]);
out.spin = { status: spun.status, ms: Math.round(spun.ms) };
out.storage = (await call("storage")).value;`,
  );
  // A forged CPU count would leave only the wall-clock backstop (5.5 s).
  assert.equal(out.spin.status, "timeout", JSON.stringify(out));
  assert.ok(out.spin.ms < 4500, JSON.stringify(out));
  assert.equal(out.frames, false, JSON.stringify(out));
  assert.deepEqual(out.storage, ["undefined", "undefined"]);
});

Deno.test("judge: a student's tfjs in the sandbox runs on wasm, with the kit's kernels", async () => {
  const staged = await stageSubmission(join(ROOT, "solutions"), ROOT);
  const judge = new Judge({ stageDir: staged.dir, repoRoot: ROOT, denoDir: await denoCacheDir() });
  try {
    // The wasm binary is read from the npm cache through the child's private cache folder: a read
    // the sandbox refused would leave the kit silently on the 65× slower cpu backend.
    const probe = join(staged.dir, "exercises", "probe.ts");
    await Deno.writeTextFile(
      probe,
      `import { tf } from "../lib/tf.ts";
export function backend(): string[] {
  const kit = (name: string) => (tf.getKernel(name, "wasm")?.kernelFunc as { kit?: boolean })?.kit;
  return [tf.getBackend(), String(kit("MaxPoolGrad")), String(kit("BatchMatMul"))];
}
`,
    );
    const a = await judge.call({
      file: pathToFileURL(probe).href,
      entry: "backend",
      args: [],
      timeLimitMs: 10_000,
    });
    assert.equal(a.status, "ok", JSON.stringify(a.error));
    assert.deepEqual(a.value, ["wasm", "true", "true"]);
  } finally {
    await judge.close();
    await staged.cleanup();
  }
});

Deno.test("grade: a case whose inputs cannot be drawn is retried on derived seeds, then dropped, never fatal", async () => {
  const predict = allExercises().find((e) => e.name === "predict")!;
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-faulty-cases-" });
  try {
    const file = join(dir, "hidden.ts");
    await Deno.writeTextFile(
      file,
      `let draws = 0;
const args = () => [[[1, 2], [3, 4]], [0.5, -1], 2];
export default [
  { id: "unlucky-once", name: "unlucky once", points: 2,
    args: () => { if (draws++ === 0) throw new Error("no inputs with the property"); return args(); } },
  { id: "never-drawn", name: "never drawn", points: 3,
    args: () => { throw new Error("the generator is broken"); } },
  { id: "plain", name: "plain", points: 1, args },
];
`,
    );
    const ex = { ...predict, hiddenFile: relative(ROOT, file) };
    const ref = (await import(pathToFileURL(join(ROOT, ex.solutionFile)).href))[ex.entry];
    const er: ExerciseResult = {
      name: ex.name,
      lesson: ex.lesson.dir,
      score: 0,
      max: 6,
      cases: [],
    };
    const flags: Flag[] = [];
    await gradeExercise(directCaller(ref), ex, "", er, flags, { repoRoot: ROOT });
    const [once, never, plain] = er.cases;
    assert.equal(once.outcome, "passed", once.message);
    assert.equal(plain.outcome, "passed", plain.message);
    assert.equal(never.outcome, "not-run");
    assert.equal(never.max, 0);
    assert.match(
      never.message,
      /could not pose this case .*the generator is broken.*does not count/,
    );
    // The dropped case counts neither for nor against: full marks of what could be posed.
    assert.equal(er.max, 3);
    assert.equal(er.score, 3);
    assert.ok(flags.some((f) => f.code === "grader-error" && f.exercise === "predict"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
