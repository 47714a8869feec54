// A real release: what the student kit holds, what it must not hold, and
// that its two commands work inside it.
import assert from "node:assert/strict";
import { join } from "node:path";
import { release } from "../dev/release.ts";

async function allFiles(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(join(dir, rel))) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...await allFiles(dir, p));
    else out.push(p);
  }
  return out;
}

Deno.test("release: the kit has the course and the loop, and no solutions, hidden tests or secret", async (t) => {
  const out = await Deno.makeTempDir({ prefix: "tensorlings-release-" });
  try {
    const files = await release(out);
    await t.step("what it holds", () => {
      for (
        const f of [
          "deno.json",
          "deno.lock",
          "README.md",
          "learner/main.ts",
          "course/originals.json",
          "lessons/01_linear_regression.md",
          "exercises/01_linear_regression/predict.ts",
          "exercises/01_linear_regression/predict_test.ts",
          "course/01_linear_regression/mse/diagnosis.json",
          "locales/en/01_linear_regression/mse.json",
        ]
      ) {
        assert.ok(files.includes(f), `missing ${f}`);
      }
    });
    await t.step("what it must not hold", async () => {
      assert.deepEqual(
        files.filter((f) =>
          /^(solutions|grader|dev|bench|\.ci)\//.test(f) || /secret/.test(f) ||
          /(hidden|variants)\.ts$|\/_\w+\.ts$/.test(f)
        ),
        [],
      );
      for (const f of await allFiles(out)) {
        const text = await Deno.readTextFile(join(out, f));
        assert.doesNotMatch(text, /HiddenSuite|grader\/hidden/, `${f} mentions the hidden tests`);
      }
      const config = JSON.parse(await Deno.readTextFile(join(out, "deno.json")));
      assert.deepEqual(Object.keys(config.tasks).sort(), ["lesson", "test"]);
    });
    await t.step("deno task lesson runs in it", async () => {
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["task", "lesson", "--no-typecheck"],
        cwd: out,
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(r.code, 1);
      assert.match(new TextDecoder().decode(r.stdout), /Exercise 1\/\d+: predict/);
    });
    await t.step("deno task test passes in it", async () => {
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["task", "test"],
        cwd: out,
        stdout: "piped",
        stderr: "piped",
        env: { NO_COLOR: "1" },
      }).output();
      const text = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
      assert.equal(r.code, 0, text.slice(-3000));
      assert.match(text, /\| \d+ passed .*\| 0 failed/);
    });
    await t.step("a second release into the same folder is refused", async () => {
      await assert.rejects(() => release(out), /not empty/);
    });
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
