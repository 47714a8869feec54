/**
 * From what the judge answered to a case's outcome, and from an outcome to
 * the sentence a student reads and the flag an instructor sees. Messages are
 * only ever rendered from the data here, never parsed back.
 *
 * @module
 */
import { type Answer, OUTPUT_CAP_BYTES } from "./judge.ts";
import type { CaseDetail, Outcome, Voided } from "./record.ts";
import type { Flag } from "./submission.ts";

/** What a message needs to know about its exercise. */
export interface MessageContext {
  /** The exported function's name. */
  entry: string;
  /** The exercise's file, relative to the submission. */
  file: string;
  /** The tfjs ops it must not call. */
  forbiddenOps: string[];
}

/** The outcome of a call that did not return or throw. */
export function outcomeOfStatus(status: Answer["status"]): Outcome {
  switch (status) {
    case "oom":
      return "out-of-memory";
    case "flood":
      return "output-flood";
    case "ok":
      return "passed";
    default:
      return status;
  }
}

/**
 * Whether an error is the published stub's: every stub throws
 * `new Error("Not implemented: …")` (see `exercises/`, and the author check
 * that every stub has one). This is the one place that knows it.
 */
export function isStubError(error: { name: string; message: string } | undefined): boolean {
  return error?.name === "Error" && /^Not implemented\b/.test(error.message);
}

function stopped(outcome: Outcome, limitMs?: number): string {
  switch (outcome) {
    case "timeout":
      return `ran longer than ${limitMs} ms and was stopped`;
    case "stalled":
      return "returned a promise that never settles (nothing was left that could finish it)";
    case "exit":
      return "the code ended the process (Deno.exit or similar) before returning";
    case "out-of-memory":
      return "ran out of memory and was stopped";
    case "crash":
      return "the process running the code crashed";
    case "output-flood":
      return `printed more than ${OUTPUT_CAP_BYTES / 1024 / 1024} MiB and was stopped`;
    default:
      return outcome;
  }
}

const thrown = (e: { name: string; message: string } | undefined) =>
  `${e?.name ?? "Error"}: ${(e?.message ?? "").slice(0, 300)}`;

/**
 * The sentence for a case.
 *
 * @param outcome How it ended.
 * @param detail The facts.
 * @param ctx The exercise.
 * @param voided Why it does not count, if it does not.
 * @returns The message (empty for a counted pass).
 */
export function renderMessage(
  outcome: Outcome,
  detail: CaseDetail | undefined,
  ctx: MessageContext,
  voided?: Voided,
): string {
  const d = detail ?? {};
  if (voided === "forbidden-op") {
    const why = `not counted: the exercise must not call ${ctx.forbiddenOps.join("/")}`;
    return outcome === "passed" ? why : `${renderMessage(outcome, d, ctx)} (${why})`;
  }
  if (voided === "rejects-only") {
    return `not counted: it threw the ${d.expectedThrow} asked for, but rejecting bad input counts ` +
      "only when at least one case with valid input passes";
  }
  switch (outcome) {
    case "passed":
      return "";
    case "wrong":
      return d.expectedThrow
        ? `should throw a ${d.expectedThrow} for this input, but returned normally`
        : d.mismatch ?? "wrong result";
    case "threw":
      if (d.expectedThrow) {
        return d.error?.stackOverflow
          ? `should throw a ${d.expectedThrow}, but overflowed the stack (runaway recursion), ` +
            "which is not a check of the input"
          : `should throw a ${d.expectedThrow}, but threw ${thrown(d.error)}`;
      }
      return d.error?.stackOverflow
        ? "overflowed the stack (runaway recursion): RangeError: Maximum call stack size exceeded"
        : `threw ${thrown(d.error)}`;
    case "load-error": {
      const why = d.loadCause === "missing-export"
        ? `the file does not export a function named ${ctx.entry}`
        : d.loadCause === "refused"
        ? `refused: ${d.refused}`
        : d.loadCause === "threw" || d.loadCause === undefined
        ? `importing it threw ${thrown(d.error)}`
        : stopped(d.loadCause === "out-of-memory" ? "out-of-memory" : d.loadCause, d.limitMs) +
          " while being imported";
      return `${ctx.file} could not be loaded, so no case ran: ${why}`;
    }
    case "not-run":
      if (d.notRun?.reason === "after-fatal") {
        return `not run: ${stopped(d.notRun.after, d.notRun.limitMs)} (as in the cases before)`;
      }
      if (d.notRun?.reason === "grader-error") {
        return `not run: the grader could not pose this case (${d.notRun.error}); a fault in the ` +
          "grader, not in your code: the case does not count, for or against you";
      }
      return "not run: the submission's time budget was used up";
    case "not-attempted":
      return d.notAttempted === "missing-file"
        ? `${ctx.file} is missing from the submission`
        : d.notAttempted === "stub-throws"
        ? "not implemented yet (the stub still throws)"
        : "not attempted: the file is still the unchanged stub";
    default:
      return stopped(outcome, d.limitMs);
  }
}

const FLAG_CODES: Partial<Record<Outcome, string>> = {
  timeout: "timeout",
  stalled: "never-settles",
  exit: "exit",
  "out-of-memory": "out-of-memory",
  crash: "crash",
  "output-flood": "output-flood",
};

/**
 * The flag an answer raises, if any: forbidden access, or a call that did not finish.
 *
 * @param a The judge's answer.
 * @param exercise The exercise's name.
 * @param limitMs The limit the call had (for the message).
 * @returns The flag, or null.
 */
export function flagFor(a: Answer, exercise: string, limitMs: number): Flag | null {
  // Every refusal by the sandbox, whatever error class Deno gave it, even one that ended the child.
  if (a.error?.permission) {
    return {
      code: "forbidden-access",
      exercise,
      message: `tried something the sandbox forbids: ${a.error.message.slice(0, 200)}`,
    };
  }
  const outcome = outcomeOfStatus(a.status);
  const code = FLAG_CODES[outcome];
  const where = a.phase === "load" ? " while being imported" : "";
  return code ? { code, exercise, message: stopped(outcome, limitMs) + where } : null;
}
