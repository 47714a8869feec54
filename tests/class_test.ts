// Grading a class: bad input of every kind, resuming, sharding and merging,
// late work, and the command line.
import assert from "node:assert/strict";
import { join } from "node:path";
import { gradeClass, resultPath } from "../grader/batch.ts";
import type { StudentRecord } from "../grader/class_types.ts";
import { buildGradebook, gradebookCsv, readRecords } from "../grader/gradebook.ts";
import { loadLatePolicy } from "../grader/late.ts";
import { ROOT, runScriptAs, zipOf } from "./_helpers.ts";
import { allExercises } from "../course/manifest.ts";

const ONLY = ["predict", "mse"];
const SECRET = new TextEncoder().encode("class test secret, not a real one");

async function solutionFiles(prefix = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ["predict", "mse"]) {
    out[`${prefix}exercises/01_linear_regression/${name}.ts`] = await Deno.readTextFile(
      join(ROOT, "solutions/01_linear_regression", `${name}.ts`),
    );
  }
  return out;
}

async function writeFolder(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await Deno.mkdir(join(dir, rel, ".."), { recursive: true });
    await Deno.writeTextFile(join(dir, rel), text);
  }
}

/** A class with one student of each awkward kind. */
async function makeAwkwardClass(dir: string): Promise<void> {
  const good = await solutionFiles();
  await writeFolder(join(dir, "alice"), good);
  await Deno.writeFile(join(dir, "bob.zip"), zipOf(good));
  await writeFolder(join(dir, "carol"), await solutionFiles("carol/")); // nested one level
  await Deno.mkdir(join(dir, "dave")); // empty
  await Deno.writeTextFile(join(dir, "erin.zip"), "not a zip"); // broken archive
  await writeFolder(join(dir, "frank"), good); // handed in twice:
  await Deno.writeFile(join(dir, "frank.zip"), zipOf(good));
  await Deno.writeTextFile(join(dir, "notes.txt"), "not a submission");
  await writeFolder(join(dir, "gina"), {
    ...good,
    "solutions/01_linear_regression/predict.ts": "x",
  });
  await writeFolder(join(dir, "hal"), {
    ...good,
    "exercises/01_linear_regression/predict.ts":
      "export function predict(): number[] { while (true) { /* spin */ } }",
  });
  await writeFolder(join(dir, "ivy"), {
    "exercises/01_linear_regression/mse.ts": good["exercises/01_linear_regression/mse.ts"],
  });
  await Deno.symlink(
    join(ROOT, "solutions/01_linear_regression/predict.ts"),
    join(dir, "ivy/exercises/01_linear_regression/predict.ts"),
  );
}

const byId = (records: StudentRecord[]) => new Map(records.map((r) => [r.id, r]));

Deno.test("grade-all: every awkward submission is reported for its student and the batch goes on", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-class-" });
  const out = await Deno.makeTempDir({ prefix: "tensorlings-out-" });
  try {
    await makeAwkwardClass(dir);
    const summary = await gradeClass(dir, {
      repoRoot: ROOT,
      outDir: out,
      jobs: 2,
      only: ONLY,
      secret: SECRET,
    });
    const records = byId(await readRecords([out]));
    await t.step("counts and skipped files", () => {
      assert.equal(summary.total, 9);
      assert.deepEqual(summary.skipped, ["notes.txt"]);
      assert.deepEqual([...records.keys()], [
        "alice",
        "bob",
        "carol",
        "dave",
        "erin",
        "frank",
        "gina",
        "hal",
        "ivy",
      ]);
    });
    await t.step("good folders, zips and nested folders get full marks", () => {
      for (const id of ["alice", "bob", "carol"]) assert.equal(records.get(id)!.finalScore, 20, id);
    });
    await t.step("empty, not-a-zip and duplicate submissions are errors with reasons", () => {
      assert.match(records.get("dave")!.error!, /holds no exercise files/);
      assert.match(records.get("erin")!.error!, /not a zip archive/);
      assert.match(
        records.get("frank")!.error!,
        /handed in more than once \(frank and frank\.zip\)/,
      );
      for (const id of ["dave", "erin", "frank"]) assert.equal(records.get(id)!.status, "error");
    });
    await t.step("solutions/ inside, a timeout and a symlink are flagged, not fatal", () => {
      assert.ok(records.get("gina")!.result!.flags.some((f) => f.code === "holds-solutions"));
      assert.equal(records.get("gina")!.finalScore, 20);
      assert.ok(records.get("hal")!.result!.flags.some((f) => f.code === "timeout"));
      assert.equal(records.get("hal")!.finalScore, 10);
      assert.ok(records.get("ivy")!.result!.flags.some((f) => f.code === "symlink"));
      assert.equal(records.get("ivy")!.finalScore, 10);
    });
    await t.step("the gradebook has a row per student", async () => {
      const csv = gradebookCsv(await buildGradebook([...records.values()], ROOT));
      const rows = csv.trim().split("\n");
      assert.equal(rows.length, 10);
      const names = allExercises().map((e) => e.name).join(",");
      assert.equal(
        rows[0],
        `id,status,score,max,days_late,penalty,final,${names},not_passed,flags,error`,
      );
      assert.match(csv, /\nalice,graded,20,/);
      assert.match(csv, /\ndave,error,0,/);
      // How the cases that earned nothing ended, from the outcomes.
      const hal = rows.find((r) => r.startsWith("hal,"))!.split(",");
      assert.equal(hal[rows[0].split(",").indexOf("not_passed")], "timeout:2 not-run:5");
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("grade-all: a re-run resumes; a changed or half-written result is graded again", async () => {
  const dir = await Deno.makeTempDir();
  const out = await Deno.makeTempDir();
  try {
    const good = await solutionFiles();
    for (const id of ["a1", "a2", "a3"]) await writeFolder(join(dir, id), good);
    const opts = { repoRoot: ROOT, outDir: out, jobs: 2, only: ONLY, secret: SECRET };
    const first = await gradeClass(dir, opts);
    assert.equal(first.graded, 3);
    const again = await gradeClass(dir, opts);
    assert.deepEqual([again.graded, again.reused], [0, 3]);
    await Deno.writeTextFile(
      join(dir, "a2/exercises/01_linear_regression/mse.ts"),
      "export const mse = () => 0;\n",
    );
    await Deno.writeTextFile(resultPath(out, "a3"), '{"id": "a3", "stat'); // a crash mid-write
    const third = await gradeClass(dir, opts);
    assert.deepEqual([third.graded, third.reused], [2, 1]);
    const records = byId(await readRecords([out]));
    assert.ok(records.get("a2")!.finalScore < 20); // the changed mse is wrong now
    assert.equal(records.get("a3")!.finalScore, 20);
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("grade-all: shards merged equal a single run", async () => {
  const dir = await Deno.makeTempDir();
  const outs = [await Deno.makeTempDir(), await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const good = await solutionFiles();
    const wrong = {
      ...good,
      "exercises/01_linear_regression/predict.ts": good["exercises/01_linear_regression/predict.ts"]
        .replace("let sum = b;", "let sum = 0;"),
    };
    for (let i = 0; i < 5; i++) await writeFolder(join(dir, `st${i}`), i % 2 ? wrong : good);
    const base = { repoRoot: ROOT, jobs: 2, only: ONLY, secret: SECRET };
    await gradeClass(dir, { ...base, outDir: outs[0] });
    await gradeClass(dir, { ...base, outDir: outs[1], shard: [1, 2] });
    await gradeClass(dir, { ...base, outDir: outs[2], shard: [2, 2] });
    const single = gradebookCsv(await buildGradebook(await readRecords([outs[0]]), ROOT));
    const merged = gradebookCsv(await buildGradebook(await readRecords([outs[1], outs[2]]), ROOT));
    assert.equal(merged, single);
    assert.equal((await readRecords([outs[1]])).length, 3);
    assert.equal((await readRecords([outs[2]])).length, 2);
  } finally {
    await Deno.remove(dir, { recursive: true });
    for (const o of outs) await Deno.remove(o, { recursive: true });
  }
});

Deno.test("grade-all: late work is penalised by the config's policy", async () => {
  const dir = await Deno.makeTempDir();
  const out = await Deno.makeTempDir();
  const cfgDir = await Deno.makeTempDir();
  try {
    const good = await solutionFiles();
    for (const id of ["early", "late2", "bymtime"]) await writeFolder(join(dir, id), good);
    const old = new Date("2026-01-01T00:00:00Z");
    for (const f of ["predict", "mse"]) {
      await Deno.utime(join(dir, "bymtime/exercises/01_linear_regression", `${f}.ts`), old, old);
    }
    await Deno.writeTextFile(
      join(cfgDir, "grading.json"),
      JSON.stringify({
        due: "2026-03-01T23:59:00Z",
        late: { perDay: 0.25, max: 0.5, graceMinutes: 10 },
        times: "times.json",
      }),
    );
    await Deno.writeTextFile(
      join(cfgDir, "times.json"),
      JSON.stringify({ early: "2026-03-01T23:59:30Z", late2: "2026-03-03T12:00:00Z" }),
    );
    const late = await loadLatePolicy(join(cfgDir, "grading.json"));
    await gradeClass(dir, { repoRoot: ROOT, outDir: out, only: ONLY, secret: SECRET, late });
    const r = byId(await readRecords([out]));
    assert.deepEqual(r.get("early")!.late, {
      submittedAt: "2026-03-01T23:59:30.000Z",
      source: "manifest",
      daysLate: 0,
      penalty: 0,
    });
    assert.equal(r.get("late2")!.late!.daysLate, 2);
    assert.equal(r.get("late2")!.finalScore, 10);
    assert.equal(r.get("bymtime")!.late!.source, "mtime");
    assert.equal(r.get("bymtime")!.finalScore, 20);
    await Deno.writeTextFile(join(cfgDir, "bad.json"), JSON.stringify({ due: "next tuesday" }));
    await assert.rejects(() => loadLatePolicy(join(cfgDir, "bad.json")), /due must be a date/);
  } finally {
    for (const d of [dir, out, cfgDir]) await Deno.remove(d, { recursive: true });
  }
});

Deno.test("grade-all and grade-merge on the command line", async () => {
  const dir = await Deno.makeTempDir();
  const out = await Deno.makeTempDir();
  const merged = await Deno.makeTempDir();
  const secretFile = join(out, "..", `secret-${crypto.randomUUID()}.key`);
  const run = async (...args: string[]) => {
    const r = await runScriptAs("grade-all", "grader/class_main.ts", ...args);
    return { code: r.code, out: r.stdout, err: r.stderr };
  };
  try {
    await writeFolder(join(dir, "zed"), await solutionFiles());
    assert.equal((await run("all")).code, 2);
    assert.equal((await run("all", dir, "--out", out, "--shard", "3/2")).code, 2);
    assert.equal((await run("all", join(dir, "missing"), "--out", out)).code, 1);
    const ok = await run(
      "all",
      dir,
      "--out",
      out,
      "--only",
      "predict,mse",
      "--secret",
      secretFile,
      "--jobs",
      "1",
    );
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /1 submissions: 1 graded/);
    for (const f of ["gradebook.csv", "gradebook.json", "report.html", resultPath("", "zed")]) {
      assert.ok((await Deno.stat(join(out, f))).isFile, f);
    }
    const m = await run("merge", out, "--out", merged);
    assert.equal(m.code, 0, m.err);
    assert.equal(
      await Deno.readTextFile(join(merged, "gradebook.csv")),
      await Deno.readTextFile(join(out, "gradebook.csv")),
    );
  } finally {
    for (const d of [dir, out, merged]) await Deno.remove(d, { recursive: true });
    await Deno.remove(secretFile).catch(() => {});
  }
});

Deno.test("grade-all: a resumed run regrades only the exercises whose grade inputs changed", async (t) => {
  const dir = await Deno.makeTempDir();
  const out = await Deno.makeTempDir();
  try {
    const good = await solutionFiles();
    for (const id of ["r1", "r2"]) await writeFolder(join(dir, id), good);
    const base = { repoRoot: ROOT, outDir: out, jobs: 2, secret: SECRET };
    const first = await gradeClass(dir, { ...base, only: ONLY });
    assert.deepEqual([first.graded, first.exercisesGraded], [2, 4]);
    const before = byId(await readRecords([out]));

    await t.step("a changed feedback text regrades that exercise alone, and merges", async () => {
      const texts = { "predict.no_bias": { title: "No bias", explain: "changed" } };
      const s = await gradeClass(dir, { ...base, only: ONLY, misconceptionTexts: texts });
      assert.deepEqual([s.graded, s.partly, s.exercisesGraded, s.reused], [2, 2, 2, 0]);
      const r = byId(await readRecords([out])).get("r1")!;
      assert.deepEqual(r.result!.regraded, ["predict"]);
      assert.deepEqual(r.result!.exercises.map((e) => e.name), ["predict", "mse"]);
      assert.equal(r.finalScore, 20);
      // mse was kept as it was.
      assert.deepEqual(
        r.result!.exercises[1],
        before.get("r1")!.result!.exercises.find((e) => e.name === "mse"),
      );
    });
    await t.step("a wider --only grades the new exercise alone", async () => {
      const s = await gradeClass(dir, { ...base, only: [...ONLY, "r_squared"] });
      // predict again (its texts are back to none), and r_squared, which is missing: 0 points.
      assert.deepEqual([s.partly, s.exercisesGraded], [2, 4]);
      const r = byId(await readRecords([out])).get("r2")!;
      assert.deepEqual(r.result!.exercises.map((e) => e.name), ["predict", "mse", "r_squared"]);
      assert.equal(r.result!.max, r.result!.exercises.reduce((n, e) => n + e.max, 0));
      assert.ok(r.result!.max > 20); // r_squared's points are in
    });
    await t.step("a narrower --only keeps the record, without the exercise left out", async () => {
      const s = await gradeClass(dir, { ...base, only: ONLY });
      assert.deepEqual([s.graded, s.reused], [0, 2]);
      const r = byId(await readRecords([out])).get("r2")!;
      assert.deepEqual(r.result!.exercises.map((e) => e.name), ["predict", "mse"]);
      assert.equal(r.result!.max, 20);
    });
    await t.step("another secret regrades everything", async () => {
      const other = new TextEncoder().encode("another class secret of some length");
      const s = await gradeClass(dir, { ...base, only: ONLY, secret: other });
      assert.deepEqual([s.graded, s.partly, s.exercisesGraded], [2, 0, 4]);
    });
    await t.step("a new late policy is applied to kept records", async () => {
      const late = {
        due: new Date("2000-01-01T00:00:00Z"),
        graceMs: 0,
        perDay: 0.1,
        max: 0.5,
        times: {},
      };
      const other = new TextEncoder().encode("another class secret of some length");
      const s = await gradeClass(dir, { ...base, only: ONLY, secret: other, late });
      assert.deepEqual([s.graded, s.reused], [0, 2]);
      const r = byId(await readRecords([out])).get("r1")!;
      assert.equal(r.late!.penalty, 0.5);
      assert.equal(r.finalScore, 10);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(out, { recursive: true });
  }
});
