/**
 * The grade record: what grading one submission produced. A case's outcome
 * is data (an {@link Outcome} and its {@link CaseDetail}); its `message` is
 * rendered from that data once (`grader/outcome.ts`) and is for people only:
 * no code reads it back.
 *
 * @module
 */
import type { Flag } from "./submission.ts";

/**
 * How one hidden case ended.
 *
 * - `passed`: the output (or the expected error) was right.
 * - `wrong`: the function returned, with a wrong value (or did not throw when it should).
 * - `threw`: the function threw (when it should have returned, or the wrong error).
 * - `timeout`, `out-of-memory`, `exit` (the code ended the process), `crash`, `stalled`
 *   (a promise nothing could settle): the call did not finish.
 * - `load-error`: the module could not be loaded (it threw at import, did not parse, lacks the
 *   entry, was refused), so no case of the exercise ran.
 * - `not-run`: the case was skipped (the submission's budget ran out, or the cases before it
 *   already timed out or crashed).
 * - `not-attempted`: the file is missing or still the published stub.
 */
export type Outcome =
  | "passed"
  | "wrong"
  | "threw"
  | "timeout"
  | "out-of-memory"
  | "exit"
  | "crash"
  | "stalled"
  | "output-flood"
  | "load-error"
  | "not-run"
  | "not-attempted";

/** Outcomes where the call never finished: they end an exercise early (see the fatal rule). */
export const FATAL_OUTCOMES: readonly Outcome[] = [
  "timeout",
  "out-of-memory",
  "exit",
  "crash",
  "stalled",
  "output-flood",
];

/** Why a case did not count although it ran as asked. */
export type Voided =
  /** The exercise calls the tfjs op it is about. */
  | "forbidden-op"
  /** A "throws" case, in an exercise where no case with valid input passed. */
  | "rejects-only";

/** The facts a case's message is rendered from. */
export interface CaseDetail {
  /** `wrong`: what differs (a comparison, or the case's property check). */
  mismatch?: string;
  /** `threw`, `load-error`: the error thrown. */
  error?: { name: string; message: string; stackOverflow?: boolean };
  /** A "throws" case: the error class expected. */
  expectedThrow?: string;
  /** `timeout`: the limit that was exceeded (ms). */
  limitMs?: number;
  /** `load-error`: what failed while loading. */
  loadCause?:
    | "threw"
    | "missing-export"
    | "refused"
    | "timeout"
    | "out-of-memory"
    | "exit"
    | "crash"
    | "stalled"
    | "output-flood";
  /** `load-error` with cause `refused`: why the file was refused. */
  refused?: string;
  /** `not-run`: why. `after` names the outcome of the cases before. */
  notRun?:
    | { reason: "budget" }
    | { reason: "after-fatal"; after: Outcome; limitMs?: number }
    | { reason: "grader-error"; error: string };
  /** `not-attempted`: why. */
  notAttempted?: "missing-file" | "unchanged-stub" | "stub-throws";
}

/** One hidden case's outcome. */
export interface CaseResult {
  /** The case's stable id (its name until every case has an id). */
  id: string;
  name: string;
  score: number;
  max: number;
  /** `passed` only when the case earned its points (for formats with two states). */
  status: "passed" | "failed";
  outcome: Outcome;
  detail?: CaseDetail;
  /** Set when the case ran as asked but earns nothing. */
  voided?: Voided;
  /** What went wrong, for people (empty when passed); rendered from the data above. */
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

/** Another exercise this one's code imports; it was graded with that exercise's reference. */
export interface Dependency {
  name: string;
  /** Whether the student's own version passes all its cases (undefined: not graded in this run). */
  passes?: boolean;
}

/** One exercise's outcome. */
export interface ExerciseResult {
  name: string;
  lesson: string;
  score: number;
  max: number;
  cases: CaseResult[];
  diagnosis?: Diagnosis;
  /** The file is the published stub, unchanged: not run, every case `not-attempted`. */
  untouched?: boolean;
  /** The time limits it was graded with (ms). */
  budget?: { caseMs: number; loadMs: number };
  /** Exercises whose files its code imports: those imports got the reference solutions. */
  dependencies?: Dependency[];
  /** A sentence about the grading rules applied (e.g. why "throws" cases did not count). */
  notes?: string[];
}

/** The full record of grading one submission. */
export interface GradeResult {
  student?: string;
  submission: string;
  score: number;
  max: number;
  exercises: ExerciseResult[];
  flags: Flag[];
  timings: { totalMs: number; childStarts: number; perChildMs: number; budgetMs?: number };
  runtime: Record<string, string>;
  hashes: {
    submission: string;
    grader: string;
    /**
     * Per exercise: SHA-256 of everything that decides its grade (its hidden cases, variants,
     * reference solutions, feedback texts, the judge's files, the secret's fingerprint).
     */
    exercises?: Record<string, string>;
  };
  gradedAt: string;
  /**
   * Set when a resumed class run regraded only some exercises (their grade inputs changed)
   * and kept the others from the earlier record: the ones regraded.
   */
  regraded?: string[];
  /** The student's exercise files by exercise name (with `keepSources`), for similarity checks. */
  sources?: Record<string, string>;
}

/** Options for grading a submission. */
export interface GradeOptions {
  /** The course repository. */
  repoRoot: string;
  /** Student ID: with a secret, selects the student's own random inputs. */
  student?: string;
  /** The course secret (for per-student inputs). */
  secret?: Uint8Array | null;
  /** Grade only these exercises. */
  only?: string[];
  /** Stop judging after this long (ms); remaining cases are `not-run`. Default: from the budgets. */
  submissionLimitMs?: number;
  /** Keep the student's exercise sources in the result (for similarity checks). */
  keepSources?: boolean;
  /** Every hidden case's time limit (ms), overriding the exercises' `budget.caseMs`. */
  timeLimitMs?: number;
  /** Misconception texts, by id (from the locale). */
  misconceptionTexts?: Record<string, { title: string; explain: string }>;
}
