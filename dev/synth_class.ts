/**
 * Makes a synthetic class of submissions for tests and benchmarks: correct
 * ones (the reference solutions, reformatted), partly wrong ones (some
 * exercises left as stubs or with a known mistake), hostile ones (an
 * exercise that loops, exits or reads the hidden tests) and broken ones
 * (syntax errors, empty folders, a file that is not a zip), as folders and
 * zips.
 *
 * @module
 */
import { join } from "node:path";
import { allExercises } from "../course/manifest.ts";
import { rng } from "../lib/random.ts";
import { strToU8, zipSync } from "fflate";

const ROOT = new URL("..", import.meta.url).pathname;

/** The kinds of synthetic submission. */
export type Kind = "correct" | "partial" | "hostile" | "broken" | "empty" | "not-a-zip";

const HOSTILE = [
  "export function predict(): number[] { while (true) { /* spin */ } }",
  "Deno.exit(0);\nexport function predict(): number[] { return []; }",
  `export function predict(): number[] { Deno.readTextFileSync("${ROOT}grader/hidden/01_linear_regression.ts"); return []; }`,
  "export function predict(): number[] { const a = []; while (true) a.push(new Array(1e6).fill(1)); }",
];

/** Known mistakes, as text edits of a reference solution (exercise → [from, to]). */
const MISTAKES: Record<string, [string, string]> = {
  predict: ["let sum = b;", "let sum = 0;"],
};

async function sources(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const ex of allExercises()) {
    out[ex.file] = await Deno.readTextFile(join(ROOT, ex.solutionFile));
    out[ex.testFile] = await Deno.readTextFile(join(ROOT, ex.testFile));
    out[`stub:${ex.file}`] = await Deno.readTextFile(join(ROOT, ex.file));
  }
  return out;
}

/**
 * Writes `n` submissions into `dir` (which must exist).
 *
 * @param dir The class folder.
 * @param n How many students.
 * @param seed For the random choices.
 * @returns Each student's ID and kind.
 */
export async function makeClass(
  dir: string,
  n: number,
  seed = 1,
): Promise<Array<{ id: string; kind: Kind }>> {
  const r = rng(seed);
  const src = await sources();
  const exercises = allExercises();
  const made: Array<{ id: string; kind: Kind }> = [];
  for (let i = 0; i < n; i++) {
    const id = `s${String(i + 1).padStart(3, "0")}`;
    const u = r.next();
    const kind: Kind = u < 0.5
      ? "correct"
      : u < 0.8
      ? "partial"
      : u < 0.9
      ? "hostile"
      : u < 0.95
      ? "broken"
      : u < 0.975
      ? "empty"
      : "not-a-zip";
    made.push({ id, kind });
    if (kind === "empty") {
      await Deno.mkdir(join(dir, id));
      continue;
    }
    if (kind === "not-a-zip") {
      await Deno.writeTextFile(join(dir, `${id}.zip`), "this is not a zip archive\n");
      continue;
    }
    const files: Record<string, string> = {};
    for (const ex of exercises) {
      // Reformatted, as students' copies of the same idea would be.
      let text = src[ex.file].replaceAll("  ", i % 2 ? "    " : "  ") + `\n// ${id}\n`;
      if (kind === "partial" && r.next() < 0.4) {
        text = MISTAKES[ex.name] && r.next() < 0.5
          ? src[ex.file].replace(...MISTAKES[ex.name])
          : src[`stub:${ex.file}`];
      }
      files[`exercises/${ex.file.slice("exercises/".length)}`] = text;
      files[ex.testFile] = src[ex.testFile];
    }
    if (kind === "hostile") {
      files["exercises/01_linear_regression/predict.ts"] = HOSTILE[r.int(HOSTILE.length)];
    }
    if (kind === "broken") {
      const ex = exercises[r.int(exercises.length)];
      files[ex.file] = "export function (( {\n";
    }
    if (r.next() < 0.5) {
      await Deno.writeFile(
        join(dir, `${id}.zip`),
        zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))),
      );
    } else {
      for (const [rel, text] of Object.entries(files)) {
        await Deno.mkdir(join(dir, id, rel, ".."), { recursive: true });
        await Deno.writeTextFile(join(dir, id, rel), text);
      }
    }
  }
  return made;
}

if (import.meta.main) {
  const [out, n = "100", seed = "1"] = Deno.args;
  if (!out) {
    console.error("usage: deno run -A dev/synth_class.ts OUT_DIR [N] [SEED]");
    Deno.exit(2);
  }
  await Deno.mkdir(out, { recursive: true });
  const made = await makeClass(out, Number(n), Number(seed));
  const counts: Record<string, number> = {};
  for (const m of made) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  console.log(`wrote ${made.length} submissions to ${out}: ${JSON.stringify(counts)}`);
}
