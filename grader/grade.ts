/**
 * Grades one submission against the hidden tests: stage it, refuse what
 * must not run, stage the references its cross-exercise imports get, start
 * the sandboxed child, and grade each exercise in course order
 * (`grader/exercise.ts`).
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { allExercises } from "../course/manifest.ts";
import { createHash } from "node:crypto";
import { heavyIn } from "../lib/detect.ts";
import { collectOriginals } from "../dev/originals.ts";
import { budgetOf, submissionBudgetMs } from "./budget.ts";
import { hiddenCases } from "./course_data.ts";
import { caseResult, gradeExercise } from "./exercise.ts";
import { mathjsUse, writeStageConfig } from "./fast_mathjs.ts";
import { exerciseHashes } from "./hashes.ts";
import { denoCacheDir, Judge } from "./judge.ts";
import type { MessageContext } from "./outcome.ts";
import type { ExerciseResult, GradeOptions, GradeResult } from "./record.ts";
import { reachedExercises, References } from "./references.ts";
import { scanFile } from "./scan.ts";
import { type Flag, type Staged, stageSubmission } from "./submission.ts";
import { graderHash, runtimeVersions } from "./versions.ts";

export type {
  CaseDetail,
  CaseResult,
  Diagnosis,
  ExerciseResult,
  GradeOptions,
  GradeResult,
  Outcome,
} from "./record.ts";
export { type Caller, gradeExercise } from "./exercise.ts";

/** Characters of each exercise's source kept in the record (`keepSources`). */
const MAX_KEPT_SOURCE = 32 * 1024;

/**
 * Grades a submission.
 *
 * @param input A folder or `.zip`.
 * @param opts Options.
 * @returns The record; a submission that cannot be read at all throws a
 *   `SubmissionError` with the reason.
 */
export async function gradeSubmission(input: string, opts: GradeOptions): Promise<GradeResult> {
  const t0 = performance.now();
  const staged = await stageSubmission(input, opts.repoRoot);
  try {
    return await gradeStaged(input, staged, opts, t0);
  } finally {
    // Whatever happens while grading, the staging folder goes.
    await staged.cleanup();
  }
}

async function gradeStaged(
  input: string,
  staged: Staged,
  opts: GradeOptions,
  t0: number,
): Promise<GradeResult> {
  const flags: Flag[] = [...staged.flags];
  const course = allExercises();
  const exercises = course.filter((e) => !opts.only || opts.only.includes(e.name));
  // The student's files, read once before anything runs.
  const texts = new Map<string, string>();
  for (const rel of staged.files) {
    texts.set(rel, await Deno.readTextFile(join(staged.dir, rel)).catch(() => ""));
  }
  const refs = new References(staged.dir, opts.repoRoot, texts, course);
  await refs.prepare();
  // Every file that may run: the student's (stubs too, which other files may import) and the
  // references staged for their cross-exercise imports.
  const runnable = [...texts.values(), ...await refs.texts()];
  // The facade serves the names the references import too.
  const mathjs = mathjsUse(runnable);
  const judge = new Judge({
    stageDir: staged.dir,
    repoRoot: opts.repoRoot,
    denoDir: await denoCacheDir(),
    configPath: await writeStageConfig(
      staged.dir,
      opts.repoRoot,
      mathjs,
      refs.scopes(),
    ),
  });
  // A file that is still the published stub is not run: it can only throw "not implemented".
  const originals = await collectOriginals(opts.repoRoot);
  const untouched = new Set<string>();
  for (const ex of exercises) {
    if (!texts.has(ex.file) || originals[ex.file] === undefined) continue;
    if (texts.get(ex.file) === originals[ex.file]) untouched.add(ex.name);
  }
  // Start the child now: it loads tfjs/mathjs while this side loads the hidden tests.
  // The child loads no CommonJS module after its start (grader/child.ts), so this is everything
  // any file that may run can import.
  const heavy = new Set(heavyIn(runnable));
  const preload = [
    ...(heavy.has("tf") ? [pathToFileURL(join(staged.dir, "lib", "tf.ts")).href] : []),
    ...(heavy.has("mathjs") && mathjs.mentioned ? ["mathjs"] : []),
  ];
  judge.start(preload);
  if (!judge.memoryCapped) {
    flags.push({
      code: "no-memory-cap",
      message: "prlimit not found: the OS memory cap was not applied",
    });
  }
  const plan = await Promise.all(exercises.map(async (ex) => {
    const b = budgetOf(ex);
    const caseMs = opts.timeLimitMs ?? b.caseMs;
    return { ex, cases: await hiddenCases(ex), caseMs, loadMs: b.loadMs };
  }));
  const budgetMs = opts.submissionLimitMs ??
    submissionBudgetMs(plan.map((p) => ({ ...p, cases: p.cases.length })));
  const deadline = t0 + budgetMs;
  const fatal = { count: 0 };
  /** Exercises that the student's files graded so far import (the child may hold them). */
  const reached = new Set<string>();
  const results: ExerciseResult[] = [];
  const sources: Record<string, string> = {};
  try {
    if (opts.keepSources) {
      for (const ex of exercises) {
        const text = texts.get(ex.file);
        // Similarity reads the first 32 KB; a record stays small whatever was handed in.
        if (text !== undefined) sources[ex.name] = text.slice(0, MAX_KEPT_SOURCE);
      }
    }
    // Refuse files whose literal imports leave the submission: Deno would load
    // them without asking --allow-read. A refused file is replaced, never run.
    const refused = new Map<string, string>();
    for (const [rel, src] of texts) {
      const ex = course.find((e) => e.file === rel);
      for (const f of scanFile(staged.dir, rel, src)) {
        flags.push({ code: f.kind, exercise: ex?.name, message: `${rel}:${f.line}: ${f.detail}` });
        refused.set(rel, f.detail); // never run: a refused import, or text the scan cannot read
      }
    }
    for (const [rel, why] of refused) {
      await Deno.writeTextFile(
        join(staged.dir, rel),
        `throw new Error(${JSON.stringify(`refused by the grader: ${why}`)});\n`,
      );
    }
    for (const { ex, cases, caseMs, loadMs } of plan) {
      const max = cases.reduce((s, c) => s + c.points, 0);
      const er: ExerciseResult = {
        name: ex.name,
        lesson: ex.lesson.dir,
        score: 0,
        max,
        cases: [],
        budget: { caseMs, loadMs },
      };
      results.push(er);
      const ctx: MessageContext = { entry: ex.entry, file: ex.file, forbiddenOps: ex.forbiddenOps };
      if (!texts.has(ex.file)) {
        er.cases = cases.map((c) =>
          caseResult(c, "not-attempted", ctx, { notAttempted: "missing-file" })
        );
        continue;
      }
      if (untouched.has(ex.name)) {
        er.cases = cases.map((c) =>
          caseResult(c, "not-attempted", ctx, { notAttempted: "unchanged-stub" })
        );
        er.untouched = true;
        continue;
      }
      if (refused.has(ex.file)) {
        er.cases = cases.map((c) =>
          caseResult(c, "load-error", ctx, { loadCause: "refused", refused: refused.get(ex.file) })
        );
        continue;
      }
      const flipped = await refs.before(ex);
      if (flipped.some((f) => reached.has(f.name))) {
        // An exercise graded earlier imported a later one, so the child holds the module that
        // re-exported the student's file: a fresh child loads the reference now in place.
        await judge.close();
        judge.start(preload);
      }
      for (const r of reachedExercises(ex.file, texts, course)) reached.add(r.name);
      const deps = refs.dependenciesOf(ex, texts, course);
      if (deps.length) {
        er.dependencies = deps.map((d) => {
          const own = results.find((r) => r.name === d.name);
          return own ? { name: d.name, passes: own.score === own.max } : { name: d.name };
        });
      }
      await gradeExercise(judge, ex, pathToFileURL(join(staged.dir, ex.file)).href, er, flags, {
        ...opts,
        deadline,
        fatal,
        caseMs,
        attempt: createHash("sha256").update(texts.get(ex.file)!).digest("hex"),
      });
    }
  } finally {
    await judge.close();
    await staged.cleanup();
  }
  const totalMs = performance.now() - t0;
  return {
    student: opts.student,
    submission: input,
    score: results.reduce((s, e) => s + e.score, 0),
    max: results.reduce((s, e) => s + e.max, 0),
    exercises: results,
    flags,
    timings: {
      totalMs: Math.round(totalMs),
      childStarts: judge.stats.childStarts,
      perChildMs: Math.round(totalMs / Math.max(1, judge.stats.childStarts)),
      budgetMs,
    },
    runtime: runtimeVersions(),
    hashes: {
      submission: staged.hash,
      grader: await graderHash(opts.repoRoot),
      exercises: await exerciseHashes(opts.repoRoot, exercises, opts),
    },
    gradedAt: new Date().toISOString(),
    ...(opts.keepSources ? { sources } : {}),
  };
}
