// The Gradescope example scripts, run as Gradescope would run them (in a
// folder laid out like /autograder).
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "./_helpers.ts";
import { allExercises } from "../course/manifest.ts";
import { hiddenCases } from "../grader/course_data.ts";

async function autograde(submission: (dir: string) => Promise<void>) {
  const ag = await Deno.makeTempDir({ prefix: "autograder-" });
  try {
    await Deno.symlink(ROOT, join(ag, "source"));
    await Deno.mkdir(join(ag, "submission"));
    await submission(join(ag, "submission"));
    const out = await new Deno.Command("bash", {
      args: [join(ROOT, "grader/gradescope/run_autograder")],
      env: { AUTOGRADER_ROOT: ag },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    return JSON.parse(await Deno.readTextFile(join(ag, "results", "results.json")));
  } finally {
    await Deno.remove(ag, { recursive: true });
  }
}

Deno.test("run_autograder: a submission's results.json has the score and one test per hidden case", async () => {
  const results = await autograde(async (dir) => {
    await Deno.mkdir(join(dir, "exercises"));
    for await (const lesson of Deno.readDir(join(ROOT, "solutions"))) {
      await Deno.mkdir(join(dir, "exercises", lesson.name));
      for await (const f of Deno.readDir(join(ROOT, "solutions", lesson.name))) {
        await Deno.copyFile(
          join(ROOT, "solutions", lesson.name, f.name),
          join(dir, "exercises", lesson.name, f.name),
        );
      }
    }
  });
  let max = 0;
  for (const ex of allExercises()) for (const c of await hiddenCases(ex)) max += c.points;
  assert.equal(results.score, max, JSON.stringify(results).slice(0, 3000));
  assert.ok(results.tests.length > 50);
  assert.ok(results.tests.every((t: { status: string }) => t.status === "passed"));
});

Deno.test("run_autograder: an empty submission still gets a results.json saying what to do", async () => {
  const results = await autograde(async () => {});
  assert.equal(results.score, 0);
  assert.match(results.output, /could not be graded/);
});
