// The released kit carries no answers: no file outside exercises/ (the
// learner's own) and lib/ (the course's tools) holds code that computes an
// exercise's answer — neither a reference solution nor a known-wrong variant
// (a variant with its default knobs can be the correct answer). The check
// lexes every kit file and compares it, identifiers normalised, with each
// solution and each variant's code; a planted copy proves it can fail.
import assert from "node:assert/strict";
import { join } from "node:path";
import { release } from "../dev/release.ts";
import { allExercises } from "../course/manifest.ts";
import { variantsFor } from "../grader/course_data.ts";
import { findSimilarPairs } from "../grader/similarity.ts";
import { ROOT } from "./_helpers.ts";

async function kitSources(dir: string, rel = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const e of Deno.readDir(join(dir, rel))) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory) {
      if (p !== "exercises" && p !== "lib") Object.assign(out, await kitSources(dir, p));
    } else if (/\.(ts|js|mjs|json)$/.test(e.name)) {
      out[p] = await Deno.readTextFile(join(dir, p));
    }
  }
  return out;
}

/** Kit files that share answer code with a solution or variant: "file ~ exercise/which". */
async function answersIn(sources: Record<string, string>): Promise<string[]> {
  const refs: Array<{ id: string; files: Record<string, string> }> = [];
  const templates: Record<string, string> = {};
  for (const ex of allExercises()) {
    templates[ex.name] = await Deno.readTextFile(join(ROOT, ex.file));
    refs.push({
      id: `ref:${ex.name}/solution`,
      files: { [ex.name]: await Deno.readTextFile(join(ROOT, ex.solutionFile)) },
    });
    for (const v of (await variantsFor(ex))?.variants ?? []) {
      refs.push({ id: `ref:${ex.name}/${v.id}`, files: { [ex.name]: v.fn.toString() } });
    }
  }
  const names = allExercises().map((e) => e.name);
  const kit = Object.entries(sources).map(([file, text]) => ({
    id: `kit:${file}`,
    files: Object.fromEntries(names.map((n) => [n, text])),
  }));
  const pairs = await findSimilarPairs([...refs, ...kit], templates, {
    minTokens: 12,
    minScore: 0.5,
  });
  return pairs
    .filter((p) => p.a.startsWith("ref:") !== p.b.startsWith("ref:"))
    .map((p) => {
      const [ref, kitFile] = p.a.startsWith("ref:") ? [p.a, p.b] : [p.b, p.a];
      return `${kitFile.slice(4)} ~ ${ref.slice(4)} (${p.score.toFixed(2)})`;
    });
}

Deno.test("release: no kit file outside exercises/ and lib/ holds code that computes an answer", async (t) => {
  const out = await Deno.makeTempDir({ prefix: "tensorlings-answers-" });
  try {
    await release(out);
    const sources = await kitSources(out);
    await t.step("the released kit", async () => {
      assert.ok(Object.keys(sources).some((f) => f.startsWith("learner/")));
      assert.deepEqual(await answersIn(sources), []);
    });
    await t.step("the check finds a planted solution and a planted variant", async () => {
      const ex = allExercises().find((e) => e.name === "mse")!;
      const solution = (await Deno.readTextFile(join(ROOT, ex.solutionFile)))
        .replaceAll("yHat", "a").replaceAll("mse", "loss");
      const variant = (await variantsFor(ex))!.variants.find((v) => v.id === "mse.abs")!;
      const found = await answersIn({
        "learner/helpers.ts": solution,
        "course/tools.ts": `export const f = ${variant.fn.toString()};\n`,
      });
      assert.ok(
        found.some((f) => f.startsWith("learner/helpers.ts ~ mse/solution")),
        String(found),
      );
      assert.ok(found.some((f) => f.startsWith("course/tools.ts ~ mse/mse.abs")), String(found));
    });
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
