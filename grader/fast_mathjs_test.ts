import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { eigs, lusolve, multiply, transpose } from "mathjs";
import NAMES from "./mathjs_names.json" with { type: "json" };
import { listMathjsNames, writeStageConfig } from "./fast_mathjs.ts";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("mathjs_names.json lists what the pinned mathjs exports (regenerate: deno run -A grader/fast_mathjs.ts)", async () => {
  assert.deepEqual(await listMathjsNames(), NAMES);
});

Deno.test("the fast mathjs gives the same results as mathjs, under the stage's import map", async () => {
  const stage = await Deno.makeTempDir();
  try {
    const config = await writeStageConfig(stage, ROOT);
    const probe = join(stage, "probe.ts");
    await Deno.writeTextFile(
      probe,
      `import { eigs, lusolve, multiply, transpose } from "mathjs";
console.log(JSON.stringify([lusolve([[2, 1], [1, 3]], [3, 5]), eigs([[15, 5], [5, 2]]).values, multiply(transpose([[1, 2]]), [[3, 4]])]));`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-lock", "--config", config, "--allow-read", pathToFileURL(probe).href],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const got = JSON.parse(new TextDecoder().decode(out.stdout));
    const want = JSON.parse(JSON.stringify([
      lusolve([[2, 1], [1, 3]], [3, 5]),
      eigs([[15, 5], [5, 2]]).values,
      multiply(transpose([[1, 2]]), [[3, 4]]),
    ]));
    assert.deepEqual(got, want);
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
});
