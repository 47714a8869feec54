// The student kit's own checks (`deno task test` inside a released kit):
// the course is complete and the learner's loop works on every exercise.
// They pass on a fresh kit, whatever the learner has or has not done yet.
import assert from "node:assert/strict";
import { join } from "node:path";
import { allExercises } from "../course/manifest.ts";
import { loadContent } from "../learner/content.ts";
import { Runner } from "../learner/runner.ts";
import { pristine } from "../learner/session.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

Deno.test("kit: every exercise has its file, its public test, its lesson and three hints", async () => {
  const content = await loadContent(ROOT);
  for (const ex of allExercises()) {
    for (const f of [ex.file, ex.testFile, ex.lessonFile]) {
      assert.ok((await Deno.stat(join(ROOT, f))).isFile, `missing ${f}`);
    }
    assert.equal(content.hints[ex.name]?.length, 3, ex.name);
  }
});

Deno.test("kit: the loop gives every exercise a verdict", async () => {
  const runner = new Runner(ROOT);
  try {
    for (const ex of allExercises()) {
      const v = await runner.run(ex);
      assert.ok(["pass", "fail", "error"].includes(v.status), `${ex.name}: ${v.status}`);
      if (v.status !== "error") assert.ok(v.tests.length > 0, `${ex.name} ran no test`);
    }
  } finally {
    await runner.close();
  }
});

Deno.test("kit: the original stubs are available for reset", async () => {
  for (const ex of allExercises()) {
    assert.match((await pristine(ROOT, ex.file)) ?? "", /Not implemented/, ex.file);
  }
});
