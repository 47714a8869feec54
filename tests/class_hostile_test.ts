// A class run under attack (issue 10): student IDs, files and outputs that once stopped the
// batch, hung it or made its outputs unsafe to open. Every submission here is real and graded
// by gradeClass, as `deno task grade-all` does.
import assert from "node:assert/strict";
import { join } from "node:path";
import { gradeClass, inputHash, resultPath } from "../grader/batch.ts";
import { gradeSubmission } from "../grader/grade.ts";
import type { StudentRecord } from "../grader/class_types.ts";
import { buildGradebook, gradebookCsv, readRecords } from "../grader/gradebook.ts";
import { toJunit, toText } from "../grader/formats.ts";
import { ROOT, zipOf } from "./_helpers.ts";

const ONLY = ["predict"];
const PREDICT = "exercises/01_linear_regression/predict.ts";
const CJK_ID = "学".repeat(70); // 210 bytes of UTF-8; percent-encoded, 630: past NAME_MAX
const ANSI_ID = "mallory\x1b[2J\x1b[H\nTotal: 130 \u2215 130"; // a folder name has no "/"
const FORMULA_ID = '-1+IMPORTXML(CONCAT("http:",A1),"a")';

async function solution(): Promise<string> {
  return await Deno.readTextFile(join(ROOT, "solutions", "01_linear_regression", "predict.ts"));
}

async function writeSubmission(dir: string, predict: string): Promise<void> {
  await Deno.mkdir(join(dir, "exercises", "01_linear_regression"), { recursive: true });
  await Deno.writeTextFile(join(dir, PREDICT), predict);
}

async function mkfifo(path: string): Promise<boolean> {
  try {
    return (await new Deno.Command("mkfifo", { args: [path] }).output()).success;
  } catch {
    return false;
  }
}

Deno.test("grade-all: hostile IDs, FIFOs and a failure while recording never stop the batch", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-class-hostile-" });
  const out = await Deno.makeTempDir({ prefix: "tensorlings-out-" });
  // Staging folders go to a temp folder of this test's own, so others' runs do not count.
  const tmp = await Deno.makeTempDir({ prefix: "tensorlings-tmp-" });
  const tmpBefore = Deno.env.get("TMPDIR");
  Deno.env.set("TMPDIR", tmp);
  try {
    const good = await solution();
    for (const id of [CJK_ID, ANSI_ID, FORMULA_ID, "fifo", "blocked", "thrower"]) {
      await writeSubmission(join(dir, id), good);
    }
    // Nearly 1 MiB of source: graded, but the record keeps only what similarity reads.
    await writeSubmission(join(dir, FORMULA_ID), good + `// ${"x".repeat(1000)}\n`.repeat(900));
    const fifo = await mkfifo(join(dir, "fifo", "exercises", "01_linear_regression", "pipe.ts"));
    // A record that cannot be written: its place is taken by a folder.
    await Deno.mkdir(resultPath(out, "blocked"), { recursive: true });
    // A message full of escapes and a fake total.
    await Deno.writeTextFile(
      join(dir, "thrower", PREDICT),
      `export function predict(): number[] { throw new Error("\\x1b[2J\\nTotal: 130 / 130\\r\\u202e"); }`,
    );
    const summary = await gradeClass(dir, { repoRoot: ROOT, outDir: out, jobs: 2, only: ONLY });
    const records = new Map((await readRecords([out])).map((r) => [r.id, r]));
    await t.step("every student is graded or reported; the batch finished", () => {
      assert.equal(summary.total, 6, JSON.stringify([...records.keys()]));
      assert.equal(
        summary.errors,
        1,
        JSON.stringify([...records.values()].map((r) => [r.id, r.error])),
      );
      for (const id of [CJK_ID, ANSI_ID, FORMULA_ID]) {
        assert.equal(records.get(id)?.finalScore, 10, JSON.stringify(id));
      }
      assert.equal(records.has("blocked"), false); // its record could not be written…
      const kept = records.get(FORMULA_ID)!.result!.sources!.predict;
      assert.ok(kept.length <= 32 * 1024, `${kept.length} characters kept`);
    });
    await t.step("result names are short and safe whatever the ID", async () => {
      for await (const e of Deno.readDir(join(out, "results"))) {
        assert.ok(new TextEncoder().encode(e.name).length <= 80, e.name);
        assert.match(e.name, /^[A-Za-z0-9._-]+$/);
      }
      assert.notEqual(resultPath(out, "a/b"), resultPath(out, "a_b"));
    });
    if (fifo) {
      await t.step("a FIFO is reported by name, never opened", () => {
        const r = records.get("fifo")!;
        assert.equal(r.finalScore, 10);
        assert.ok(
          r.result!.flags.some((f) => f.code === "not-a-file" && /pipe\.ts/.test(f.message)),
          JSON.stringify(r.result!.flags),
        );
      });
    }
    await t.step("no staging folder is left behind", async () => {
      assert.deepEqual(await stagingFolders(tmp), []);
    });
    await t.step("the CSV never holds a live formula or a control character", async () => {
      const csv = gradebookCsv(await buildGradebook([...records.values()], ROOT));
      assert.ok(csv.includes(`"'-1+IMPORTXML(`), csv);
      // deno-lint-ignore no-control-regex
      assert.doesNotMatch(csv, /\x1b|\r/);
      assert.equal(csv.trim().split("\n").length, 1 + records.size);
    });
    await t.step("text and JUnit output show student text on one clean line", () => {
      const thrower = records.get("thrower")!.result!;
      const ansi = { ...records.get(ANSI_ID)!.result!, student: ANSI_ID };
      for (const r of [thrower, ansi]) {
        const text = toText(r);
        // deno-lint-ignore no-control-regex
        assert.doesNotMatch(text, /[\x00-\x09\x0b-\x1f\u202e]/);
        assert.equal(text.split("\n").filter((l) => l.startsWith("Total:")).length, 1);
      }
      const junit = toJunit({ ...thrower, student: "x\ufffe\uffff\ud800y" });
      assert.doesNotMatch(junit, /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
    });
  } finally {
    if (tmpBefore === undefined) Deno.env.delete("TMPDIR");
    else Deno.env.set("TMPDIR", tmpBefore);
    for (const d of [dir, out]) await Deno.remove(d, { recursive: true });
    // TMPDIR is the whole process's: tests running beside this one may have made their own
    // folders in `tmp` meanwhile, and remove them themselves. Remove it only once it is empty.
    await Deno.remove(tmp).catch(() => {});
  }
});

Deno.test("inputHash() never opens a FIFO", async () => {
  const dir = await Deno.makeTempDir();
  try {
    if (!(await mkfifo(join(dir, "pipe.ts")))) return;
    const hash = await Promise.race([
      inputHash(dir),
      new Promise<string>((r) => setTimeout(() => r("hung"), 5000)),
    ]);
    assert.match(hash, /^[0-9a-f]{64}$/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

async function stagingFolders(tmp: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(tmp)) {
    if (e.name.startsWith("tensorlings-stage-")) out.push(e.name);
  }
  return out.sort();
}

void ({} as StudentRecord);

/** How many times the contended class is graded (each run about 10 s on 2 shared cores). */
const CONTENDED_RUNS = 3;

Deno.test(`grade-all: correct students keep full marks beside a flood, a loop and a zip bomb (${CONTENDED_RUNS} runs)`, async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-class-contended-" });
  try {
    const good = await solution();
    const mse = await Deno.readTextFile(join(ROOT, "solutions/01_linear_regression/mse.ts"));
    const write = async (id: string, predict: string) => {
      await writeSubmission(join(dir, id), predict);
      await Deno.writeTextFile(join(dir, id, "exercises/01_linear_regression/mse.ts"), mse);
    };
    for (const id of ["good1", "good2", "good3", "good4"]) await write(id, good);
    await write(
      "flood",
      `export function predict(): number[] { const s = "x".repeat(1 << 16); while (true) Deno.stdout.writeSync(new TextEncoder().encode(s)); }`,
    );
    await write("loop", `export function predict(): number[] { while (true) { /* spin */ } }`);
    const bomb: Record<string, Uint8Array> = {};
    for (let k = 0; k < 80; k++) {
      bomb[`exercises/01_linear_regression/f${k}.ts`] = new Uint8Array(1 << 20);
    }
    await Deno.writeFile(join(dir, "bomb.zip"), zipOf(bomb));
    for (let run = 0; run < CONTENDED_RUNS; run++) {
      const out = await Deno.makeTempDir({ prefix: "tensorlings-out-" });
      try {
        await gradeClass(dir, { repoRoot: ROOT, outDir: out, jobs: 3, only: ["predict", "mse"] });
        const records = new Map((await readRecords([out])).map((r) => [r.id, r]));
        for (const id of ["good1", "good2", "good3", "good4"]) {
          const r = records.get(id)!;
          assert.equal(
            r.finalScore,
            20,
            `run ${run + 1}, ${id}: ${JSON.stringify(r.result?.flags)}`,
          );
        }
        assert.ok(records.get("flood")!.result!.flags.some((f) => f.code === "output-flood"));
        assert.ok(records.get("loop")!.result!.flags.some((f) => f.code === "timeout"));
        assert.match(records.get("bomb")!.error!, /expands to more than/);
      } finally {
        await Deno.remove(out, { recursive: true });
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("class: a fault of the grader's own on one submission is recorded, the run goes on, and a re-run grades it", async () => {
  const dir = await Deno.makeTempDir();
  const out = await Deno.makeTempDir();
  try {
    const good = await solution();
    for (const id of ["ann", "bob", "cat"]) await writeSubmission(join(dir, id), good);
    // A grader that fails on bob's submission once, as a bug or a full disk would.
    let faults = 0;
    const grade: typeof gradeSubmission = (path, o) => {
      if (o.student === "bob" && faults++ === 0) {
        return Promise.reject(new TypeError("the hidden cases could not be loaded"));
      }
      return gradeSubmission(path, o);
    };
    const opts = { repoRoot: ROOT, outDir: out, jobs: 2, only: ONLY, grade };
    const first = await gradeClass(dir, opts);
    let records = await readRecords([out]);
    assert.equal(first.total, 3);
    assert.equal(first.errors, 1, JSON.stringify(records.map((r) => [r.id, r.error])));
    const bob = records.find((r) => r.id === "bob")!;
    assert.equal(bob.status, "error");
    assert.equal(bob.graderFault, true);
    assert.match(bob.error!, /a fault in the grader, not the student's; re-run/);
    assert.match(bob.error!, /the hidden cases could not be loaded/);
    assert.deepEqual(records.filter((r) => r.id !== "bob").map((r) => r.finalScore), [10, 10]);
    // The re-run grades bob again (a submission's own error would be kept) and keeps the others.
    const second = await gradeClass(dir, opts);
    records = await readRecords([out]);
    assert.equal(second.errors, 0);
    assert.equal(second.reused, 2);
    assert.deepEqual(records.map((r) => [r.id, r.finalScore]), [["ann", 10], ["bob", 10], [
      "cat",
      10,
    ]]);
  } finally {
    for (const d of [dir, out]) await Deno.remove(d, { recursive: true });
  }
});
