/**
 * Runs an exercise's public tests in a fresh worker process. One spare
 * worker is kept warm (its heavy imports done), so a save is judged in the
 * time it takes to import the learner's file and run the tests. A run
 * reports as it goes (quick verdicts, training progress), can be cancelled
 * at once (the worker is killed), and each phase has its own time limit: the
 * import, each quick check, and each long check (a larger budget).
 *
 * @module
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import type { ResolvedExercise } from "../course/types.ts";
import {
  decodeMessage,
  type ErrorInfo,
  type PreloadRequest,
  type RunRequest,
  type TestOutcome,
  type WorkerMessage,
} from "./protocol.ts";
import type { Progress, Series } from "../lib/testing.ts";
import { t } from "../lib/i18n.ts";
import { detectHeavy } from "../lib/detect.ts";
import { budgetOf } from "../course/budget.ts";
import { childEnv } from "./child_env.ts";

/** The most progress points kept per check; beyond it every other one is dropped. */
const MAX_POINTS = 2000;

/** The loop's time limits for one run, in ms. */
export interface LoopBudget {
  /** Importing the learner's file and the test. */
  importMs: number;
  /** Each quick check (and the diagnosis after a failure). */
  publicMs: number;
  /** Each long check. */
  longMs: number;
}

/**
 * An exercise's limits in the loop, from the manifest's `timeLimitMs` and
 * `budget` (the fields the loop reads: `publicMs`, `longMs`), with defaults
 * where it is silent: the import and each quick check get `timeLimitMs`,
 * each long check `budget.longMs` (`course/budget.ts`, which the grader
 * reads too, so both agree).
 *
 * @param ex The exercise.
 * @returns The limits.
 */
export function loopBudget(ex: ResolvedExercise): LoopBudget {
  const b = budgetOf(ex);
  return { importMs: ex.timeLimitMs, publicMs: b.publicMs, longMs: b.longMs };
}

/** What a check reported while training. */
export interface Training {
  name: string;
  points: Progress[];
}

/** The loop's verdict on one run. */
export interface Verdict {
  exercise: string;
  /**
   * pass: all public tests passed; fail: some failed; error: the file did not
   * load; timeout: a phase overran its limit; cancelled: stopped for a newer run.
   */
  status: "pass" | "fail" | "error" | "timeout" | "cancelled";
  tests: TestOutcome[];
  loadError?: ErrorInfo;
  series: Series[];
  /** Lines the tests recorded (`recordNote`). */
  notes?: string[];
  diagnosis?: { id: string; section: string };
  ms: number;
  /** Long checks left out (`skipLong`). */
  skipped: number;
  /** Progress of the checks that reported some. */
  training: Training[];
  /** On a timeout: what was stopped (`null` name: the import) and its limit. */
  stopped?: { name: string | null; limitMs: number };
}

/** A run as it goes, for the screen. */
export interface LiveRun {
  exercise: string;
  /** When the run started (performance.now()). */
  t0: number;
  phase: "import" | "tests" | "diagnosis";
  /** The checks in the order they run. */
  planned: Array<{ name: string; long: boolean }>;
  /** Finished checks, in order. */
  tests: TestOutcome[];
  /** Index into `planned` of the running check, or -1. */
  current: number;
  /** When the current phase or check started. */
  since: number;
  /** Its limit (ms). */
  limitMs: number;
  /** Progress per planned check. */
  progress: Progress[][];
  skipped: number;
}

/** What changed in a {@link LiveRun}. */
export type LiveEvent = "import" | "loaded" | "start" | "progress" | "test";

/** Options for {@link Runner.run}. */
export interface RunOptions {
  /** Aborting it stops the run at once: the verdict is `cancelled`. */
  signal?: AbortSignal;
  /** Leave out the long checks (`verify --quick`). */
  skipLong?: boolean;
  /** Called on each report from the worker. */
  onUpdate?: (live: LiveRun, event: LiveEvent) => void;
}

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
const encoder = new TextEncoder();

/** A worker process: requests in on stdin, messages out on stdout behind a nonce. */
class WorkerProcess {
  readonly heavy: string;
  readonly ready: Promise<void>;
  /** Resolves once the process has exited and its output is read. */
  readonly done: Promise<void>;
  onmessage: (m: WorkerMessage) => void = () => {};
  onexit: (code: number) => void = () => {};
  /** The exit code, once the process has exited. */
  exitCode: number | undefined;
  #child: Deno.ChildProcess;
  #stdin: WritableStreamDefaultWriter<Uint8Array>;

  constructor(root: string, heavy: string[]) {
    this.heavy = heavy.join();
    const nonce = `\u241e${crypto.randomUUID()}:`;
    this.#child = new Deno.Command(Deno.execPath(), {
      // The learner's own code: it may read, and write inside the kit (nothing else).
      args: ["run", "--no-prompt", "--allow-read", `--allow-write=${root}`, "--allow-env"]
        .concat([WORKER, nonce]),
      stdin: "piped",
      stdout: "piped",
      stderr: "null",
      env: childEnv(),
      clearEnv: true,
    }).spawn();
    const child = this.#child;
    this.#stdin = child.stdin.getWriter();
    let ready = () => {};
    this.ready = new Promise<void>((r) => (ready = r));
    const stdout = child.stdout.pipeThrough(new TextDecoderStream());
    this.done = (async () => {
      let pending = "";
      for await (const chunk of stdout) {
        pending += chunk;
        let nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          if (!line.startsWith(nonce)) continue; // the learner's own printing
          const m = decodeMessage(line.slice(nonce.length)) as WorkerMessage;
          if (m.type === "ready") ready();
          else this.onmessage(m);
        }
        if (pending.length > 1 << 20 && !pending.includes(nonce)) pending = "";
      }
      const { code } = await child.status;
      this.exitCode = code;
      ready();
      this.onexit(code);
    })();
    this.post({ type: "preload", heavy });
  }

  post(m: PreloadRequest | RunRequest): void {
    this.#stdin.write(encoder.encode(JSON.stringify(m) + "\n")).catch(() => {});
  }

  kill(): void {
    try {
      this.#child.kill("SIGKILL");
    } catch {
      // already gone
    }
    this.#stdin.close().catch(() => {});
  }
}

/** Starts, keeps warm and disposes of test workers. */
export class Runner {
  #root: string;
  #spare: WorkerProcess | null = null;
  #alive = new Set<WorkerProcess>();

  /** @param root The kit's root folder (the one holding `exercises/`). */
  constructor(root: string) {
    this.#root = root;
  }

  #spawn(heavy: string[]): WorkerProcess {
    const worker = new WorkerProcess(this.#root, heavy);
    this.#alive.add(worker);
    worker.done.then(() => this.#alive.delete(worker));
    return worker;
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
    this.#spare?.kill();
    this.#spare = this.#spawn(heavy);
  }

  #take(heavy: string[]): WorkerProcess {
    const spare = this.#spare;
    this.#spare = null;
    if (spare?.heavy === heavy.join()) return spare;
    spare?.kill();
    return this.#spawn(heavy);
  }

  /**
   * Runs the public tests of `ex` against the learner's file.
   *
   * @param ex The exercise.
   * @param options Cancellation, `skipLong`, and a callback for reports as they come.
   * @returns The verdict; never throws for anything the learner's code does.
   */
  async run(ex: ResolvedExercise, options: RunOptions = {}): Promise<Verdict> {
    const { signal, onUpdate } = options;
    const t0 = performance.now();
    const cancelled = (): Verdict => ({
      exercise: ex.name,
      status: "cancelled",
      tests: [],
      series: [],
      skipped: 0,
      training: [],
      ms: performance.now() - t0,
    });
    if (signal?.aborted) return cancelled();
    const heavy = this.#heavy(ex);
    const worker = this.#take(heavy);
    await (signal
      ? Promise.race([
        worker.ready,
        new Promise((r) => signal.addEventListener("abort", r, { once: true })),
      ])
      : worker.ready);
    if (signal?.aborted) {
      worker.kill();
      return cancelled();
    }
    const budget = loopBudget(ex);
    const live: LiveRun = {
      exercise: ex.name,
      t0,
      phase: "import",
      planned: [],
      tests: [],
      current: -1,
      since: performance.now(),
      limitMs: budget.importMs,
      progress: [],
      skipped: 0,
    };
    const outcome = await new Promise<Verdict>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (v: Omit<Verdict, "exercise" | "ms" | "training" | "skipped">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        const training = live.planned
          .map(({ name }, i) => ({ name, points: live.progress[i] ?? [] }))
          .filter((x) => x.points.length > 0);
        resolve({
          exercise: ex.name,
          skipped: live.skipped,
          training,
          ...v,
          ms: performance.now() - t0,
        });
      };
      const verdictSoFar = () => ({
        status: live.tests.every((x) => x.ok) ? "pass" as const : "fail" as const,
        tests: live.tests,
        series: [],
      });
      const onTimeout = () => {
        if (live.phase === "diagnosis") return finish(verdictSoFar()); // the verdict stands
        const name = live.current >= 0 ? live.planned[live.current].name : null;
        finish({
          status: "timeout",
          tests: live.tests,
          series: [],
          stopped: { name, limitMs: live.limitMs },
        });
      };
      const arm = (ms: number) => {
        clearTimeout(timer);
        live.since = performance.now();
        live.limitMs = ms;
        timer = setTimeout(onTimeout, ms);
      };
      const onAbort = () => finish({ ...cancelled(), tests: live.tests });
      signal?.addEventListener("abort", onAbort, { once: true });
      arm(budget.importMs);
      onUpdate?.(live, "import");
      worker.onmessage = (m) => {
        switch (m.type) {
          case "loaded":
            live.phase = "tests";
            live.planned = m.tests;
            live.skipped = m.skipped;
            live.progress = m.tests.map(() => []);
            arm(budget.publicMs);
            return onUpdate?.(live, "loaded");
          case "start": {
            live.current = m.index;
            const long = live.planned[m.index]?.long;
            arm(long ? budget.longMs : budget.publicMs);
            // A save during training cancels this run: have the next worker ready.
            if (long && signal && !this.#spare) this.#spare = this.#spawn(heavy);
            return onUpdate?.(live, "start");
          }
          case "progress": {
            const points = live.progress[m.index];
            if (!points) return;
            points.push(...m.points);
            if (points.length > MAX_POINTS) {
              live.progress[m.index] = points.filter((_, i) => i % 2 === 1);
            }
            return onUpdate?.(live, "progress");
          }
          case "test":
            live.tests.push(m.outcome);
            live.current = -1;
            if (live.tests.length === live.planned.length) live.phase = "diagnosis";
            arm(budget.publicMs);
            return onUpdate?.(live, "test");
          case "result":
            return finish({
              status: m.phase === "load" ? "error" : m.tests.every((x) => x.ok) ? "pass" : "fail",
              tests: m.tests,
              loadError: m.loadError,
              series: m.series,
              notes: m.notes,
              diagnosis: m.diagnosis,
            });
          case "crash":
            // An error outside any check: e.g. a throw in a timer the learner set.
            return finish({ status: "error", tests: live.tests, series: [], loadError: m.error });
        }
      };
      worker.onexit = (code) =>
        finish({
          status: "error",
          tests: live.tests,
          series: [],
          loadError: { name: "Error", message: t("verdict.exited", { code }), stack: "" },
        });
      // It may have died before the run began (it could not start, or was killed).
      if (worker.exitCode !== undefined) return worker.onexit(worker.exitCode);
      const request: RunRequest = {
        type: "run",
        testUrl: pathToFileURL(join(this.#root, ex.testFile)).href,
        fileUrl: pathToFileURL(join(this.#root, ex.file)).href,
        name: ex.name,
        entry: ex.entry,
        diagnosisPath: join(this.#root, ex.diagnosisFile),
        skipLong: options.skipLong,
      };
      worker.post(request);
    });
    worker.kill();
    return outcome;
  }

  /** Stops every worker, the spare included, and waits until they are gone. */
  async close(): Promise<void> {
    this.#spare = null;
    const alive = [...this.#alive];
    for (const w of alive) w.kill();
    await Promise.all(alive.map((w) => w.done));
  }
}
