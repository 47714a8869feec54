/**
 * The misconception catalogue's format. A variant is a plausible wrong
 * implementation with the same signature as the exercise's entry. The loop
 * and the grader both call `diagnose()` (in `lib/diagnose.ts`) with the
 * learner's outputs: an output that matches a variant names the mistake.
 *
 * @module
 */

/** One known-wrong implementation of an exercise. */
export interface Variant {
  /** Key into `locales/<lang>/misconceptions.json` (title and explanation). */
  id: string;
  /** The heading anchor in the lesson that sets the learner straight. */
  section: string;
  /** The wrong computation; it receives copies of the arguments. */
  // deno-lint-ignore no-explicit-any
  fn: (...args: any[]) => unknown;
}

/** What the diagnosis knows about one exercise. */
export interface ExerciseCatalogue {
  /**
   * Inputs on which every variant differs from the correct answer. The loop
   * calls the learner's function on these; the grader uses its own hidden
   * inputs too.
   */
  probes: unknown[][];
  variants: Variant[];
}

/** Exercise name → its catalogue. */
export type Catalogue = Record<string, ExerciseCatalogue>;
