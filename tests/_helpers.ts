/**
 * Helpers for tests that drive the kit as a person would: a scratch copy of
 * the kit, and the loop run as a child process.
 *
 * @module
 */
import { join } from "node:path";
import { copyKit } from "../dev/kit.ts";

/** The repository root. */
export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** Makes a scratch copy of the student kit; remove it with `Deno.remove(dir, {recursive: true})`. */
export async function scratchKit(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-kit-" });
  await copyKit(ROOT, dir);
  return dir;
}

/** Output and status of a command. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `deno run -A learner/main.ts …args` in a kit, with no terminal and,
 * for speed, without the type check (pass `{ typecheck: true }` first to keep it).
 *
 * @param kit The kit folder.
 * @param args The loop's arguments.
 */
export async function lesson(
  kit: string,
  ...args: Array<string | { typecheck: boolean }>
): Promise<Ran> {
  const typecheck = args.some((a) => typeof a === "object" && a.typecheck);
  const rest = args.filter((a): a is string => typeof a === "string");
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "learner/main.ts", ...(typecheck ? [] : ["--no-typecheck"]), ...rest],
    cwd: kit,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

/** Copies a solution over the learner's file in a kit. */
export async function solve(kit: string, lessonDir: string, name: string): Promise<void> {
  await Deno.copyFile(
    join(ROOT, "solutions", lessonDir, `${name}.ts`),
    join(kit, "exercises", lessonDir, `${name}.ts`),
  );
}

/** Reads the loop's state file in a kit. */
export async function readState(kit: string): Promise<{ done: string[]; current?: string }> {
  return JSON.parse(await Deno.readTextFile(join(kit, ".tensorlings", "state.json")));
}

/**
 * Runs `deno run -A <script> …args` from the repository root.
 *
 * @param script The script, relative to the root.
 * @param args Its arguments.
 */
export async function runScript(script: string, ...args: string[]): Promise<Ran> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

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
import { expectClose, test } from "../../lib/testing.ts";
import { fitLine } from "./fit_line.ts";

test("fitLine() learns w = 3 in 25 epochs", () => {
  expectClose(fitLine(25).w, 3, { rtol: 1e-4, what: "fitLine(25).w" });
}, { long: true });

test("fitLine(0) starts at w = 0", () => {
  expectClose(fitLine(0).w, 0, { what: "fitLine(0).w" });
});
`;

/** Where the training fixture lives in its kit. */
export const TRAINING_FILE = "exercises/99_training/fit_line.ts";

/**
 * A scratch kit with one more exercise, `fit_line` (lesson `99_training`),
 * whose public test trains for a few seconds and reports progress: a fixture
 * for the loop's long checks, never part of the real course. It is added to
 * the scratch kit's manifest only.
 *
 * @param budget The exercise's `budget` (per-check limits).
 * @param source The learner's file to start with.
 * @returns The kit's folder.
 */
export async function trainingKit(
  budget: { publicMs?: number; longMs?: number } = {},
  source: TrainingSource = { msPerEpoch: 100, run: 1 },
): Promise<string> {
  const kit = await scratchKit();
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
  return kit;
}
