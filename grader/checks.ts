/**
 * Property checks for hidden cases of training exercises (batch_gd, sgd,
 * minibatch_gd) that trust nothing the student reports: the loss is
 * recomputed here, in the trusted process, from the parameters the run
 * returned, and the reported `losses` must agree with it. A run that makes up
 * a falling `losses` array therefore fails.
 *
 * Use as a case's `check`, with args `[X, y, { epochs, … }]`:
 * `check: lossFallsTo(0.01)` or `check: lossDiverges(1e6)`.
 *
 * @module
 */
import type { HiddenCase } from "../course/define.ts";

type M = number[][];
type V = number[];

/** What a training run returns. */
export interface TrainingRun {
  w: V;
  b: number;
  losses: V;
}

/**
 * The mean squared error of the linear model `X w + b` on `y`, in float64.
 *
 * @param X Features, [N, D].
 * @param y Targets, [N].
 * @param w Weights, [D].
 * @param b Bias.
 * @returns mean((X w + b − y)²).
 */
export function mseOf(X: M, y: V, w: V, b: number): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) {
    let p = b;
    for (let j = 0; j < w.length; j++) p += X[i][j] * w[j];
    s += (p - y[i]) ** 2;
  }
  return s / X.length;
}

/**
 * The run's start and end losses, recomputed from its parameters, or a
 * sentence saying why the run cannot be read or does not add up.
 *
 * @param got What the student's function returned.
 * @param args The case's arguments `[X, y, { epochs }]`.
 * @returns `{ start, end }`, or the problem.
 */
export function recomputedLosses(
  got: unknown,
  args: unknown[],
): { start: number; end: number } | string {
  const [X, y, o] = args as [M, V, { epochs: number }];
  const run = got as Partial<TrainingRun> | null;
  const d = X[0]?.length ?? 0;
  if (!run || !Array.isArray(run.losses) || !Array.isArray(run.w) || typeof run.b !== "number") {
    return "expected a record { w, b, losses }";
  }
  if (run.w.length !== d || !run.w.every((v) => typeof v === "number")) {
    return `expected w to hold ${d} numbers, got ${run.w.length} items`;
  }
  if (run.losses.length !== o.epochs + 1) {
    return `expected ${
      o.epochs + 1
    } losses (one before the first epoch, one after each), got ${run.losses.length}`;
  }
  // Every run starts from w = 0, b = 0.
  const start = mseOf(X, y, new Array(d).fill(0), 0);
  const end = mseOf(X, y, run.w, run.b);
  const agrees = (reported: unknown, actual: number) =>
    typeof reported === "number" &&
    (reported === actual || Math.abs(reported - actual) <= 1e-6 * (Math.abs(actual) + 1e-8) ||
      (!Number.isFinite(actual) && !Number.isFinite(reported)));
  if (!agrees(run.losses[0], start)) {
    return `the first loss you report (${
      run.losses[0]
    }) is not the loss at w = 0, b = 0 (${start})`;
  }
  const last = run.losses[run.losses.length - 1];
  if (!agrees(last, end)) {
    return `the last loss you report (${last}) is not the loss of the w and b you return (${end})`;
  }
  return { start, end };
}

/**
 * A check: the loss of the returned parameters is at most `fraction` of the start's.
 *
 * @param fraction E.g. 0.01 for "below 1% of the start".
 * @returns A case `check`.
 */
export function lossFallsTo(fraction: number): NonNullable<HiddenCase["check"]> {
  return (got, args) => {
    const r = recomputedLosses(got, args);
    if (typeof r === "string") return r;
    return r.end <= fraction * r.start
      ? null
      : `the loss of the returned w and b is ${r.end}, above ${fraction} × the start (${r.start})`;
  };
}

/**
 * A check: the run blew up (the returned parameters' loss is not finite, or
 * more than `factor` times the start's).
 *
 * @param factor E.g. 1e6.
 * @returns A case `check`.
 */
export function lossDiverges(factor: number): NonNullable<HiddenCase["check"]> {
  return (got, args) => {
    const r = recomputedLosses(got, args);
    if (typeof r === "string") return r;
    return !Number.isFinite(r.end) || r.end > factor * r.start
      ? null
      : `this learning rate is above the stable bound, so the loss should blow up, but the ` +
        `returned w and b have a loss of ${r.end}`;
  };
}
