/**
 * Time budgets: each exercise's (`course/budget.ts`, shared with the loop),
 * and a submission's, derived from those of the exercises it is graded on.
 *
 * @module
 */
export { budgetOf, DEFAULT_LOAD_MS } from "../course/budget.ts";

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
