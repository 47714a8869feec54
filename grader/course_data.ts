/**
 * The grader's side of an exercise: its hidden cases and its known-wrong
 * variants, loaded by path from `course/<lesson>/<name>/`, and the files that
 * decide its grade. Neither ships in the student kit.
 *
 * @module
 */
import { dirname, join, normalize, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { ResolvedExercise } from "../course/types.ts";
import type { HiddenCase, Variants } from "../course/define.ts";
import { codeImports } from "./imports.ts";

const ROOT = join(new URL(".", import.meta.url).pathname, "..");

let fresh = 0;

async function load<T>(rel: string, root: string): Promise<T | undefined> {
  try {
    await Deno.stat(join(root, rel));
  } catch {
    return undefined;
  }
  const url = pathToFileURL(join(root, rel)).href;
  // Another root is a scratch copy that a test edits: load it afresh each time.
  return (await import(root === ROOT ? url : `${url}?fresh=${++fresh}`)).default as T;
}

/**
 * An exercise's hidden cases.
 *
 * @param ex The exercise.
 * @param root The course repository (this one by default).
 * @returns Its cases (empty when it has none: the completeness check forbids that).
 */
export async function hiddenCases(ex: ResolvedExercise, root = ROOT): Promise<HiddenCase[]> {
  return (await load<HiddenCase[]>(ex.hiddenFile, root)) ?? [];
}

/**
 * An exercise's known-wrong variants.
 *
 * @param ex The exercise.
 * @param root The course repository (this one by default).
 * @returns Its probes and variants, or `undefined` when it has none.
 */
export function variantsFor(ex: ResolvedExercise, root = ROOT): Promise<Variants | undefined> {
  return load<Variants>(ex.variantsFile, root);
}

/**
 * A file and, transitively, the course files and reference solutions it
 * imports (`solutions/`, `course/`; type-only imports load nothing and are left out).
 *
 * @param rel A file, relative to the repository.
 * @param root The course repository (this one by default).
 * @returns Repository-relative paths, the file first.
 */
export function importClosure(rel: string, root = ROOT): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    let text = "";
    try {
      text = Deno.readTextFileSync(join(root, file));
    } catch {
      return;
    }
    for (const spec of codeImports(text)) {
      const target = relative(root, normalize(join(root, dirname(file), spec)));
      if (target.startsWith("solutions/") || target.startsWith("course/")) visit(target);
    }
  };
  visit(rel);
  return [...seen];
}

/**
 * The repository files that decide an exercise's grade: its hidden cases and
 * variants (with the course helpers and reference solutions they import), its
 * reference solution and the solutions that imports, its published stub (an
 * unchanged stub is not run), and its texts (misconception titles and
 * explanations are feedback).
 *
 * @param ex The exercise.
 * @param root The course repository (this one by default).
 * @returns Repository-relative paths, sorted.
 */
export function gradeInputFiles(ex: ResolvedExercise, root = ROOT): string[] {
  const files = new Set<string>([ex.file, ex.textsFile("en")]);
  for (const start of [ex.solutionFile, ex.hiddenFile, ex.variantsFile]) {
    for (const f of importClosure(start, root)) files.add(f);
  }
  return [...files].sort();
}
