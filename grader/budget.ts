/**
 * Time budgets: each exercise's from the manifest (with the defaults stated
 * in the README), and a submission's, derived from those of the exercises it
 * is graded on.
 *
 * @module
 */
import type { Budget, Exercise } from "../course/types.ts";

/** Importing a student's module (ms), unless the manifest says otherwise. */
export const DEFAULT_LOAD_MS = 8_000;

/**
 * An exercise's budgets with the defaults filled in.
 *
 * @param ex The exercise (its `timeLimitMs` and optional `budget`).
 * @returns Every budget, in ms.
 */
export function budgetOf(ex: Pick<Exercise, "timeLimitMs" | "budget">): Budget {
  const publicMs = ex.budget?.publicMs ?? ex.timeLimitMs;
  return {
    publicMs,
    caseMs: ex.budget?.caseMs ?? Math.round(publicMs / 2),
    longMs: ex.budget?.longMs ?? publicMs,
    loadMs: ex.budget?.loadMs ?? DEFAULT_LOAD_MS,
  };
}

/**
 * A submission's budget: one import per exercise plus every case's budget.
 * Grading that takes longer leaves the remaining cases `not-run`.
 *
 * @param parts Per exercise: its case budget, load budget and number of cases.
 * @returns The budget in ms.
 */
export function submissionBudgetMs(
  parts: Array<{ caseMs: number; loadMs: number; cases: number }>,
): number {
  return parts.reduce((s, p) => s + p.loadMs + p.caseMs * p.cases, 0);
}
