/**
 * The format of hidden tests. They live in `grader/hidden/<lesson dir>.ts`
 * and are never shipped to students. The trusted grader process generates
 * each case's arguments and expected value; only the arguments reach the
 * student's process.
 *
 * @module
 */
import type { Tolerance } from "../lib/compare.ts";
import type { Rng } from "../lib/random.ts";

/** One hidden case of one exercise. */
export interface HiddenCase {
  /** Shown to the student after grades are published: what it checks. */
  name: string;
  /** Points for passing it (partial credit is per case). */
  points: number;
  /**
   * The arguments for the student's function. `r` is seeded from the course
   * secret, the student ID and the case name, so each student gets their own
   * numbers and a regrade gets the same ones. Arguments must survive
   * `structuredClone`; a function argument is written `{ $fn: name, params }`
   * and built in the student's process from `lib/fixtures.ts`.
   */
  args: (r: Rng) => unknown[];
  /**
   * The reference value for these arguments. Defaults to calling the
   * reference solution's entry function.
   */
  expect?: (...args: unknown[]) => unknown;
  /**
   * A property to check instead of (or besides) equality: returns `null`
   * when `got` is acceptable, else a sentence saying what is wrong.
   */
  check?: (got: unknown, args: unknown[]) => string | null;
  /** Tolerances; default `{ rtol: 1e-6, atol: 1e-9 }`. */
  tol?: Tolerance;
  /** The case passes only if the call throws an error of this class name. */
  throws?: "RangeError" | "TypeError" | "Error";
}

/** Exercise name → its hidden cases. */
export type HiddenSuite = Record<string, HiddenCase[]>;
