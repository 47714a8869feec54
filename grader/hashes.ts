/**
 * The regrade contract: per exercise, a hash of everything that decides its
 * grade. A resumed class run regrades an exercise only when its hash changed.
 *
 * What goes in: the exercise's grade-input files (hidden cases, variants,
 * reference solutions, published stub, misconception texts; see
 * `grader/course_data.ts`), the judge's own files (every top-level
 * `grader/*.ts` except the ones that only present results, all of `lib/`,
 * `deno.json`, `deno.lock`), its manifest entry (points, budgets, forbidden
 * ops), the feedback texts it uses, the case time limit in force, the secret's
 * fingerprint, and the runtime's versions.
 *
 * @module
 */
import { join, relative } from "node:path";
import type { ResolvedExercise } from "../course/types.ts";
import { sha256Hex } from "../lib/hash.ts";
import { budgetOf } from "./budget.ts";
import { gradeInputFiles, variantsFor } from "./course_data.ts";
import type { GradeOptions } from "./record.ts";
import { secretFingerprint } from "./seed.ts";
import { runtimeVersions } from "./versions.ts";

/** Top-level grader files that only present or schedule results: they never change a grade. */
const PRESENTATION = new Set([
  "batch.ts",
  "class_main.ts",
  "class_types.ts",
  "formats.ts",
  "gradebook.ts",
  "late.ts",
  "main.ts",
  "report.ts",
  "report_svg.ts",
  "similarity.ts",
]);

const judgeCache = new Map<string, Promise<Uint8Array[]>>();

/** The judge's own files, path and content (read once per repository). */
function judgeFiles(repoRoot: string): Promise<Uint8Array[]> {
  let hit = judgeCache.get(repoRoot);
  if (!hit) {
    hit = (async () => {
      const files: string[] = ["deno.json", "deno.lock"];
      for await (const e of Deno.readDir(join(repoRoot, "grader"))) {
        if (!e.isFile || PRESENTATION.has(e.name) || e.name.endsWith("_test.ts")) continue;
        if (/\.(ts|json)$/.test(e.name) && e.name !== "secret.key") files.push(`grader/${e.name}`);
      }
      const walk = async (dir: string) => {
        for await (const e of Deno.readDir(join(repoRoot, dir))) {
          if (e.isDirectory) await walk(`${dir}/${e.name}`);
          else if (e.isFile && e.name.endsWith(".ts")) files.push(`${dir}/${e.name}`);
        }
      };
      await walk("lib");
      return await fileParts(repoRoot, files.sort());
    })();
    judgeCache.set(repoRoot, hit);
  }
  return hit;
}

async function fileParts(repoRoot: string, files: string[]): Promise<Uint8Array[]> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const f of files) {
    const data = await Deno.readFile(join(repoRoot, f)).catch(() => enc.encode("\0missing"));
    parts.push(enc.encode(relative(".", f) + "\0"), data, enc.encode("\0"));
  }
  return parts;
}

/**
 * The hash of everything that decides one exercise's grade.
 *
 * @param repoRoot The course repository.
 * @param ex The exercise.
 * @param opts The secret, the case time limit and the feedback texts in force.
 * @returns 64 hex digits.
 */
export async function exerciseHash(
  repoRoot: string,
  ex: ResolvedExercise,
  opts: Pick<GradeOptions, "secret" | "timeLimitMs" | "misconceptionTexts">,
): Promise<string> {
  const enc = new TextEncoder();
  const variants = (await variantsFor(ex))?.variants ?? [];
  const texts = variants.map((v) => [v.id, opts.misconceptionTexts?.[v.id] ?? null]);
  const { lesson, ...entry } = ex;
  const facts = {
    entry: { ...entry, lesson: lesson.dir },
    budget: budgetOf(ex),
    caseMs: opts.timeLimitMs ?? null,
    texts,
    secret: secretFingerprint(opts.secret),
    runtime: runtimeVersions(),
  };
  const key = `${repoRoot}\0${JSON.stringify(facts)}`;
  let hit = hashCache.get(key);
  if (!hit) {
    hit = (async () =>
      sha256Hex([
        ...await judgeFiles(repoRoot),
        ...await fileParts(repoRoot, gradeInputFiles(ex)),
        enc.encode(JSON.stringify(facts)),
      ]))();
    hashCache.set(key, hit);
  }
  return await hit;
}

/** Hashes already computed in this process (the files are read once per process). */
const hashCache = new Map<string, Promise<string>>();

/**
 * {@link exerciseHash} for several exercises.
 *
 * @returns Exercise name → hash.
 */
export async function exerciseHashes(
  repoRoot: string,
  exercises: ResolvedExercise[],
  opts: Pick<GradeOptions, "secret" | "timeLimitMs" | "misconceptionTexts">,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const ex of exercises) out[ex.name] = await exerciseHash(repoRoot, ex, opts);
  return out;
}
