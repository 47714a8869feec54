/**
 * Grades one submission against the hidden tests: stage it, refuse what
 * must not run, then for every case generate the inputs and the expected
 * value here (trusted), have the sandboxed child compute the student's
 * output, and compare.
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { allExercises } from "../course/manifest.ts";
import type { ResolvedExercise } from "../course/types.ts";
import { compare } from "../lib/compare.ts";
import { diagnose, type Observation } from "../lib/diagnose.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { rng } from "../lib/random.ts";
import { describeMismatch } from "../lib/testing.ts";
import type { HiddenCase } from "../course/define.ts";
import { hiddenCases, variantsFor } from "./course_data.ts";
import { collectOriginals } from "../dev/originals.ts";
import { heavyIn } from "../lib/detect.ts";
import { type Answer, type Call, denoCacheDir, Judge } from "./judge.ts";
import { scanFile } from "./scan.ts";
import { mathjsUse, writeStageConfig } from "./fast_mathjs.ts";
import { caseSeed } from "./seed.ts";
import { type Flag, stageSubmission } from "./submission.ts";
import { graderHash, runtimeVersions } from "./versions.ts";

/** One hidden case's outcome. */
export interface CaseResult {
  name: string;
  score: number;
  max: number;
  status: "passed" | "failed";
  /** What went wrong, for the student (empty when passed). */
  message: string;
  ms: number;
}

/** A named mistake, with where to read about it. */
export interface Diagnosis {
  id: string;
  title: string;
  explain: string;
  link: string;
}

/** One exercise's outcome. */
export interface ExerciseResult {
  name: string;
  lesson: string;
  score: number;
  max: number;
  cases: CaseResult[];
  diagnosis?: Diagnosis;
  /** The file is the published stub, unchanged: not run, every case failed. */
  untouched?: boolean;
}

/** The full record of grading one submission. */
export interface GradeResult {
  student?: string;
  submission: string;
  score: number;
  max: number;
  exercises: ExerciseResult[];
  flags: Flag[];
  timings: { totalMs: number; childStarts: number; perChildMs: number };
  runtime: Record<string, string>;
  hashes: { submission: string; grader: string };
  gradedAt: string;
  /** The student's exercise files by exercise name (with `keepSources`), for similarity checks. */
  sources?: Record<string, string>;
}

/** Options for {@link gradeSubmission}. */
export interface GradeOptions {
  /** The course repository. */
  repoRoot: string;
  /** Student ID: with a secret, selects the student's own random inputs. */
  student?: string;
  /** The course secret (for per-student inputs). */
  secret?: Uint8Array | null;
  /** Grade only these exercises. */
  only?: string[];
  /** Stop judging after this long (ms); remaining cases fail. */
  submissionLimitMs?: number;
  /** Keep the student's exercise sources in the result (for similarity checks). */
  keepSources?: boolean;
  /** Every hidden case's time limit (ms); default half the exercise's limit in the manifest. */
  timeLimitMs?: number;
  /** Misconception texts, by id (from the locale). */
  misconceptionTexts?: Record<string, { title: string; explain: string }>;
}

const FATAL: Answer["status"][] = ["timeout", "stalled", "exit", "oom", "crash"];

function answerMessage(a: Answer, ex: ResolvedExercise): string {
  switch (a.status) {
    case "timeout":
      return `ran longer than ${ex.timeLimitMs} ms and was stopped`;
    case "stalled":
      return "returned a promise that never settles (nothing was left that could finish it)";
    case "exit":
      return "the code ended the process (Deno.exit or similar) before returning";
    case "oom":
      return "ran out of memory and was stopped";
    case "crash":
      return "the process running the code crashed";
    case "threw": {
      const e = a.error!;
      if (e.name === "MissingExport") {
        return `the file does not export a function named ${ex.entry}`;
      }
      if (e.message.startsWith("Not implemented")) {
        return "not implemented yet (the stub still throws)";
      }
      return `threw ${e.name}: ${e.message.slice(0, 300)}`;
    }
    default:
      return "";
  }
}

function flagFor(a: Answer, ex: ResolvedExercise): Flag | null {
  if (a.status === "threw" && a.error?.permission) {
    return {
      code: "forbidden-access",
      exercise: ex.name,
      message: `tried something the sandbox forbids: ${a.error.message.slice(0, 200)}`,
    };
  }
  const codes: Partial<Record<Answer["status"], string>> = {
    timeout: "timeout",
    stalled: "never-settles",
    exit: "exit",
    oom: "out-of-memory",
    crash: "crash",
  };
  const code = codes[a.status];
  return code ? { code, exercise: ex.name, message: answerMessage(a, ex) } : null;
}

async function judgeCase(
  judge: Caller,
  ex: ResolvedExercise,
  c: HiddenCase,
  fileUrl: string,
  reference: (...args: unknown[]) => unknown,
  seed: number,
): Promise<{ result: CaseResult; answer: Answer; args: unknown[] }> {
  const args = c.args(rng(seed));
  const answer = await judge.call({
    file: fileUrl,
    entry: ex.entry,
    args,
    timeLimitMs: ex.timeLimitMs,
  });
  let message = "";
  if (c.throws) {
    const ok = answer.status === "threw" &&
      (c.throws === "Error" || answer.error?.name === c.throws);
    if (!ok) {
      message = answer.status === "ok"
        ? `should throw a ${c.throws} for this input, but returned normally`
        : answer.status === "threw"
        ? `should throw a ${c.throws}, but threw ${answer.error?.name}: ${
          answer.error?.message.slice(0, 200)
        }`
        : answerMessage(answer, ex);
    }
  } else if (answer.status !== "ok") {
    message = answerMessage(answer, ex);
  } else {
    const revived = () => reviveFunctions(structuredClone(args)) as unknown[];
    if (c.check) message = c.check(answer.value, revived()) ?? "";
    if (!message && (c.expect || !c.check)) {
      const expected = await (c.expect ?? reference)(...revived());
      const m = compare(answer.value, expected, c.tol ?? { rtol: 1e-6, atol: 1e-9 });
      if (m) message = describeMismatch(m);
    }
  }
  return {
    result: {
      name: c.name,
      score: message ? 0 : c.points,
      max: c.points,
      status: message ? "failed" : "passed",
      message,
      ms: Math.round(answer.ms),
    },
    answer,
    args,
  };
}

/** Anything that can call a student's function: the sandboxed judge, or (in author checks) a direct call. */
export interface Caller {
  call(call: Call): Promise<Answer>;
}

/**
 * Runs one exercise's hidden cases through a caller and fills in `er`
 * (cases, score, diagnosis); flags found are appended to `flags`.
 *
 * @param caller Calls the student's function.
 * @param ex The exercise (its time limit applies per case).
 * @param fileUrl The student's module, as the caller will import it.
 * @param er The exercise's result, with `cases` empty.
 * @param flags The submission's flags.
 * @param opts Student, secret, misconception texts, and a deadline (ms, performance.now clock).
 */
export async function gradeExercise(
  caller: Caller,
  ex: ResolvedExercise,
  fileUrl: string,
  er: ExerciseResult,
  flags: Flag[],
  opts: Pick<GradeOptions, "repoRoot" | "student" | "secret" | "misconceptionTexts"> & {
    deadline?: number;
    /** Fatal outcomes (timeouts, crashes, exits) so far in this submission, shared across exercises. */
    fatal?: { count: number };
  },
): Promise<void> {
  const cases = await hiddenCases(ex);
  const deadline = opts.deadline ?? Infinity;
  const reference =
    (await import(pathToFileURL(join(opts.repoRoot, ex.solutionFile)).href))[ex.entry];
  const observations: Observation[] = [];
  let fatalRun = 0;
  const fatal = opts.fatal ?? { count: 0 };
  for (const c of cases) {
    if (performance.now() > deadline) {
      er.cases.push({
        name: c.name,
        score: 0,
        max: c.points,
        status: "failed",
        message: "not run: the submission's time limit was reached",
        ms: 0,
      });
      continue;
    }
    // Two fatal cases in a row end an exercise; once the submission has had two, one does
    // (a looping helper that every later exercise calls would otherwise cost seconds each).
    if (fatalRun >= (fatal.count >= 2 ? 1 : 2)) {
      const last = er.cases[er.cases.length - 1];
      er.cases.push({
        ...last,
        name: c.name,
        max: c.points,
        score: 0,
        ms: 0,
        message: `not run: ${
          last.message.replace(/^not run: /, "").replace(/ \(as in the cases before\)$/, "")
        } (as in the cases before)`,
      });
      continue;
    }
    const seed = caseSeed(opts.secret ?? null, opts.student, ex.name, c.id);
    const { result, answer, args } = await judgeCase(caller, ex, c, fileUrl, reference, seed);
    er.cases.push(result);
    const isFatal = FATAL.includes(answer.status);
    fatalRun = isFatal ? fatalRun + 1 : 0;
    if (isFatal) fatal.count++;
    const flag = flagFor(answer, ex);
    if (flag && !flags.some((f) => f.code === flag.code && f.exercise === flag.exercise)) {
      flags.push(flag);
    }
    if (result.status === "failed" && answer.status === "ok" && !c.throws) {
      observations.push({ args, got: answer.value });
    }
  }
  er.score = er.cases.reduce((s, c) => s + c.score, 0);
  if (flags.some((f) => f.code === "forbidden-op" && f.exercise === ex.name)) {
    // Delegating to the op the exercise is about earns nothing, visibly.
    er.score = 0;
    for (const c of er.cases) {
      c.score = 0;
      c.status = "failed";
      c.message ||= `not counted: the exercise must not call ${ex.forbiddenOps.join("/")}`;
    }
  }
  const catalogue = await variantsFor(ex);
  if (catalogue && observations.length > 0) {
    const v = diagnose(catalogue, observations);
    if (v) {
      const text = opts.misconceptionTexts?.[v.id];
      er.diagnosis = {
        id: v.id,
        title: text?.title ?? v.id,
        explain: text?.explain ?? "",
        link: `${ex.lessonFile}#${v.section}`,
      };
    }
  }
}

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
  const flags: Flag[] = [...staged.flags];
  const exercises = allExercises().filter((e) => !opts.only || opts.only.includes(e.name));
  // The student's files, read once before anything runs.
  const texts = new Map<string, string>();
  for (const rel of staged.files) {
    texts.set(rel, await Deno.readTextFile(join(staged.dir, rel)).catch(() => ""));
  }
  const mathjs = mathjsUse([...texts.values()]);
  const judge = new Judge({
    stageDir: staged.dir,
    repoRoot: opts.repoRoot,
    denoDir: await denoCacheDir(),
    configPath: await writeStageConfig(staged.dir, opts.repoRoot, mathjs),
  });
  // A file that is still the published stub is not run: it can only throw "not implemented".
  const originals = await collectOriginals(opts.repoRoot);
  const untouched = new Set<string>();
  for (const ex of exercises) {
    if (!texts.has(ex.file) || originals[ex.file] === undefined) continue;
    if (texts.get(ex.file) === originals[ex.file]) untouched.add(ex.name);
  }
  // Start the child now: it loads tfjs/mathjs while this side loads the hidden tests.
  const heavy = new Set(
    heavyIn(exercises.filter((e) => !untouched.has(e.name)).map((e) => texts.get(e.file) ?? "")),
  );
  judge.start([
    ...(heavy.has("tf") ? [pathToFileURL(join(staged.dir, "lib", "tf.ts")).href] : []),
    ...(heavy.has("mathjs") && mathjs.mentioned ? ["mathjs"] : []),
  ]);
  if (!judge.memoryCapped) {
    flags.push({
      code: "no-memory-cap",
      message: "prlimit not found: the OS memory cap was not applied",
    });
  }
  const deadline = t0 + (opts.submissionLimitMs ?? 120_000);
  const fatal = { count: 0 };
  const results: ExerciseResult[] = [];
  const sources: Record<string, string> = {};
  try {
    if (opts.keepSources) {
      for (const ex of exercises) {
        const text = texts.get(ex.file);
        if (text !== undefined) sources[ex.name] = text;
      }
    }
    // Refuse files whose literal imports leave the submission: Deno would load
    // them without asking --allow-read. A refused file is replaced, never run.
    const refused = new Map<string, string>();
    for (const [rel, src] of texts) {
      const ex = exercises.find((e) => e.file === rel);
      for (const f of scanFile(staged.dir, rel, src, ex?.forbiddenOps ?? [])) {
        flags.push({ code: f.kind, exercise: ex?.name, message: `${rel}:${f.line}: ${f.detail}` });
        if (f.kind === "forbidden-import") refused.set(rel, f.detail);
      }
    }
    for (const [rel, why] of refused) {
      await Deno.writeTextFile(
        join(staged.dir, rel),
        `throw new Error(${JSON.stringify(`refused by the grader: ${why}`)});\n`,
      );
    }
    for (const base of exercises) {
      // The manifest's limit covers a whole public test file (imports included) in the
      // learner's loop; one hidden case gets half of it, the import has its own limit.
      const ex = { ...base, timeLimitMs: opts.timeLimitMs ?? Math.round(base.timeLimitMs / 2) };
      const cases = await hiddenCases(ex);
      const max = cases.reduce((s, c) => s + c.points, 0);
      const er: ExerciseResult = { name: ex.name, lesson: ex.lesson.dir, score: 0, max, cases: [] };
      results.push(er);
      const failAll = (message: string) => {
        er.cases = cases.map((c) => ({
          name: c.name,
          score: 0,
          max: c.points,
          status: "failed",
          message,
          ms: 0,
        }));
      };
      if (!staged.files.includes(ex.file)) {
        failAll(`${ex.file} is missing from the submission`);
        continue;
      }
      if (untouched.has(ex.name)) {
        failAll("not attempted: the file is still the unchanged stub");
        er.untouched = true;
        continue;
      }
      if (refused.has(ex.file)) {
        failAll(`refused: ${refused.get(ex.file)}`);
        continue;
      }
      const fileUrl = pathToFileURL(join(staged.dir, ex.file)).href;
      await gradeExercise(judge, ex, fileUrl, er, flags, { ...opts, deadline, fatal });
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
    },
    runtime: runtimeVersions(),
    hashes: { submission: staged.hash, grader: await graderHash(opts.repoRoot) },
    gradedAt: new Date().toISOString(),
    ...(opts.keepSources ? { sources } : {}),
  };
}
