/**
 * Names a learner's mistake by matching their outputs against the known-wrong
 * variants in the misconception catalogue. The learner's loop and the grader
 * both call this, so a learner sees the same diagnosis in both.
 *
 * @module
 */
import { compare, type Tolerance } from "./compare.ts";
import type { ExerciseCatalogue, Variant } from "../course/misconceptions/types.ts";
import { reviveFunctions } from "./fixtures.ts";

/**
 * One call of the learner's function: its arguments (serialisable, function
 * arguments written as `{ $fn, params }`) and what it returned.
 */
export interface Observation {
  args: unknown[];
  got: unknown;
}

/**
 * Finds the variant that reproduces every observed output.
 *
 * @param catalogue The exercise's catalogue.
 * @param observations The learner's outputs on some inputs (at least one).
 * @param tol Tolerances for the comparison.
 * @returns The first variant matching all observations, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { diagnose } from "./diagnose.ts";
 * const catalogue = {
 *   probes: [[2]],
 *   variants: [{ id: "double.square", section: "x", fn: (x: number) => x * x }],
 * };
 * assert.equal(diagnose(catalogue, [{ args: [3], got: 9 }])?.id, "double.square");
 * assert.equal(diagnose(catalogue, [{ args: [3], got: 6 }]), null);
 * ```
 */
export function diagnose(
  catalogue: ExerciseCatalogue,
  observations: Observation[],
  tol: Tolerance = { rtol: 1e-6, atol: 1e-9 },
): Variant | null {
  if (observations.length === 0) return null;
  for (const variant of catalogue.variants) {
    const all = observations.every(({ args, got }) => {
      try {
        return compare(
          got,
          variant.fn(...(reviveFunctions(structuredClone(args)) as unknown[])),
          tol,
        ) === null;
      } catch {
        return false;
      }
    });
    if (all) return variant;
  }
  return null;
}
