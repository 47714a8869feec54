/**
 * The pristine exercise files (stubs and public tests). The release writes
 * them to the kit's `course/originals.json`, so `reset` can restore a stub in
 * a kit whose `exercises/` the learner has edited; the grader compares a
 * submission with them to tell an untouched stub.
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
    for (const f of [ex.file, ex.testFile]) {
      try {
        out[f] = await Deno.readTextFile(join(root, f));
      } catch (e) {
        // A tree from another version of the course (a benchmark's baseline) lacks some files.
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      }
    }
  }
  return out;
}
