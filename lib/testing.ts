/**
 * The few helpers public tests use. `test()` registers a case with
 * `Deno.test` (so `deno test` runs it) and in a registry the learner's loop
 * reads when it runs the file in a worker, without the cost of a test runner.
 *
 * @module
 */
import { compare, type Mismatch, type Tolerance } from "./compare.ts";
import { t } from "./i18n.ts";

/** A registered test case. */
export interface TestCase {
  name: string;
  fn: () => void | Promise<void>;
}

/** A named series of numbers a test wants the learner to see, e.g. a loss curve. */
export interface Series {
  name: string;
  values: number[];
}

const REGISTRY = Symbol.for("tensorlings.tests");
const SERIES = Symbol.for("tensorlings.series");
type Global = typeof globalThis & { [REGISTRY]?: TestCase[]; [SERIES]?: Series[] };

/**
 * Declares a test case.
 *
 * @param name What it checks, as a sentence: `"mse() of a perfect fit is 0"`.
 * @param fn The check; it throws on failure.
 */
export function test(name: string, fn: () => void | Promise<void>): void {
  const g = globalThis as Global;
  (g[REGISTRY] ??= []).push({ name, fn });
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });
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
      return t("mismatch.value", { ...m, relErr: m.relErr.toExponential(1), path });
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
