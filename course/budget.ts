/**
 * An exercise's time budgets, with the defaults the README states, in one
 * place for the learner's loop and the grader.
 *
 * @module
 */
import type { Budget, Exercise } from "./types.ts";

/** Importing a student's module in the grader (ms), unless the manifest says otherwise. */
export const DEFAULT_LOAD_MS = 8_000;

/** A long (training) check, unless the manifest says otherwise (ms). */
export const DEFAULT_LONG_MS = 120_000;

/**
 * An exercise's budgets with the defaults filled in: `publicMs` is
 * `timeLimitMs`; `caseMs` is half of `publicMs` (the public limit also pays for
 * importing the module and its tests, a hidden case's only for the call);
 * `longMs` is {@link DEFAULT_LONG_MS}; `loadMs` is {@link DEFAULT_LOAD_MS}.
 *
 * @param ex The exercise (its `timeLimitMs` and optional `budget`).
 * @returns Every budget, in ms.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { budgetOf } from "./budget.ts";
 * assert.deepEqual(budgetOf({ timeLimitMs: 2000 }), {
 *   publicMs: 2000,
 *   caseMs: 1000,
 *   longMs: 120_000,
 *   loadMs: 8000,
 * });
 * ```
 */
export function budgetOf(ex: Pick<Exercise, "timeLimitMs" | "budget">): Budget {
  const publicMs = ex.budget?.publicMs ?? ex.timeLimitMs;
  return {
    publicMs,
    caseMs: ex.budget?.caseMs ?? Math.round(publicMs / 2),
    longMs: ex.budget?.longMs ?? DEFAULT_LONG_MS,
    loadMs: ex.budget?.loadMs ?? DEFAULT_LOAD_MS,
  };
}
