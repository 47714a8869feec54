// Author checks (rustlings' dev/check, for this course): the manifest, the
// stubs, the solutions, the public tests, hints and the misconception
// catalogue agree with each other.
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { allExercises } from "../course/manifest.ts";
import { CATALOGUE } from "../course/misconceptions/mod.ts";
import { compare } from "../lib/compare.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { Runner } from "../learner/runner.ts";
import { loadContent } from "../learner/content.ts";
import { collectOriginals } from "../dev/originals.ts";
import { ROOT } from "./_helpers.ts";

const EXERCISES = allExercises();
const read = (p: string) => Deno.readTextFile(join(ROOT, p));
const solutionTest = (ex: (typeof EXERCISES)[number]) =>
  ex.testFile.replace(/^exercises\//, "solutions/");

/** GitHub's heading anchor, for the headings this course writes. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
}

Deno.test("author: every manifest entry resolves to its files, lesson section and hints", async () => {
  const content = await loadContent(ROOT);
  const names = new Set<string>();
  for (const ex of EXERCISES) {
    assert.ok(!names.has(ex.name), `duplicate exercise name ${ex.name}`);
    names.add(ex.name);
    for (const f of [ex.file, ex.testFile, ex.solutionFile, solutionTest(ex), ex.lessonFile]) {
      assert.ok((await Deno.stat(join(ROOT, f))).isFile, `${ex.name}: missing ${f}`);
    }
    const anchors = (await read(ex.lessonFile)).split("\n")
      .filter((l) => /^#{1,4} /.test(l)).map((l) => slug(l.replace(/^#+ /, "")));
    assert.ok(
      anchors.includes(ex.section),
      `${ex.name}: ${ex.lessonFile} has no heading #${ex.section}`,
    );
    assert.equal(
      content.hints[ex.name]?.length,
      3,
      `${ex.name}: needs 3 hints (nudge, formula, near answer)`,
    );
    assert.ok(ex.points > 0 && ex.timeLimitMs > 0);
  }
  for (const [name, cat] of Object.entries(CATALOGUE)) {
    const ex = EXERCISES.find((e) => e.name === name);
    assert.ok(ex, `catalogue names unknown exercise ${name}`);
    const anchors = (await read(ex.lessonFile)).split("\n")
      .filter((l) => /^#{1,4} /.test(l)).map((l) => slug(l.replace(/^#+ /, "")));
    for (const v of cat.variants) {
      assert.ok(
        content.misconceptions[v.id]?.title,
        `${v.id}: no title in locales/en/misconceptions`,
      );
      assert.ok(
        anchors.includes(v.section),
        `${v.id}: no heading #${v.section} in ${ex.lessonFile}`,
      );
    }
  }
});

Deno.test("author: every stub has a TODO and public tests are the same in exercises/ and solutions/", async () => {
  for (const ex of EXERCISES) {
    assert.match(await read(ex.file), /TODO/, `${ex.file} has no TODO`);
    assert.equal(
      await read(ex.testFile),
      await read(solutionTest(ex)),
      `${ex.testFile} differs from solutions/`,
    );
    assert.match(
      await read(ex.testFile),
      /^\/\/ Do not edit/,
      `${ex.testFile} lacks the do-not-edit header`,
    );
  }
});

Deno.test("author: every stub fails its public tests and every solution passes them", async (t) => {
  const runner = new Runner(ROOT);
  try {
    for (const ex of EXERCISES) {
      await t.step(ex.name, async () => {
        const stub = await runner.run(ex);
        assert.notEqual(stub.status, "pass", `${ex.name}: the stub passes its tests`);
        assert.ok(stub.tests.every((x) => !x.ok), `${ex.name}: some test passes on the stub`);
        const sol = await runner.run({ ...ex, file: ex.solutionFile, testFile: solutionTest(ex) });
        assert.equal(
          sol.status,
          "pass",
          `${ex.name}: ${JSON.stringify(sol.tests.filter((x) => !x.ok))}`,
        );
      });
    }
  } finally {
    runner.close();
  }
});

Deno.test("author: every misconception variant differs from the solution on its probes", async () => {
  for (const [name, cat] of Object.entries(CATALOGUE)) {
    const ex = EXERCISES.find((e) => e.name === name)!;
    const mod = await import(pathToFileURL(join(ROOT, ex.solutionFile)).href);
    const outputs = [];
    for (const args of cat.probes) {
      outputs.push(await mod[ex.entry](...(reviveFunctions(structuredClone(args)) as unknown[])));
    }
    for (const v of cat.variants) {
      let differs = false;
      for (const [i, args] of cat.probes.entries()) {
        let wrong: unknown;
        try {
          wrong = await v.fn(...(reviveFunctions(structuredClone(args)) as unknown[]));
        } catch {
          differs = true;
          continue;
        }
        if (compare(wrong, outputs[i], { rtol: 1e-6 }) !== null) differs = true;
      }
      assert.ok(
        differs,
        `${v.id}: gives the right answer on every probe, so it cannot be told apart`,
      );
    }
  }
});

Deno.test("author: course/originals.json matches exercises/", async () => {
  const recorded = JSON.parse(await read("course/originals.json"));
  assert.deepEqual(recorded, await collectOriginals(ROOT), "run `deno task originals`");
});
