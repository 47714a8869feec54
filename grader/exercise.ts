/**
 * Grades one exercise: load the student's module once, run every hidden
 * case through a caller (the sandboxed judge, or a direct call in author
 * checks), compare with the trusted expected value, and apply the rules that
 * keep grades fair: a module that does not load fails every case; "throws"
 * cases count only when a case with valid input passes; an exercise that
 * calls the op it is about earns nothing.
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ResolvedExercise } from "../course/types.ts";
import { compare } from "../lib/compare.ts";
import { diagnose, type Observation } from "../lib/diagnose.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { rng } from "../lib/random.ts";
import { describeMismatch } from "../lib/testing.ts";
import { budgetOf } from "./budget.ts";
import { hiddenCases, variantsFor } from "./course_data.ts";
import type { Answer, Call } from "./judge.ts";
import {
  flagFor,
  isStubError,
  type MessageContext,
  outcomeOfStatus,
  renderMessage,
} from "./outcome.ts";
import {
  type CaseDetail,
  type CaseResult,
  type ExerciseResult,
  FATAL_OUTCOMES,
  type GradeOptions,
  type Outcome,
  type Voided,
} from "./record.ts";
import { caseSeed } from "./seed.ts";
import { ANY_KERNEL, forbiddenUsed, OPS_OVERFLOW } from "./tf_record.ts";
import type { Flag } from "./submission.ts";
import type { HiddenCase } from "../course/define.ts";

/** Anything that can call a student's function: the sandboxed judge, or (in author checks) a direct call. */
export interface Caller {
  call(call: Call): Promise<Answer>;
  /** Imports the module first, once; a caller without it loads on the first call. */
  load?(file: string, entry: string, deadline?: number): Promise<Answer>;
}

/** Options for {@link gradeExercise}. */
export interface ExerciseOptions
  extends Pick<GradeOptions, "repoRoot" | "student" | "secret" | "misconceptionTexts"> {
  /** Stop at this time (ms, performance.now clock): later cases are `not-run`. */
  deadline?: number;
  /** Fatal outcomes (timeouts, crashes, exits) so far in this submission, shared across exercises. */
  fatal?: { count: number };
  /** A hidden case's time limit (ms); default the exercise's `budget.caseMs`. */
  caseMs?: number;
  /** The submission's attempt: mixed into the case seeds (the student's file's content hash). */
  attempt?: string;
  /** The file calls the tfjs op the exercise is about: every case is voided. */
  forbiddenOpUsed?: boolean;
}

/** A case's result from its outcome and facts; the message is rendered here, once. */
export function caseResult(
  c: Pick<HiddenCase, "name" | "points" | "id">,
  outcome: Outcome,
  ctx: MessageContext,
  detail?: CaseDetail,
  ms = 0,
  voided?: Voided,
): CaseResult {
  const counted = outcome === "passed" && !voided;
  return {
    id: c.id ?? c.name,
    name: c.name,
    score: counted ? c.points : 0,
    max: c.points,
    status: counted ? "passed" : "failed",
    outcome,
    ...(detail && Object.keys(detail).length ? { detail } : {}),
    ...(voided ? { voided } : {}),
    message: renderMessage(outcome, detail, ctx, voided),
    ms: Math.round(ms),
  };
}

/** How many seeds a case's inputs may be drawn from: a generator may reject a rare draw. */
const DRAWS = 8;

/**
 * A case's arguments from its seed. A generator that throws on a draw (one
 * that could not find inputs with the property it needs, say) gets the next
 * seed derived from this one, so a rare unlucky seed never stops grading; only
 * a generator that fails every draw throws.
 *
 * @param c The case.
 * @param seed Its seed.
 * @returns The arguments.
 */
export function drawArgs(c: Pick<HiddenCase, "args" | "name">, seed: number): unknown[] {
  let last: unknown;
  for (let k = 0; k < DRAWS; k++) {
    try {
      return c.args(rng((seed + Math.imul(k, 0x9e3779b9)) >>> 0));
    } catch (e) {
      last = e;
    }
  }
  throw new Error(
    `its inputs could not be drawn from ${DRAWS} seeds: ${
      last instanceof Error ? last.message : String(last)
    }`.slice(0, 300),
  );
}

/** Judges one case: its outcome and the facts behind it. */
async function judgeCase(
  caller: Caller,
  entry: string,
  c: HiddenCase,
  fileUrl: string,
  reference: (...args: unknown[]) => unknown,
  seed: number,
  limitMs: number,
  deadline: number,
): Promise<
  { outcome: Outcome; detail: CaseDetail; answer: Answer; args: unknown[]; valueRight?: boolean }
> {
  const args = drawArgs(c, seed);
  const answer = await caller.call({
    file: fileUrl,
    entry,
    args,
    timeLimitMs: limitMs,
    ...(deadline < Infinity ? { deadline } : {}),
    ...(c.property === "pure" ? { returnArgs: true } : {}),
    ...(c.property === "no-leaks" ? { countTensors: true } : {}),
  });
  const detail: CaseDetail = c.throws ? { expectedThrow: c.throws } : {};
  if (answer.status === "threw") {
    detail.error = {
      name: answer.error?.name ?? "Error",
      message: answer.error?.message ?? "",
      ...(answer.error?.stackOverflow ? { stackOverflow: true } : {}),
    };
    const asked = c.throws && !answer.error?.stackOverflow &&
      (c.throws === "Error" || answer.error?.name === c.throws);
    return { outcome: asked ? "passed" : "threw", detail, answer, args };
  }
  if (answer.status !== "ok") {
    if (answer.status === "timeout") detail.limitMs = limitMs;
    return { outcome: outcomeOfStatus(answer.status), detail, answer, args };
  }
  if (c.throws) return { outcome: "wrong", detail, answer, args };
  const revived = () => reviveFunctions(structuredClone(args)) as unknown[];
  let mismatch = "";
  if (c.check) {
    // A check reads the student's answer, which may be anything (null, a string, a cycle of
    // objects): one that throws on it fails this case, never the submission.
    try {
      mismatch = c.check(answer.value, revived()) ?? "";
    } catch (e) {
      mismatch = `the answer could not be checked (${
        e instanceof Error ? e.message : String(e)
      }): it is not the kind of value the exercise returns`;
    }
  }
  if (!mismatch && (c.expect || !c.check)) {
    const expected = await (c.expect ?? reference)(...revived());
    const m = compare(answer.value, expected, c.tol ?? { rtol: 1e-6, atol: 1e-9 });
    if (m) mismatch = describeMismatch(m);
  }
  // The value is right: a broken property (purity, leaks) is no misconception's output.
  const valueRight = !mismatch;
  if (!mismatch) mismatch = propertyBroken(c, args, answer) ?? "";
  if (mismatch) detail.mismatch = mismatch;
  return { outcome: mismatch ? "wrong" : "passed", detail, answer, args, valueRight };
}

/**
 * The documented property a case checks besides its value (`property` on the
 * case): `pure` (the arguments are unchanged after the call) and `no-leaks`
 * (no tfjs tensor outlives the call). A sentence when it is broken, else null.
 */
function propertyBroken(c: HiddenCase, args: unknown[], answer: Answer): string | null {
  if (c.property === "pure") {
    if (!answer.argsAfter) return "could not check that the arguments are unchanged";
    const before = args.map((a) => isFnRef(a) ? null : a);
    const m = compare(answer.argsAfter, before, { rtol: 0, atol: 0 });
    return m ? `changed its arguments (${describeMismatch(m)}): build new arrays instead` : null;
  }
  if (c.property === "no-leaks") {
    const n = answer.tensorsLeaked;
    if (n === undefined) return null; // tfjs is not loaded: nothing can leak
    return n > 0
      ? `left ${n} tensor${n === 1 ? "" : "s"} alive after returning: wrap the work in tf.tidy ` +
        "(or dispose what you create)"
      : null;
  }
  return null;
}

const isFnRef = (a: unknown) =>
  a !== null && typeof a === "object" && typeof (a as { $fn?: unknown }).$fn === "string";

function addFlag(flags: Flag[], flag: Flag | null): void {
  if (flag && !flags.some((f) => f.code === flag.code && f.exercise === flag.exercise)) {
    flags.push(flag);
  }
}

/**
 * The load failure of a module, as a case detail.
 *
 * @param a The judge's answer to the load.
 * @param limitMs The load's time limit.
 */
function loadDetail(a: Answer, limitMs: number): CaseDetail {
  if (a.status === "threw") {
    return a.error?.name === "MissingExport" ? { loadCause: "missing-export" } : {
      loadCause: "threw",
      error: { name: a.error?.name ?? "Error", message: a.error?.message ?? "" },
    };
  }
  const cause = outcomeOfStatus(a.status) as CaseDetail["loadCause"];
  return { loadCause: cause, ...(a.status === "timeout" ? { limitMs } : {}) };
}

/**
 * Runs one exercise's hidden cases through a caller and fills in `er`
 * (cases, score, diagnosis); flags found are appended to `flags`.
 *
 * @param caller Calls the student's function.
 * @param ex The exercise.
 * @param fileUrl The student's module, as the caller will import it.
 * @param er The exercise's result, with `cases` empty.
 * @param flags The submission's flags.
 * @param opts Student, secret, texts, deadline, time limit, attempt.
 */
export async function gradeExercise(
  caller: Caller,
  ex: ResolvedExercise,
  fileUrl: string,
  er: ExerciseResult,
  flags: Flag[],
  opts: ExerciseOptions,
): Promise<void> {
  const cases = await hiddenCases(ex);
  const budget = budgetOf(ex);
  const limitMs = opts.caseMs ?? budget.caseMs;
  er.budget = { caseMs: limitMs, loadMs: budget.loadMs };
  const ctx: MessageContext = { entry: ex.entry, file: ex.file, forbiddenOps: ex.forbiddenOps };
  const deadline = opts.deadline ?? Infinity;
  const fatal = opts.fatal ?? { count: 0 };
  const done = () => {
    er.score = er.cases.reduce((s, c) => s + c.score, 0);
  };
  // What the child's tfjs recorded while running the exercise decides the forbidden-op rule.
  let forbiddenOpUsed = opts.forbiddenOpUsed ?? false;
  const noteOps = (a: Answer | null, during: string) => {
    if (ex.forbiddenOps.length > 0 && a?.ops?.includes(OPS_OVERFLOW)) {
      forbiddenOpUsed = true;
      addFlag(flags, {
        code: "forbidden-op",
        exercise: ex.name,
        message: `recorded more distinct tfjs names than the grader keeps (while ${during}), ` +
          `so it cannot show that ${ex.forbiddenOps.join(", ")} went unused`,
      });
    }
    if (ex.forbiddenOps.length > 0 && a?.ops?.includes(ANY_KERNEL)) {
      forbiddenOpUsed = true;
      addFlag(flags, {
        code: "forbidden-op",
        exercise: ex.name,
        message: `reaches the wasm module's function table, dynCall_* or a second module ` +
          `(while ${during}), which run its kernels unrecorded, so it cannot show that ${
            ex.forbiddenOps.join(", ")
          } went unused`,
      });
    }
    for (const op of forbiddenUsed(ex.forbiddenOps, a?.ops ?? [])) {
      forbiddenOpUsed = true;
      addFlag(flags, {
        code: "forbidden-op",
        exercise: ex.name,
        message: `calls tf ${op}, or what computes it (recorded while ${during})`,
      });
    }
  };

  // 1. The module loads, and exports the entry, or no case runs; not once the budget is spent.
  if (performance.now() > deadline) {
    er.cases = cases.map((c) => caseResult(c, "not-run", ctx, { notRun: { reason: "budget" } }));
    return done();
  }
  const loaded = caller.load
    ? await caller.load(fileUrl, ex.entry, deadline < Infinity ? deadline : undefined)
    : null;
  noteOps(loaded, "importing it");
  if (loaded && loaded.status !== "ok") {
    const detail = loadDetail(loaded, budget.loadMs);
    if (isStubError(detail.error)) {
      er.cases = cases.map((c) =>
        caseResult(c, "not-attempted", ctx, { notAttempted: "stub-throws" })
      );
      return done();
    }
    er.cases = cases.map((c) => caseResult(c, "load-error", ctx, detail));
    if (FATAL_OUTCOMES.includes(outcomeOfStatus(loaded.status))) fatal.count++;
    addFlag(flags, flagFor(loaded, ex.name, budget.loadMs));
    addFlag(flags, {
      code: "load-error",
      exercise: ex.name,
      message: er.cases[0]?.message ?? renderMessage("load-error", detail, ctx),
    });
    return done();
  }

  // 2. Every case.
  const reference =
    (await import(pathToFileURL(join(opts.repoRoot, ex.solutionFile)).href))[ex.entry];
  const observations: Observation[] = [];
  let fatalRun = 0;
  let lastFatal: CaseResult | undefined;
  for (const c of cases) {
    if (performance.now() > deadline) {
      er.cases.push(caseResult(c, "not-run", ctx, { notRun: { reason: "budget" } }));
      continue;
    }
    // Two fatal cases in a row end an exercise; once the submission has had two, one does
    // (a looping helper would otherwise cost seconds in every case).
    if (lastFatal && fatalRun >= (fatal.count >= 2 ? 1 : 2)) {
      const after = lastFatal.outcome;
      er.cases.push(
        caseResult(c, "not-run", ctx, {
          notRun: { reason: "after-fatal", after, limitMs: lastFatal.detail?.limitMs },
        }),
      );
      continue;
    }
    const seed = caseSeed(opts.secret ?? null, opts.student, ex.name, c.id ?? c.name, opts.attempt);
    let judged: Awaited<ReturnType<typeof judgeCase>>;
    try {
      judged = await judgeCase(caller, ex.entry, c, fileUrl, reference, seed, limitMs, deadline);
    } catch (e) {
      // The grader's own side failed (a case's generator, the reference, its check's setup):
      // the case is dropped for this student, visibly, and grading goes on.
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 300);
      const dropped = caseResult(c, "not-run", ctx, { notRun: { reason: "grader-error", error } });
      er.cases.push({ ...dropped, max: 0 });
      er.max -= c.points;
      addFlag(flags, {
        code: "grader-error",
        message: `the grader could not pose a case of ${ex.name} (${error}); it was not counted`,
        exercise: ex.name,
      });
      continue;
    }
    const { outcome, detail, answer, args } = judged;
    const stub = outcome === "threw" && !c.throws && isStubError(detail.error);
    const result = stub
      ? caseResult(c, "not-attempted", ctx, { notAttempted: "stub-throws" }, answer.ms)
      : caseResult(c, outcome, ctx, detail, answer.ms);
    er.cases.push(result);
    const isFatal = FATAL_OUTCOMES.includes(outcome);
    fatalRun = isFatal ? fatalRun + 1 : 0;
    if (isFatal) {
      fatal.count++;
      lastFatal = result;
    }
    addFlag(flags, flagFor(answer, ex.name, limitMs));
    noteOps(answer, `running "${c.name}"`);
    if (outcome === "wrong" && !c.throws && !judged.valueRight) {
      observations.push({ args, got: answer.value });
    }
  }

  // 3. The rules that decide what counts.
  const isValueCase = (i: number) => !cases[i].throws;
  const hasValueCases = cases.some((_, i) => isValueCase(i));
  const valuePassed = er.cases.some((r, i) => isValueCase(i) && r.outcome === "passed");
  const revoid = (i: number, voided: Voided) => {
    const r = er.cases[i];
    // A dropped case (max 0) stays dropped.
    er.cases[i] = { ...caseResult(cases[i], r.outcome, ctx, r.detail, r.ms, voided), max: r.max };
  };
  if (forbiddenOpUsed) {
    // Delegating to the op the exercise is about earns nothing, visibly.
    er.cases.forEach((_, i) => revoid(i, "forbidden-op"));
  } else if (hasValueCases && !valuePassed) {
    let voided = 0;
    er.cases.forEach((r, i) => {
      if (!isValueCase(i) && r.outcome === "passed") {
        revoid(i, "rejects-only");
        voided++;
      }
    });
    if (voided > 0) {
      er.notes = [
        ...(er.notes ?? []),
        "Cases that check bad input is rejected count only when at least one case with " +
        "valid input passes; none did, so they earn nothing here.",
      ];
    }
  }
  done();
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
