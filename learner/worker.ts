/**
 * Runs one exercise's public tests inside a Web Worker, so a crash, an
 * infinite loop or a stray global cannot harm the loop: the worker is used
 * once and thrown away. It is started ahead of time ("warm") and told to
 * preload tfjs/mathjs, so a save costs only the import of the learner's file.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { recordedSeries, registeredTests } from "../lib/testing.ts";
import { ExpectationError } from "../lib/testing.ts";
import { diagnoseFromData, THREW } from "../lib/diagnose.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { fromWire } from "../lib/wire.ts";
import type { DiagnosisData } from "../course/load.ts";
import type { ErrorInfo, PreloadRequest, RunRequest, RunResult, TestOutcome } from "./protocol.ts";

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

async function run(req: RunRequest): Promise<RunResult> {
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
    };
  }
  const tests: TestOutcome[] = [];
  for (const { name, fn } of registeredTests()) {
    const t0 = performance.now();
    try {
      await fn();
      tests.push({ name, ok: true, ms: performance.now() - t0 });
    } catch (e) {
      tests.push({ name, ok: false, ms: performance.now() - t0, error: flatten(e, req.fileUrl) });
    }
  }
  const result: RunResult = { type: "result", phase: "tests", tests, series: recordedSeries() };
  if (tests.some((t) => !t.ok)) {
    try {
      result.diagnosis = await diagnoseRun(req);
    } catch {
      // A diagnosis is a bonus; the verdict stands without it.
    }
  }
  return result;
}

self.onmessage = async (e: MessageEvent<PreloadRequest | RunRequest>) => {
  const msg = e.data;
  if (msg.type === "preload") {
    await Promise.all(msg.heavy.map((h) => PRELOADS[h]?.().catch(() => undefined)));
    self.postMessage({ type: "ready" });
  } else if (msg.type === "run") {
    self.postMessage(await run(msg));
  }
};
