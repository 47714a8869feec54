/**
 * Which heavy libraries (tfjs, mathjs) an exercise loads, detected from its
 * files rather than declared: the learner's loop preloads them in a warm
 * worker, and the grader in its child, so that a save or a case does not pay
 * for the import.
 *
 * @module
 */
import { dirname, join } from "node:path";

/** A heavy library the loop and the grader can preload. */
export type Heavy = "tf" | "mathjs";

/**
 * The heavy libraries named in some source texts.
 *
 * @param texts TypeScript sources.
 * @returns The libraries, in a fixed order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { heavyIn } from "./detect.ts";
 * assert.deepEqual(heavyIn([`import { det } from "mathjs";`]), ["mathjs"]);
 * assert.deepEqual(heavyIn([`import { tf } from "../../lib/tf.ts";`]), ["tf"]);
 * ```
 */
export function heavyIn(texts: Iterable<string>): Heavy[] {
  let tf = false;
  let mathjs = false;
  for (const t of texts) {
    tf ||= t.includes("@tensorflow/tfjs") || t.includes("lib/tf.ts");
    mathjs ||= t.includes('"mathjs"') || t.includes("'mathjs'");
  }
  return [...(tf ? ["tf" as const] : []), ...(mathjs ? ["mathjs" as const] : [])];
}

const RELATIVE = /from\s+["'](\.\/[\w./-]+\.ts)["']/g;

/**
 * The heavy libraries an exercise's files load: the given files and the
 * files beside them that they import (`./other.ts`), transitively.
 *
 * @param root The kit's root folder.
 * @param files Paths relative to `root` (the learner's file, its public test).
 * @returns The libraries; unreadable files count as loading nothing.
 */
export function detectHeavy(root: string, files: string[]): Heavy[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const queue = files.map((f) => join(root, f));
  while (queue.length > 0 && seen.size < 64) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    let text: string;
    try {
      text = Deno.readTextFileSync(path);
    } catch {
      continue;
    }
    texts.push(text);
    for (const m of text.matchAll(RELATIVE)) queue.push(join(dirname(path), m[1]));
  }
  return heavyIn(texts);
}
