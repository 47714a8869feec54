/**
 * The shape of the course: lessons in order, each with its exercises.
 *
 * @module
 */

/** One exercise: a file the learner completes, with its public test beside it. */
export interface Exercise {
  /** Unique, short, snake_case: used on the command line (`deno task lesson mse`). */
  name: string;
  /** The exported function the learner implements (the grader calls it). */
  entry: string;
  /** The heading anchor in the lesson's Markdown that explains it. */
  section: string;
  /** Points in the gradebook. */
  points: number;
  /** Wall-clock limit for its public tests (and each hidden case), in ms. */
  timeLimitMs: number;
  /** tfjs ops the learner must not delegate to (the point is to write them). */
  forbiddenOps: string[];
  /** Time budgets that differ from the defaults (see {@link Budget}). */
  budget?: Partial<Budget>;
}

/**
 * An exercise's time budgets, in ms. Defaults (README, "Budgets"): `publicMs` is
 * `timeLimitMs`; `caseMs` is half of `publicMs`, because the public limit also pays for
 * importing the module and its tests while a hidden case's limit covers only the call;
 * `longMs` is `publicMs`; `loadMs` is 8000.
 */
export interface Budget {
  /** The learner's loop: one run of the public test file, imports included. */
  publicMs: number;
  /** The grader: one hidden case's call. */
  caseMs: number;
  /** A long-running (training) run, where the loop or a case allows one. */
  longMs: number;
  /** The grader: importing the student's module once. */
  loadMs: number;
}

/** One lesson: a Markdown file and a folder of exercises. */
export interface Lesson {
  /** `NN_topic`, the name of the Markdown file and of the exercise folder. */
  dir: string;
  /** Title in English (translations live in the lesson files). */
  title: string;
  exercises: Exercise[];
}

/** An exercise with its lesson and resolved paths (relative to the kit root). */
export interface ResolvedExercise extends Exercise {
  lesson: Lesson;
  /** `exercises/NN_topic/name.ts`. */
  file: string;
  /** `exercises/NN_topic/name_test.ts`. */
  testFile: string;
  /** `solutions/NN_topic/name.ts`. */
  solutionFile: string;
  /** `lessons/NN_topic.md`. */
  lessonFile: string;
  /** `course/NN_topic/name/hidden.ts`: the hidden cases (grader only). */
  hiddenFile: string;
  /** `course/NN_topic/name/variants.ts`: the known-wrong variants (grader only). */
  variantsFile: string;
  /** `course/NN_topic/name/diagnosis.json`: the variants' outputs on the probes, as data (shipped). */
  diagnosisFile: string;
  /** `locales/<lang>/NN_topic/name.json`: hints and misconception texts. */
  textsFile: (lang?: string) => string;
  /** 0-based position in the course. */
  index: number;
}
