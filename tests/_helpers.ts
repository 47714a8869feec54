/**
 * Helpers for tests that drive the kit as a person would: a scratch copy of
 * the kit, and the loop run as a child process.
 *
 * @module
 */
import { join } from "node:path";
import { copyKit } from "../dev/kit.ts";
import { addTrainingExercise, type TrainingSource } from "../dev/training_fixture.ts";
import { taskPermissions } from "../dev/task_flags.ts";

import { strToU8, zipSync } from "fflate";
import type { Caller } from "../grader/exercise.ts";
import type { Answer, Call } from "../grader/judge.ts";
import { reviveFunctions } from "../lib/fixtures.ts";

export { TRAINING_FILE, trainingSource } from "../dev/training_fixture.ts";

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
 * Runs `learner/main.ts …args` in a kit with the `lesson` task's permissions
 * (as `deno task lesson` does), with no terminal and,
 * for speed, without the type check (pass `{ typecheck: true }` to keep it,
 * and `{ env: {...} }` for more environment variables).
 *
 * @param kit The kit folder.
 * @param args The loop's arguments.
 */
export async function lesson(
  kit: string,
  ...args: Array<string | { typecheck?: boolean; env?: Record<string, string> }>
): Promise<Ran> {
  const typecheck = args.some((a) => typeof a === "object" && a.typecheck);
  const env = Object.assign(
    {},
    ...args.map((a) => typeof a === "object" ? a.env ?? {} : {}),
  ) as Record<string, string>;
  const rest = args.filter((a): a is string => typeof a === "string");
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      ...taskPermissions("lesson", kit),
      "learner/main.ts",
      ...(typecheck ? [] : ["--no-typecheck"]),
      ...rest,
    ],
    cwd: kit,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", ...env },
  }).output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

/**
 * Marks every exercise but `name` done in a kit's state, with `name` current:
 * the learner is one exercise away from the end.
 */
export async function allDoneBut(kit: string, name: string): Promise<void> {
  const { allExercises } = await import("../course/manifest.ts");
  const done = allExercises().map((e) => e.name).filter((n) => n !== name);
  await Deno.mkdir(join(kit, ".tensorlings"), { recursive: true });
  await Deno.writeTextFile(
    join(kit, ".tensorlings", "state.json"),
    JSON.stringify({ version: 1, done, hints: {}, current: name }),
  );
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
 * Runs a script with exactly the permissions a task of deno.json has, so a
 * test sees what the task's users see (the tests themselves run with `-A`,
 * which opens doors the tasks keep shut, /proc among them).
 *
 * @param task The task whose permissions to take, e.g. `grade`.
 * @param script The script, relative to the root.
 * @param args Its arguments.
 */
export function runScriptAs(task: string, script: string, ...args: string[]): Promise<Ran> {
  return runWith(taskPermissions(task, ROOT), script, args);
}

async function runWith(flags: string[], script: string, args: string[]): Promise<Ran> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...flags, script, ...args],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

/**
 * A scratch kit with one more exercise, `fit_line` (lesson `99_training`),
 * whose public test trains for a few seconds and reports progress: a fixture
 * for the loop's long checks, never part of the real course.
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
  await addTrainingExercise(kit, budget, source);
  return kit;
}

/** A zip archive of these files (path inside the archive → content), written by fflate. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v]),
    ),
  );
}

/**
 * Calls `fn` in this process. With `only`, a call whose arguments it rejects is not run: it
 * answers as an unattempted stub would (training cases train for seconds, and only the cases
 * that pose a bad input matter here).
 */
export function directCaller(
  // deno-lint-ignore no-explicit-any
  fn: (...args: any[]) => unknown,
  only?: (args: unknown[]) => boolean,
): Caller {
  return {
    async call(c: Call): Promise<Answer> {
      if (only && !only(c.args)) {
        return {
          status: "threw",
          error: { name: "Error", message: "Not implemented: not run here", permission: false },
          ms: 0,
        };
      }
      const t0 = performance.now();
      try {
        const args = reviveFunctions(structuredClone(c.args)) as unknown[];
        const value = await fn(...args);
        return {
          status: "ok",
          value: structuredClone(value),
          ms: performance.now() - t0,
          ...(c.returnArgs
            ? { argsAfter: structuredClone(args.map((a) => typeof a === "function" ? null : a)) }
            : {}),
        };
      } catch (e) {
        const err = e as Error;
        return {
          status: "threw",
          error: { name: err.name, message: err.message, permission: false },
          ms: 0,
        };
      }
    },
  };
}
