// Author checks (rustlings' dev/check, for this course): the completeness
// check passes and catches each kind of omission, the scaffold writes what it
// rejects until filled in, every stub fails its public tests and every
// solution passes them, and the probes tell every variant apart.
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { allExercises } from "../course/manifest.ts";
import type { Lesson } from "../course/types.ts";
import { variantsFor } from "../grader/course_data.ts";
import { compare } from "../lib/compare.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { Runner } from "../learner/runner.ts";
import { loadContent } from "../learner/content.ts";
import { copyKit } from "../dev/kit.ts";
import { AUTHOR_TODO, checkCourse } from "../dev/completeness.ts";
import { scaffold } from "../dev/new_exercise.ts";
import { ROOT } from "./_helpers.ts";

const EXERCISES = allExercises();

/** A scratch copy of the parts of the repository the completeness check reads. */
async function courseCopy(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-course-" });
  const copy = async (rel: string) => {
    const info = await Deno.lstat(join(ROOT, rel));
    if (info.isDirectory) {
      await Deno.mkdir(join(dir, rel), { recursive: true });
      for await (const e of Deno.readDir(join(ROOT, rel))) await copy(`${rel}/${e.name}`);
    } else if (info.isFile) {
      await Deno.copyFile(join(ROOT, rel), join(dir, rel));
    }
  };
  for (const top of ["course", "exercises", "solutions", "lessons", "locales", "lib", "grader"]) {
    await copy(top);
  }
  return dir;
}

Deno.test("author: the course is complete (files, sections, hidden cases, hints, texts, no orphans)", async () => {
  assert.deepEqual(await checkCourse(ROOT), []);
});

Deno.test("author: the completeness check catches each omission", async (t) => {
  const dir = await courseCopy();
  const at = (rel: string) => join(dir, rel);
  const mse = EXERCISES.find((e) => e.name === "mse")!;
  /** Applies a change, expects a problem matching `re`, then restores the files. */
  const expectProblem = async (name: string, change: () => Promise<void>, re: RegExp) => {
    await t.step(name, async () => {
      const saved = new Map<string, string | null>();
      for (const rel of [mse.hiddenFile, mse.textsFile(), mse.lessonFile]) {
        saved.set(rel, await Deno.readTextFile(at(rel)).catch(() => null));
      }
      assert.deepEqual(await checkCourse(dir), [], "the copy starts complete");
      await change();
      const problems = await checkCourse(dir);
      assert.ok(problems.some((p) => re.test(p)), `expected ${re}, got ${problems.join("; ")}`);
      for (const [rel, text] of saved) if (text !== null) await Deno.writeTextFile(at(rel), text);
      await Deno.remove(at("course/01_linear_regression/ghost"), { recursive: true }).catch(
        () => {},
      );
    });
  };
  const editJson = async (rel: string, edit: (j: Record<string, unknown>) => void) => {
    const j = JSON.parse(await Deno.readTextFile(at(rel)));
    edit(j);
    await Deno.writeTextFile(at(rel), JSON.stringify(j));
  };
  try {
    await expectProblem(
      "hidden cases removed",
      () => Deno.remove(at(mse.hiddenFile)),
      /mse: missing course\/01_linear_regression\/mse\/hidden\.ts/,
    );
    await expectProblem(
      "no case for a documented @throws",
      async () => {
        const src = await Deno.readTextFile(at(mse.hiddenFile));
        // Keep only the first case: it checks a value, not the RangeError the stub documents.
        const first = src.indexOf("  },\n  {");
        await Deno.writeTextFile(at(mse.hiddenFile), src.slice(0, first) + "  },\n]);\n");
      },
      /mse: no hidden case checks the documented @throws \{RangeError\}/,
    );
    await expectProblem(
      "case points that do not add up to the exercise's",
      async () => {
        const src = await Deno.readTextFile(at(mse.hiddenFile));
        await Deno.writeTextFile(at(mse.hiddenFile), src.replace("points: 2,", "points: 3,"));
      },
      /mse: its hidden cases are worth 11 points, the manifest gives it 10/,
    );
    await expectProblem(
      "a hint missing",
      () => editJson(mse.textsFile(), (j) => (j.hints as string[]).pop()),
      /mse: needs exactly 3 hints/,
    );
    await expectProblem(
      "a variant without its text",
      () =>
        editJson(
          mse.textsFile(),
          (j) => delete (j.misconceptions as Record<string, unknown>)["mse.sum"],
        ),
      /mse: variant mse\.sum has no title/,
    );
    await expectProblem(
      "a text for no variant (orphan key)",
      () =>
        editJson(mse.textsFile(), (j) => {
          (j.misconceptions as Record<string, unknown>)["mse.ghost"] = { title: "x", explain: "y" };
        }),
      /mse: text for mse\.ghost, which is no variant/,
    );
    await expectProblem(
      "the lesson section removed",
      async () => {
        const md = await Deno.readTextFile(at(mse.lessonFile));
        await Deno.writeTextFile(
          at(mse.lessonFile),
          md.replace(/^## Mean squared error$/m, "## Loss"),
        );
      },
      /mse: lessons\/01_linear_regression\.md has no heading #mean-squared-error/,
    );
    await expectProblem(
      "an orphan folder",
      () => Deno.mkdir(at("course/01_linear_regression/ghost"), { recursive: true }),
      /course\/01_linear_regression\/ghost\/ belongs to no exercise/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("author: deno task new scaffolds every file, and the check rejects them until filled in", async () => {
  const dir = await courseCopy();
  try {
    const written = await scaffold(dir, "07", "scaffold_probe");
    assert.deepEqual(written.sort(), [
      "course/07_transformer_block/scaffold_probe/hidden.ts",
      "course/07_transformer_block/scaffold_probe/variants.ts",
      "course/manifest.ts",
      "exercises/07_transformer_block/scaffold_probe.ts",
      "exercises/07_transformer_block/scaffold_probe_test.ts",
      "locales/en/07_transformer_block/scaffold_probe.json",
      "solutions/07_transformer_block/scaffold_probe.ts",
    ]);
    const { LESSONS } = await import(pathToFileURL(join(dir, "course/manifest.ts")).href) as {
      LESSONS: Lesson[];
    };
    const lesson = LESSONS.find((l) => l.dir === "07_transformer_block")!;
    // Appended after the lesson's own exercises (lesson 07 has some now).
    assert.equal(lesson.exercises.at(-1)?.name, "scaffold_probe");
    // The check must name a missing lesson file: take away the copy's own.
    await Deno.remove(join(dir, "lessons/07_transformer_block.md")).catch(() => {});
    const problems = (await checkCourse(dir, LESSONS)).filter((p) =>
      p.startsWith("scaffold_probe:")
    );
    for (const f of written.filter((f) => !f.endsWith("manifest.ts"))) {
      assert.ok(
        problems.some((p) => p.includes(f) && p.includes(AUTHOR_TODO)),
        `${f}: ${problems}`,
      );
    }
    assert.ok(problems.some((p) => p.includes("missing lessons/07_transformer_block.md")));
    await assert.rejects(() => scaffold(dir, "07", "mse"), /exists already/);
    await assert.rejects(() => scaffold(dir, "99", "x"), /no lesson "99"/);
    await assert.rejects(() => scaffold(dir, "07", "Bad-Name"), /not a snake_case name/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("author: every stub fails its public tests and every solution passes them", async (t) => {
  // A kit whose exercise files are the reference solutions: the public tests exist once.
  const solved = await Deno.makeTempDir({ prefix: "tensorlings-solved-" });
  await copyKit(ROOT, solved);
  for (const ex of EXERCISES) {
    await Deno.copyFile(join(ROOT, ex.solutionFile), join(solved, ex.file));
  }
  const stubs = new Runner(ROOT);
  const solutions = new Runner(solved);
  try {
    for (const ex of EXERCISES) {
      await t.step(ex.name, async () => {
        const stub = await stubs.run(ex);
        assert.notEqual(stub.status, "pass", `${ex.name}: the stub passes its tests`);
        assert.ok(stub.tests.every((x) => !x.ok), `${ex.name}: some test passes on the stub`);
        const sol = await solutions.run(ex);
        assert.equal(
          sol.status,
          "pass",
          `${ex.name}: ${JSON.stringify(sol.tests.filter((x) => !x.ok))}`,
        );
      });
    }
  } finally {
    await stubs.close();
    await solutions.close();
    await Deno.remove(solved, { recursive: true });
  }
});

Deno.test("author: the probes tell every variant apart from the solution and from every other variant", async () => {
  const problems: string[] = [];
  for (const ex of EXERCISES) {
    const cat = await variantsFor(ex);
    if (!cat) continue;
    const mod = await import(pathToFileURL(join(ROOT, ex.solutionFile)).href);
    const run = async (fn: (...a: unknown[]) => unknown) => {
      const outs = [];
      for (const args of cat.probes) {
        try {
          outs.push(await fn(...(reviveFunctions(structuredClone(args)) as unknown[])));
        } catch {
          outs.push({ threw: true });
        }
      }
      return outs;
    };
    const same = (a: unknown[], b: unknown[]) =>
      a.every((x, i) => compare(x, b[i], { rtol: 1e-6, atol: 1e-9 }) === null);
    const outputs = [{ id: "the solution", outs: await run(mod[ex.entry]) }];
    for (const v of cat.variants) outputs.push({ id: v.id, outs: await run(v.fn) });
    for (let i = 0; i < outputs.length; i++) {
      for (let j = i + 1; j < outputs.length; j++) {
        if (same(outputs[i].outs, outputs[j].outs)) {
          problems.push(`${ex.name}: ${outputs[j].id} and ${outputs[i].id} agree on every probe`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

Deno.test("author: every third hint is code that type-checks under strict in its exercise", async () => {
  // The stub with its TODO lines and its throw replaced by the hint, in a scratch kit.
  const kit = await Deno.makeTempDir({ prefix: "tensorlings-hints-" });
  await copyKit(ROOT, kit);
  const content = await loadContent(ROOT);
  const files: string[] = [];
  try {
    for (const ex of EXERCISES) {
      const hint = content.hints[ex.name][2];
      const stub = await Deno.readTextFile(join(ROOT, ex.file));
      const pasted = stub.replace(/^\s*\/\/ TODO.*\n/gm, "")
        .replace(
          /^(\s*)throw new Error\("Not implemented.*\n/m,
          (_, indent) => `${indent}${hint}\n`,
        );
      assert.ok(pasted.includes(hint), `${ex.name}: the stub has no "Not implemented" throw`);
      await Deno.writeTextFile(join(kit, ex.file), pasted);
      files.push(join(kit, ex.file));
    }
    const check = async (paths: string[]) => {
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["check", "--quiet", "--config", join(ROOT, "deno.json"), ...paths],
        stdout: "piped",
        stderr: "piped",
        env: { NO_COLOR: "1" },
      }).output();
      return r.success ? null : new TextDecoder().decode(r.stderr).slice(0, 400);
    };
    // All at once; only when that fails, one by one, so each failure names its exercise.
    const failing: string[] = [];
    if (await check(files)) {
      for (const [i, file] of files.entries()) {
        const error = await check([file]);
        if (error) failing.push(`${EXERCISES[i].name}: ${error}`);
      }
    }
    assert.deepEqual(failing, []);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
});
