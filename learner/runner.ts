/**
 * Runs an exercise's public tests in a fresh worker with a time limit. One
 * spare worker is kept warm (its heavy imports done), so a save is judged in
 * the time it takes to import the learner's file and run the tests.
 *
 * @module
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import type { ResolvedExercise } from "../course/types.ts";
import type { ErrorInfo, RunResult, TestOutcome } from "./protocol.ts";
import type { Series } from "../lib/testing.ts";
import { detectHeavy } from "../lib/detect.ts";

/** The loop's verdict on one run. */
export interface Verdict {
  exercise: string;
  /** pass: all public tests passed; fail: some failed; error: the file did not load; timeout. */
  status: "pass" | "fail" | "error" | "timeout";
  tests: TestOutcome[];
  loadError?: ErrorInfo;
  series: Series[];
  diagnosis?: { id: string; section: string };
  ms: number;
}

interface Warm {
  worker: Worker;
  heavy: string;
  ready: Promise<void>;
}

/** Starts, keeps warm and disposes of test workers. */
export class Runner {
  #root: string;
  #spare: Warm | null = null;

  /** @param root The kit's root folder (the one holding `exercises/`). */
  constructor(root: string) {
    this.#root = root;
  }

  #spawn(heavy: string[]): Warm {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    const ready = new Promise<void>((resolve) => {
      worker.onmessage = () => resolve();
      worker.onerror = (e) => {
        e.preventDefault();
        resolve();
      };
    });
    worker.postMessage({ type: "preload", heavy });
    return { worker, heavy: heavy.join(), ready };
  }

  /** The heavy libraries the learner's file and its test load (read afresh: the file changes). */
  #heavy(ex: ResolvedExercise): string[] {
    return detectHeavy(this.#root, [ex.file, ex.testFile]);
  }

  /**
   * Warms a worker for the next run of an exercise (call after each run).
   *
   * @param ex The exercise likely to run next.
   */
  prepare(ex: ResolvedExercise): void {
    const heavy = this.#heavy(ex);
    if (this.#spare?.heavy === heavy.join()) return;
    this.#spare?.worker.terminate();
    this.#spare = this.#spawn(heavy);
  }

  /**
   * Runs the public tests of `ex` against the learner's file.
   *
   * @param ex The exercise.
   * @returns The verdict; never throws for anything the learner's code does.
   */
  async run(ex: ResolvedExercise): Promise<Verdict> {
    const t0 = performance.now();
    const heavy = this.#heavy(ex);
    const warm = this.#spare?.heavy === heavy.join() ? this.#spare : this.#spawn(heavy);
    this.#spare = null;
    await warm.ready;
    const { worker } = warm;
    const base: Omit<Verdict, "status" | "ms"> = { exercise: ex.name, tests: [], series: [] };
    const outcome = await new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => {
        resolve({ ...base, status: "timeout", ms: performance.now() - t0 });
      }, ex.timeLimitMs);
      worker.onmessage = (e: MessageEvent<RunResult>) => {
        clearTimeout(timer);
        const r = e.data;
        const status = r.phase === "load" ? "error" : r.tests.every((t) => t.ok) ? "pass" : "fail";
        resolve({
          ...base,
          status,
          tests: r.tests,
          loadError: r.loadError,
          series: r.series,
          diagnosis: r.diagnosis,
          ms: performance.now() - t0,
        });
      };
      worker.onerror = (e) => {
        // An error outside any test: e.g. a throw in a timer the learner set.
        e.preventDefault();
        clearTimeout(timer);
        resolve({
          ...base,
          status: "error",
          loadError: { name: "Error", message: e.message, stack: `${e.filename}:${e.lineno}` },
          ms: performance.now() - t0,
        });
      };
      worker.postMessage({
        type: "run",
        testUrl: pathToFileURL(join(this.#root, ex.testFile)).href,
        fileUrl: pathToFileURL(join(this.#root, ex.file)).href,
        name: ex.name,
        entry: ex.entry,
        diagnosisPath: join(this.#root, ex.diagnosisFile),
      });
    });
    worker.terminate();
    return outcome;
  }

  /** Stops the spare worker. */
  close(): void {
    this.#spare?.worker.terminate();
    this.#spare = null;
  }
}
