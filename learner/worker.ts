/**
 * Runs one exercise's public tests in a child process (the "worker"), so a
 * crash, an infinite loop or a stray global cannot harm the loop: the
 * process is used once and killed (which is also how a run is cancelled: a
 * Web Worker busy in a loop ignores `terminate()` in Deno 2.9, see
 * denoland/deno#35657, and would keep a core busy). It is started ahead of
 * time ("warm") and told to preload tfjs/mathjs, so a save costs only the
 * import of the learner's file. Quick checks run first, then the long ones;
 * each outcome and the training progress are posted as they happen.
 *
 * Requests arrive on stdin, one JSON text per line; messages leave on stdout
 * as lines that start with the nonce given as the first argument, so what
 * the learner's code prints is never taken for a message.
 *
 * @module
 */
import {
  onProgress,
  type Progress,
  recordedNotes,
  recordedSeries,
  registeredTests,
} from "../lib/testing.ts";
import { ExpectationError } from "../lib/testing.ts";
import { diagnoseFromData, THREW } from "../lib/diagnose.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { fromWire } from "../lib/wire.ts";
import type { DiagnosisData } from "../course/load.ts";
import {
  encodeMessage,
  type ErrorInfo,
  type PreloadRequest,
  type RunRequest,
  type RunResult,
  type TestOutcome,
  type WorkerMessage,
} from "./protocol.ts";

/** Progress is sent at most this often (ms); reports in between are batched. */
const PROGRESS_EVERY_MS = 50;
/** Reports kept between two sends; beyond it every other one is dropped. */
const PROGRESS_BATCH_MAX = 256;

const NONCE = Deno.args[0] ?? "";
const encoder = new TextEncoder();

function post(m: WorkerMessage): void {
  const bytes = encoder.encode(`\n${NONCE}${encodeMessage(m)}\n`);
  // A pipe may take part of a large message at a time.
  for (let at = 0; at < bytes.length;) at += Deno.stdout.writeSync(bytes.subarray(at));
}

let progressIndex = -1;
let progressBuffer: Progress[] = [];
let progressSentAt = -Infinity;

function flushProgress(): void {
  if (progressBuffer.length === 0) return;
  post({ type: "progress", index: progressIndex, points: progressBuffer });
  progressBuffer = [];
  progressSentAt = performance.now();
}

// A training loop is usually synchronous: the check on the clock, not a
// timer, decides when to send, so reports leave even while it never yields.
onProgress((p) => {
  const point: Progress = { step: 0 };
  for (const [k, v] of Object.entries(p)) if (typeof v === "number") point[k] = v;
  progressBuffer.push(point);
  if (progressBuffer.length > PROGRESS_BATCH_MAX) {
    progressBuffer = progressBuffer.filter((_, i) => i % 2 === 1);
  }
  if (performance.now() - progressSentAt >= PROGRESS_EVERY_MS) flushProgress();
});

const PRELOADS: Record<string, () => Promise<unknown>> = {
  tf: () => import("../lib/tf.ts"),
  mathjs: () => import("mathjs"),
};

function locate(stack: string, fileUrl: string): ErrorInfo["at"] {
  for (const line of stack.split("\n")) {
    const i = line.indexOf(fileUrl + ":");
    if (i < 0) continue;
    const m = /:(\d+):(\d+)/.exec(line.slice(i + fileUrl.length));
    if (m) return { file: fileUrl, line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

function flatten(e: unknown, fileUrl: string): ErrorInfo {
  const err = e instanceof Error ? e : new Error(String(e));
  const stack = err.stack ?? "";
  const info: ErrorInfo = {
    name: err.name,
    message: err.message,
    stack,
    at: locate(stack, fileUrl) ?? locate(err.message, fileUrl),
  };
  if (e instanceof ExpectationError) {
    info.mismatch = e.mismatch;
    info.what = e.what;
  }
  return info;
}

async function diagnoseRun(req: RunRequest): Promise<RunResult["diagnosis"]> {
  // Only this exercise's data is read, so the cost stays flat as the course grows.
  let data: DiagnosisData;
  try {
    data = fromWire(JSON.parse(await Deno.readTextFile(req.diagnosisPath))) as DiagnosisData;
  } catch {
    return undefined;
  }
  const mod = await import(req.fileUrl);
  const fn = mod[req.entry];
  if (typeof fn !== "function") return undefined;
  const got: unknown[] = [];
  for (const args of data.probes) {
    try {
      got.push(await fn(...(reviveFunctions(structuredClone(args)) as unknown[])));
    } catch {
      got.push(THREW);
    }
  }
  const v = diagnoseFromData(data, got);
  return v ? { id: v.id, section: v.section } : undefined;
}

let currentFile = "";

async function run(req: RunRequest): Promise<RunResult> {
  currentFile = req.fileUrl;
  try {
    const mod = await import(req.fileUrl);
    if (typeof mod[req.entry] !== "function") {
      const e = new Error(`missing export: ${req.entry}`);
      e.name = "MissingExport";
      throw e;
    }
    await import(req.testUrl);
  } catch (e) {
    // The learner's file (or the test) did not load: a syntax error, a missing export, a throw.
    return {
      type: "result",
      phase: "load",
      loadError: flatten(e, req.fileUrl),
      tests: [],
      series: [],
      skipped: 0,
    };
  }
  const all = registeredTests();
  // Quick checks first, in their order, so their verdicts are on screen while a model trains.
  const planned = [...all.filter((c) => !c.long), ...all.filter((c) => c.long && !req.skipLong)];
  const skipped = all.length - planned.length;
  post({ type: "loaded", tests: planned.map(({ name, long }) => ({ name, long })), skipped });
  const tests: TestOutcome[] = [];
  for (const [index, { name, fn, long }] of planned.entries()) {
    post({ type: "start", index });
    progressIndex = index;
    progressSentAt = -Infinity; // a check's first report goes out at once
    const t0 = performance.now();
    let outcome: TestOutcome;
    try {
      await fn();
      outcome = { name, ok: true, ms: performance.now() - t0 };
    } catch (e) {
      outcome = { name, ok: false, ms: performance.now() - t0, error: flatten(e, req.fileUrl) };
    }
    if (long) outcome.long = true;
    flushProgress();
    tests.push(outcome);
    post({ type: "test", index, outcome });
  }
  const result: RunResult = {
    type: "result",
    phase: "tests",
    tests,
    series: recordedSeries(),
    skipped,
  };
  if (recordedNotes().length > 0) result.notes = recordedNotes().slice(0, 20);
  if (tests.some((t) => !t.ok)) {
    try {
      result.diagnosis = await diagnoseRun(req);
    } catch {
      // A diagnosis is a bonus; the verdict stands without it.
    }
  }
  return result;
}

async function handle(msg: PreloadRequest | RunRequest): Promise<void> {
  if (msg.type === "preload") {
    await Promise.all(msg.heavy.map((h) => PRELOADS[h]?.().catch(() => undefined)));
    post({ type: "ready" });
  } else if (msg.type === "run") {
    post(await run(msg));
  }
}

// An error outside any check: report it rather than die with a stack trace.
globalThis.addEventListener("error", (e) => {
  e.preventDefault();
  post({ type: "crash", error: flatten(e.error ?? e.message, currentFile) });
});
globalThis.addEventListener("unhandledrejection", (e) => {
  e.preventDefault();
  post({ type: "crash", error: flatten(e.reason, currentFile) });
});

let pending = "";
for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
  pending += chunk;
  let nl;
  while ((nl = pending.indexOf("\n")) >= 0) {
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    if (line) handle(JSON.parse(line));
  }
}
// The loop has gone: so must its worker.
Deno.exit(0);
