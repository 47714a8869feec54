/**
 * Records the pristine exercise files (stubs and public tests) in
 * `course/originals.json`, so `reset` can restore a stub in a kit whose
 * `exercises/` the learner has edited. `--check` exits 1 when the record
 * is stale.
 *
 * @module
 */
import { join } from "node:path";
import { allExercises } from "../course/manifest.ts";

/**
 * The current content of every exercise's stub and public test.
 *
 * @param root The repository root.
 * @returns Path (relative to root) → content.
 */
export async function collectOriginals(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const ex of allExercises()) {
    for (const f of [ex.file, ex.testFile]) out[f] = await Deno.readTextFile(join(root, f));
  }
  return out;
}

if (import.meta.main) {
  const root = new URL("..", import.meta.url).pathname;
  const path = join(root, "course", "originals.json");
  const text = JSON.stringify(await collectOriginals(root), null, 2) + "\n";
  if (Deno.args.includes("--check")) {
    let old = "";
    try {
      old = await Deno.readTextFile(path);
    } catch {
      // missing counts as stale
    }
    if (old !== text) {
      console.error(
        "error: course/originals.json is out of date with exercises/. Run `deno task originals`.",
      );
      Deno.exit(1);
    }
  } else {
    await Deno.writeTextFile(path, text);
    console.log(`wrote ${path}`);
  }
}
