/**
 * Messages between the learner's loop and the worker that runs an
 * exercise's public tests.
 *
 * @module
 */
import type { Mismatch } from "../lib/compare.ts";
import type { Series } from "../lib/testing.ts";

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
}

/** What the worker reports after a run. */
export interface RunResult {
  type: "result";
  /** `load`: the test or the learner's file failed to import (syntax error, missing export). */
  phase: "load" | "tests";
  loadError?: ErrorInfo;
  tests: TestOutcome[];
  series: Series[];
  /** The misconception id the learner's outputs match, if any. */
  diagnosis?: { id: string; section: string };
}
