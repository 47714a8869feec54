/**
 * The few helpers public tests use. `test()` registers a case with
 * `Deno.test` (so `deno test` runs it) and in a registry the learner's loop
 * reads when it runs the file in a worker, without the cost of a test runner.
 * A check that trains a model is declared long (`{ long: true }`): the loop
 * runs it after the quick ones, under its own time budget, and shows what it
 * reports with `reportProgress()` while it runs.
 *
 * @module
 */
import { compare, type Mismatch, type Tolerance } from "./compare.ts";
import { t } from "./i18n.ts";

/** A registered test case. */
export interface TestCase {
  name: string;
  fn: () => void | Promise<void>;
  /** A long check (training): run after the quick ones, with its own time budget. */
  long: boolean;
}

/** Options for {@link test}. */
export interface TestOptions {
  /**
   * The check trains something and takes seconds, not milliseconds: the loop
   * runs it after every quick check (whose verdicts show first), gives it the
   * exercise's long budget, and `deno task lesson verify --quick` skips it.
   */
  long?: boolean;
}

/**
 * One report from a training loop. `step` counts updates; the rest are
 * optional, and any other numeric field is shown too (e.g. `lr`).
 */
export interface Progress {
  step: number;
  epoch?: number;
  /** Out of how many epochs, if known. */
  epochs?: number;
  loss?: number;
  accuracy?: number;
  [metric: string]: number | undefined;
}

/** A named series of numbers a test wants the learner to see, e.g. a loss curve. */
export interface Series {
  name: string;
  values: number[];
}

const REGISTRY = Symbol.for("tensorlings.tests");
const SERIES = Symbol.for("tensorlings.series");
const PROGRESS = Symbol.for("tensorlings.progress");
type Global = typeof globalThis & {
  [REGISTRY]?: TestCase[];
  [SERIES]?: Series[];
  [PROGRESS]?: (p: Progress) => void;
};

/**
 * Declares a test case.
 *
 * @param name What it checks, as a sentence: `"mse() of a perfect fit is 0"`.
 * @param fn The check; it throws on failure.
 * @param options `long: true` for a check that trains (see {@link TestOptions}).
 * @example
 * ```ts ignore
 * test("fit() learns XOR to 100% accuracy", () => {
 *   const { accuracy } = fit(XOR, { epochs: 300 }); // calls reportProgress() each epoch
 *   expectClose(accuracy, 1, { what: "accuracy after 300 epochs" });
 * }, { long: true });
 * ```
 */
export function test(
  name: string,
  fn: () => void | Promise<void>,
  options: TestOptions = {},
): void {
  const g = globalThis as Global;
  (g[REGISTRY] ??= []).push({ name, fn, long: options.long === true });
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });
}

/**
 * Reports how a training loop is doing, for the learner's loop to show while
 * it runs (epoch, loss, accuracy and a growing loss curve). Call it as often
 * as you like: it costs a time check, and the loop sends at most about twenty
 * reports a second to the screen. Outside the loop (`deno test`, the grader)
 * it does nothing.
 *
 * @param progress The step, and whatever else is known: `epoch`, `loss`, `accuracy`...
 * @example
 * ```ts
 * import { reportProgress } from "./testing.ts";
 * for (let epoch = 0; epoch < 3; epoch++) {
 *   reportProgress({ step: epoch, epoch, loss: 1 / (epoch + 1) });
 * }
 * ```
 */
export function reportProgress(progress: Progress): void {
  (globalThis as Global)[PROGRESS]?.(progress);
}

/**
 * Routes {@link reportProgress} to `sink` (the loop's worker does this), or
 * back to nothing with `undefined`.
 *
 * @param sink Receives every report.
 */
export function onProgress(sink: ((p: Progress) => void) | undefined): void {
  (globalThis as Global)[PROGRESS] = sink;
}

/** The cases registered so far in this process or worker. */
export function registeredTests(): TestCase[] {
  return (globalThis as Global)[REGISTRY] ?? [];
}

/**
 * Records a series (such as a loss curve) for the learner's loop to draw.
 *
 * @param name A label, e.g. `"loss"`.
 * @param values The numbers, in order.
 */
export function recordSeries(name: string, values: number[]): void {
  ((globalThis as Global)[SERIES] ??= []).push({ name, values: [...values] });
}

/** The series recorded so far. */
export function recordedSeries(): Series[] {
  return (globalThis as Global)[SERIES] ?? [];
}

const NOTES = Symbol.for("tensorlings.notes");

/**
 * Records a line for the learner's loop to show under a passing run (e.g.
 * the poems a trained model writes).
 *
 * @param text One line of text (escape sequences and control characters are removed when shown).
 */
export function recordNote(text: string): void {
  const g = globalThis as typeof globalThis & { [NOTES]?: string[] };
  (g[NOTES] ??= []).push(String(text));
}

/** The notes recorded so far. */
export function recordedNotes(): string[] {
  return (globalThis as typeof globalThis & { [NOTES]?: string[] })[NOTES] ?? [];
}

/**
 * How far a number is from the expected one, as people read it: the
 * difference as a percentage of the expected value (`|got − expected| /
 * |expected|`), or the plain difference when the expected value is 0.
 *
 * @param got The number returned.
 * @param expected The number expected.
 * @returns E.g. "off by 75% of the expected value".
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { offBy } from "./testing.ts";
 * assert.equal(offBy(1.25, 5), "off by 75% of the expected value");
 * ```
 */
export function offBy(got: number, expected: number): string {
  const diff = Math.abs(got - expected);
  if (expected === 0) return t("mismatch.absolute", { diff: Number(diff.toPrecision(3)) });
  const pct = (100 * diff) / Math.abs(expected);
  const percent = pct >= 1 ? Number(pct.toPrecision(3)) : Number(pct.toPrecision(2));
  return t("mismatch.relative", { percent });
}

/**
 * Asserts that a call left no tfjs tensors alive: the count after it is the
 * count before. On failure the message says how many leaked.
 *
 * @param before `tf.memory().numTensors` before the call.
 * @param after `tf.memory().numTensors` after it.
 * @param what What was being checked.
 * @throws {ExpectationError} When tensors were left alive (or disposed that were not the call's).
 */
export function expectNoLeaks(before: number, after: number, what = ""): void {
  if (after !== before) throw new ExpectationError({ kind: "leak", path: "", before, after }, what);
}

/** Renders a mismatch as a sentence in the active language. */
export function describeMismatch(m: Mismatch): string {
  const path = m.path ? t("mismatch.at", { path: m.path }) : "";
  switch (m.kind) {
    case "shape":
      return t("mismatch.shape", {
        expected: m.expected.join(", "),
        got: m.got.join(", "),
        path,
      });
    case "type":
      return t("mismatch.type", {
        ...m,
        path: m.path ? `${m.path.replace(/^\./, "")} to be ` : "",
      });
    case "key":
      return t("mismatch.key", { key: m.key, path });
    case "value":
      return t("mismatch.value", { ...m, error: offBy(m.got, m.expected), path });
    case "leak": {
      const leaked = m.after - m.before;
      return t("mismatch.leak", {
        leaked,
        tensors: t(leaked === 1 ? "mismatch.leakTensor" : "mismatch.leakTensors"),
        before: m.before,
        after: m.after,
      });
    }
    default:
      return t(`mismatch.${m.kind}`, { ...m, path });
  }
}

/** A failed expectation, carrying the structured difference. */
export class ExpectationError extends Error {
  /** The first difference found. */
  readonly mismatch: Mismatch;
  /** What was being checked, e.g. `"predict(X, w, b)"`. */
  readonly what: string;
  /**
   * @param mismatch The difference.
   * @param what What was being checked.
   */
  constructor(mismatch: Mismatch, what: string) {
    super(`${what ? what + ": " : ""}${describeMismatch(mismatch)}`);
    this.name = "ExpectationError";
    this.mismatch = mismatch;
    this.what = what;
  }
}

/**
 * Asserts that `got` matches `expected` within tolerance.
 *
 * @param got The learner's value.
 * @param expected The reference value.
 * @param options Tolerances and `what` (the call being checked).
 * @throws {ExpectationError} With the first difference.
 * @example
 * ```ts
 * import { expectClose } from "./testing.ts";
 * expectClose([0.1 + 0.2], [0.3]);
 * ```
 */
export function expectClose(
  got: unknown,
  expected: unknown,
  options: Tolerance & { what?: string } = {},
): void {
  const m = compare(got, expected, options);
  if (m) throw new ExpectationError(m, options.what ?? "");
}

/**
 * Asserts that a call throws an error of the given class.
 *
 * @param fn The call.
 * @param errorClass The class the error must be an instance of.
 * @param what What was being checked.
 * @throws {Error} When the call returns normally or throws something else.
 */
export function expectThrows(
  fn: () => unknown,
  errorClass: new (...args: never[]) => Error,
  what: string,
): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof errorClass) return;
    throw new Error(t("expect.throwsOther", { what, expected: errorClass.name, got: String(e) }));
  }
  throw new Error(t("expect.throwsNone", { what, expected: errorClass.name }));
}
