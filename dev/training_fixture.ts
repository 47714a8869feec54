/**
 * A fixture for the loop's long checks: an exercise, `fit_line` (lesson
 * `99_training`), whose public test trains for a few seconds and reports its
 * progress. It is added to a scratch kit (its manifest and its exercises)
 * by the tests and the benchmark, never to the real course.
 *
 * @module
 */
import { join } from "node:path";

/** Options for the training fixture's learner file ({@link trainingSource}). */
export interface TrainingSource {
  /** Busy time per epoch (ms): 25 epochs of 100 ms train for 2.5 s. */
  msPerEpoch: number;
  /** Reported as the metric `run`, to tell one save's run from another's on screen. */
  run: number;
  /** A file written when 25 epochs have been trained (proves a cancelled run really stopped). */
  marker?: string;
  /** `fitLine(0)` loops forever (the quick check hangs). */
  hang?: boolean;
}

/**
 * The learner's file of the training fixture: `fitLine(epochs)` fits
 * y = 3x by gradient descent, slowly, and reports each epoch.
 */
export function trainingSource(o: TrainingSource): string {
  return `import { reportProgress } from "../../lib/testing.ts";

export function fitLine(epochs: number): { w: number; losses: number[] } {
  ${o.hang ? "while (epochs === 0) { /* a bug: never ends */ }" : ""}
  let w = 0;
  const losses: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const until = performance.now() + ${o.msPerEpoch};
    while (performance.now() < until) { /* a slow epoch */ }
    const loss = (w - 3) ** 2;
    w -= 0.2 * 2 * (w - 3);
    losses.push(loss);
    reportProgress({ step: epoch, epoch, epochs, loss, accuracy: 1 - Math.abs(w - 3) / 3, run: ${o.run} });
  }
  ${
    o.marker
      ? `if (epochs === 25) Deno.writeTextFileSync(${JSON.stringify(o.marker)}, "trained");`
      : ""
  }
  return { w, losses };
}
`;
}

/** The training fixture's public test: the long check is declared first, yet runs last. */
const TRAINING_TEST = `// Do not edit: your work is checked against these.
import { expectClose, recordNote, test } from "../../lib/testing.ts";
import { fitLine } from "./fit_line.ts";

test("fitLine() learns w = 3 in 25 epochs", () => {
  const { w } = fitLine(25);
  expectClose(w, 3, { rtol: 1e-4, what: "fitLine(25).w" });
  recordNote(\`a note from the test: w = \${w.toFixed(4)} after 25 epochs\`);
}, { long: true });

test("fitLine(0) starts at w = 0", () => {
  expectClose(fitLine(0).w, 0, { what: "fitLine(0).w" });
});
`;

/** Where the training fixture lives in its kit. */
export const TRAINING_FILE = "exercises/99_training/fit_line.ts";

/**
 * Adds the fixture to a kit: its files, and an entry appended to the kit's
 * manifest.
 *
 * @param kit A scratch copy of the kit.
 * @param budget The exercise's `budget` (per-check limits).
 * @param source The learner's file to start with.
 */
export async function addTrainingExercise(
  kit: string,
  budget: { publicMs?: number; longMs?: number } = {},
  source: TrainingSource = { msPerEpoch: 100, run: 1 },
): Promise<void> {
  await Deno.mkdir(join(kit, "exercises", "99_training"));
  await Deno.writeTextFile(join(kit, TRAINING_FILE), trainingSource(source));
  await Deno.writeTextFile(join(kit, "exercises/99_training/fit_line_test.ts"), TRAINING_TEST);
  const fixture = {
    dir: "99_training",
    title: "Training (test fixture)",
    exercises: [{
      name: "fit_line",
      entry: "fitLine",
      section: "training",
      points: 10,
      timeLimitMs: 2000,
      forbiddenOps: [],
      budget,
    }],
  };
  await Deno.writeTextFile(
    join(kit, "course", "manifest.ts"),
    `\nLESSONS.push(${JSON.stringify(fixture)});\n`,
    { append: true },
  );
}
