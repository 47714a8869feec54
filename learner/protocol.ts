/**
 * Messages between the learner's loop and the worker process that runs an
 * exercise's public tests, one JSON text per line. The worker reports as it
 * goes, so the loop can show quick verdicts and training progress before the
 * run ends, and time each phase separately:
 *
 *   ready → loaded → (start → progress* → test)* → result
 *
 * @module
 */
import type { Mismatch } from "../lib/compare.ts";
import type { Progress, Series } from "../lib/testing.ts";
import { fromWire, toWire } from "../lib/wire.ts";

/** Where an error happened in the learner's own file. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** A thrown value, flattened so it can cross to the main thread. */
export interface ErrorInfo {
  name: string;
  message: string;
  stack: string;
  /** Present when a comparison failed. */
  mismatch?: Mismatch;
  /** The call being checked, for a failed comparison. */
  what?: string;
  /** The first stack frame in the learner's file, if any. */
  at?: Location;
}

/** The outcome of one public test. */
export interface TestOutcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: ErrorInfo;
  /** A long check (training). */
  long?: boolean;
}

/** Ask the worker to load heavy modules before it is needed. */
export interface PreloadRequest {
  type: "preload";
  heavy: string[];
}

/** Ask the worker to run an exercise's public tests. */
export interface RunRequest {
  type: "run";
  /** file: URL of the public test. */
  testUrl: string;
  /** file: URL of the learner's file. */
  fileUrl: string;
  /** The exercise's name (its catalogue key). */
  name: string;
  /** The function the learner implements. */
  entry: string;
  /** The exercise's diagnosis data (probes and the variants' outputs), if any. */
  diagnosisPath: string;
  /** Skip the long checks (`verify --quick`). */
  skipLong?: boolean;
}

/** The preload is done. */
export interface ReadyMessage {
  type: "ready";
}

/** The learner's file and the test imported; the checks, in the order they will run. */
export interface LoadedMessage {
  type: "loaded";
  tests: Array<{ name: string; long: boolean }>;
  /** Long checks left out (`skipLong`). */
  skipped: number;
}

/** A check starts (index into `loaded.tests`). */
export interface StartMessage {
  type: "start";
  index: number;
}

/** Reports from a training loop since the last message, for the running check. */
export interface ProgressMessage {
  type: "progress";
  index: number;
  points: Progress[];
}

/** A check finished. */
export interface TestMessage {
  type: "test";
  index: number;
  outcome: TestOutcome;
}

/** An error outside any check (a throw in a timer the learner set). */
export interface CrashMessage {
  type: "crash";
  error: ErrorInfo;
}

/** Anything the worker posts. */
export type WorkerMessage =
  | ReadyMessage
  | LoadedMessage
  | StartMessage
  | ProgressMessage
  | TestMessage
  | CrashMessage
  | RunResult;

/**
 * One message as a line of JSON that keeps what JSON would lose: NaN and
 * ±Infinity (a diverging loss, a wrong value) and `undefined` (see `lib/wire.ts`).
 *
 * @param message The message.
 * @returns The JSON text (no newline inside).
 */
export function encodeMessage(message: unknown): string {
  return JSON.stringify(toWire(message));
}

/**
 * Reads a line written by {@link encodeMessage}.
 *
 * @param text The JSON text.
 * @returns The message.
 * @throws {SyntaxError} When the text is not JSON.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decodeMessage, encodeMessage } from "./protocol.ts";
 * assert.deepEqual(decodeMessage(encodeMessage({ loss: [1, NaN, -Infinity] })), {
 *   loss: [1, NaN, -Infinity],
 * });
 * ```
 */
export function decodeMessage(text: string): unknown {
  return fromWire(JSON.parse(text));
}

/** What the worker reports after a run. */
export interface RunResult {
  type: "result";
  /** `load`: the test or the learner's file failed to import (syntax error, missing export). */
  phase: "load" | "tests";
  loadError?: ErrorInfo;
  tests: TestOutcome[];
  series: Series[];
  /** Lines the tests recorded for the learner (`recordNote`), shown under a passing run. */
  notes?: string[];
  /** The misconception id the learner's outputs match, if any. */
  diagnosis?: { id: string; section: string };
  /** Long checks left out (`skipLong`). */
  skipped: number;
}
