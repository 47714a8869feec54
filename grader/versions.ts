/**
 * What graded a submission: runtime versions and a hash of the grader's
 * own files (hidden tests, references, judge), so a gradebook can tell
 * which results came from the same grader.
 *
 * @module
 */
import { sha256Hex } from "../lib/hash.ts";
import { join, relative } from "node:path";
import config from "../deno.json" with { type: "json" };

/** Versions of Deno, V8, TypeScript and the pinned npm packages. */
export function runtimeVersions(): Record<string, string> {
  const imports = config.imports as Record<string, string>;
  const pin = (name: string) => imports[name]?.replace(/^npm:.*@/, "") ?? "";
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    tfjs: pin("@tensorflow/tfjs"),
    mathjs: pin("mathjs"),
  };
}

const cache = new Map<string, string>();

/**
 * SHA-256 over the grader's files: `grader/`, `solutions/`, `lib/`, `course/`.
 *
 * @param repoRoot The course repository.
 * @returns The hex digest.
 */
export async function graderHash(repoRoot: string): Promise<string> {
  const hit = cache.get(repoRoot);
  if (hit) return hit;
  const files: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory) await walk(p);
      else if (e.isFile && /\.(ts|json)$/.test(e.name)) files.push(p);
    }
  };
  for (const d of ["grader", "solutions", "lib", "course"]) await walk(join(repoRoot, d));
  files.sort();
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const f of files) {
    parts.push(enc.encode(relative(repoRoot, f) + "\0"), await Deno.readFile(f), enc.encode("\0"));
  }
  const hex = await sha256Hex(parts);
  cache.set(repoRoot, hex);
  return hex;
}
