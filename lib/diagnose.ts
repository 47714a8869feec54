/**
 * Names a learner's mistake by matching their outputs against the known-wrong
 * variants of the exercise. The grader runs the variants' code on its hidden
 * inputs ({@link diagnose}); the learner's loop, which has no variant code,
 * compares with the variants' recorded outputs on the probes
 * ({@link diagnoseFromData}). Both name a mistake the same way.
 *
 * @module
 */
import { compare, type Tolerance } from "./compare.ts";
import type { Variant, Variants } from "../course/define.ts";
import type { DiagnosisData, VariantOutputs } from "../course/load.ts";
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
 * @param catalogue The exercise's variants (grader side).
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
  catalogue: Variants,
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

/** What a variant outputs where it throws, in the diagnosis data. */
export const THREW = { threw: true } as const;

/**
 * Finds the variant whose recorded outputs on the probes are the learner's.
 *
 * @param data The exercise's diagnosis data.
 * @param got The learner's output on each probe, in order (`THREW` where it threw).
 * @param tol Tolerances for the comparison.
 * @returns The first variant matching every probe, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { diagnoseFromData } from "./diagnose.ts";
 * const data = { probes: [[3]], variants: [{ id: "double.square", section: "x", outputs: [9] }] };
 * assert.equal(diagnoseFromData(data, [9])?.id, "double.square");
 * assert.equal(diagnoseFromData(data, [6]), null);
 * ```
 */
export function diagnoseFromData(
  data: DiagnosisData,
  got: unknown[],
  tol: Tolerance = { rtol: 1e-6, atol: 1e-9 },
): VariantOutputs | null {
  if (got.length === 0 || got.length !== data.probes.length) return null;
  return data.variants.find((v) =>
    v.outputs.every((out, i) => compare(got[i], out, tol) === null)
  ) ?? null;
}
