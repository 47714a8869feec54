/**
 * How an author writes down what the grader knows about one exercise: its
 * hidden cases (`course/<lesson>/<name>/hidden.ts`) and its known-wrong
 * variants (`course/<lesson>/<name>/variants.ts`). Both are typed by the
 * exercise's own signature, so a case whose arguments do not fit the function
 * is a type error, not a surprise at grading time. Neither file ships in the
 * student kit.
 *
 * @module
 */
import type { Tolerance } from "../lib/compare.ts";
import type { FnRef } from "../lib/fixtures.ts";
import type { Rng } from "../lib/random.ts";

// deno-lint-ignore no-explicit-any
type AnyFn = (...args: any[]) => any;

/**
 * An argument as it travels to the student's process: a function argument
 * is written `{ $fn, params }` (see `lib/fixtures.ts`).
 */
export type Wire<T> = T extends AnyFn ? FnRef : T;

/** The arguments of `F` as they travel to the student's process. */
export type WireArgs<F extends AnyFn> = WireTuple<Parameters<F>>;

/** A tuple of arguments as they travel (a homomorphic map keeps it a tuple). */
export type WireTuple<P extends unknown[]> = { [K in keyof P]: Wire<P[K]> };

/** One hidden case of an exercise whose entry is `F`. */
export interface Case<F extends AnyFn> {
  /**
   * A stable id, unique within the exercise (kebab-case). The case's random
   * inputs are seeded from it, so rewording `name` changes nobody's numbers.
   */
  id: string;
  /** Shown to the student after grades are published: what it checks. */
  name: string;
  /** Points for passing it. */
  points: number;
  /** The arguments, drawn from the seeded `r`. */
  args: (r: Rng) => WireArgs<F>;
  /** The reference value; defaults to the reference solution's answer. */
  expect?: (...args: Parameters<F>) => unknown;
  /**
   * A property to check instead of (or besides) equality: `null` when `got`
   * is acceptable, else a sentence saying what is wrong. `got` is whatever
   * the student returned, so it is `unknown`.
   */
  check?: (got: unknown, args: Parameters<F>) => string | null;
  /** Tolerances; default `{ rtol: 1e-6, atol: 1e-9 }`. */
  tol?: Tolerance;
  /** The case passes only if the call throws an error of this class. */
  throws?: "RangeError" | "TypeError" | "Error";
  /**
   * The documented property this case grades (for example `"pure"`): the
   * completeness check matches these against the stub's `@property` lines.
   */
  property?: string;
}

/** A hidden case with its signature erased, as the grader handles it. */
export interface HiddenCase {
  id: string;
  name: string;
  points: number;
  args: (r: Rng) => unknown[];
  expect?: (...args: unknown[]) => unknown;
  check?: (got: unknown, args: unknown[]) => string | null;
  tol?: Tolerance;
  throws?: "RangeError" | "TypeError" | "Error";
  property?: string;
}

/**
 * Declares an exercise's hidden cases, typed by its entry `F`.
 *
 * @param list The cases.
 * @returns The same cases, for the grader.
 * @example
 * ```ts
 * import { cases } from "./define.ts";
 * const double = (x: number): number => 2 * x;
 * export default cases<typeof double>([
 *   { id: "one", name: "double(1) is 2", points: 1, args: () => [1], expect: () => 2 },
 * ]);
 * ```
 */
export function cases<F extends AnyFn>(list: Case<F>[]): HiddenCase[] {
  return list as unknown as HiddenCase[];
}

/** One known-wrong implementation of the exercise whose entry is `F`. */
export interface VariantOf<F extends AnyFn> {
  /** Key into the exercise's texts (`locales/<lang>/<lesson>/<name>.json`, `misconceptions`). */
  id: string;
  /** The heading anchor in the lesson that sets the learner straight. */
  section: string;
  /** The wrong computation; it receives copies of the arguments. */
  fn: (...args: Parameters<F>) => unknown;
}

/** A variant with its signature erased. */
export interface Variant {
  id: string;
  section: string;
  // deno-lint-ignore no-explicit-any
  fn: (...args: any[]) => unknown;
}

/** What the grader knows about an exercise's mistakes. */
export interface Variants {
  /**
   * Inputs on which every variant differs from the correct answer and from
   * every other variant. The learner's loop calls the learner's function on
   * these and compares with the variants' outputs (shipped as data).
   */
  probes: unknown[][];
  variants: Variant[];
}

/**
 * Declares an exercise's known-wrong variants, typed by its entry `F`.
 *
 * @param v Probes and variants.
 * @returns The same, for the grader and the diagnosis-data builder.
 */
export function variants<F extends AnyFn>(
  v: { probes: WireArgs<F>[]; variants: VariantOf<F>[] },
): Variants {
  return v as unknown as Variants;
}
