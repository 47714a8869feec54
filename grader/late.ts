/**
 * Late work: the due date and penalty policy from the course's grading
 * config, and each submission's hand-in time (from an optional manifest of
 * times, else the newest modification time among its files).
 *
 * @module
 */
import { join } from "node:path";
import type { LateInfo } from "./class_types.ts";

/** The grading config (`grading.json`). */
export interface GradingConfig {
  /** Due date, ISO 8601 with a time zone, e.g. `2026-12-01T23:59:00Z`. */
  due?: string;
  late?: {
    /** Minutes after the due date that still count as on time. */
    graceMinutes?: number;
    /** Fraction of the score lost per started day late (e.g. 0.1). */
    perDay?: number;
    /** The largest fraction that can be lost (1 = everything). */
    max?: number;
  };
  /** A JSON file mapping student ID → hand-in time (relative to the config file). */
  times?: string;
}

/** A problem with the grading config, with a sentence saying what to fix. */
export class ConfigError extends Error {
  /** @param message What is wrong and what to do. */
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** A parsed and checked policy. */
export interface LatePolicy {
  due: Date;
  graceMs: number;
  perDay: number;
  max: number;
  /** Hand-in times from the manifest, by student ID. */
  times: Record<string, Date>;
}

function parseDate(value: unknown, what: string): Date {
  const d = typeof value === "string" ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime())) {
    throw new ConfigError(
      `${what} must be a date such as "2026-12-01T23:59:00Z": current value is ${
        JSON.stringify(value)
      }`,
    );
  }
  return d;
}

/**
 * Reads and checks a grading config.
 *
 * @param path The config file.
 * @returns The late policy, or `null` when the config sets no due date.
 * @throws {ConfigError} When the file is unreadable or a value is wrong.
 */
export async function loadLatePolicy(path: string): Promise<LatePolicy | null> {
  let cfg: GradingConfig;
  try {
    cfg = JSON.parse(await Deno.readTextFile(path));
  } catch (e) {
    throw new ConfigError(`cannot read the grading config ${path}: ${(e as Error).message}`);
  }
  if (!cfg.due) return null;
  const due = parseDate(cfg.due, "due");
  const perDay = cfg.late?.perDay ?? 0.1;
  const max = cfg.late?.max ?? 1;
  const grace = cfg.late?.graceMinutes ?? 0;
  for (const [name, v] of [["late.perDay", perDay], ["late.max", max]] as const) {
    if (!(v >= 0 && v <= 1)) {
      throw new ConfigError(`${name} must be between 0 and 1: current value is ${v}`);
    }
  }
  if (!(grace >= 0)) {
    throw new ConfigError(`late.graceMinutes must be >= 0: current value is ${grace}`);
  }
  const times: Record<string, Date> = {};
  if (cfg.times) {
    const file = join(path, "..", cfg.times);
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(await Deno.readTextFile(file));
    } catch (e) {
      throw new ConfigError(`cannot read the hand-in times ${file}: ${(e as Error).message}`);
    }
    for (const [id, t] of Object.entries(raw)) {
      times[id] = parseDate(t, `the hand-in time of ${id}`);
    }
  }
  return { due, graceMs: grace * 60_000, perDay, max, times };
}

/**
 * The newest modification time of a submission (a file, or any file in a folder).
 *
 * @param path A `.zip` or a folder.
 * @returns The time, or `null` if none could be read.
 */
export async function newestMtime(path: string): Promise<Date | null> {
  const info = await Deno.lstat(path).catch(() => null);
  if (!info) return null;
  if (!info.isDirectory) return info.mtime;
  let newest: Date | null = null;
  for await (const e of Deno.readDir(path)) {
    if (e.isSymlink) continue;
    const t = await newestMtime(join(path, e.name));
    if (t && (!newest || t > newest)) newest = t;
  }
  return newest;
}

/**
 * How late a submission is and its penalty.
 *
 * @param policy The late policy.
 * @param id The student's ID.
 * @param path The submission (for its modification time when no manifest time exists).
 * @returns The late information, or `null` when no time is known.
 */
export async function lateInfo(
  policy: LatePolicy,
  id: string,
  path: string,
): Promise<LateInfo | null> {
  const fromManifest = policy.times[id];
  const at = fromManifest ?? await newestMtime(path);
  if (!at) return null;
  const overMs = at.getTime() - policy.due.getTime() - policy.graceMs;
  const daysLate = overMs > 0 ? Math.ceil(overMs / 86_400_000) : 0;
  return {
    submittedAt: at.toISOString(),
    source: fromManifest ? "manifest" : "mtime",
    daysLate,
    penalty: Math.min(policy.max, daysLate * policy.perDay),
  };
}
