/**
 * The grader's side of an exercise: its hidden cases and its known-wrong
 * variants, loaded by path from `course/<lesson>/<name>/`. Neither ships in
 * the student kit.
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ResolvedExercise } from "../course/types.ts";
import type { HiddenCase, Variants } from "../course/define.ts";

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
