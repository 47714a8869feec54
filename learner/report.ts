/**
 * Turns the loop's data into text for the terminal. Every sentence comes
 * from the message catalogue; this file only arranges and colours them.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { t } from "../lib/i18n.ts";
import { describeMismatch } from "../lib/testing.ts";
import { sparkline } from "../lib/plot.ts";
import type { ResolvedExercise } from "../course/types.ts";
import { allExercises } from "../course/manifest.ts";
import type { Content } from "./content.ts";
import type { Progress } from "../lib/testing.ts";
import type { ErrorInfo, TestOutcome } from "./protocol.ts";
import type { LiveRun, Training, Verdict } from "./runner.ts";

/** Colour helpers; identity functions when colour is off. */
export interface Style {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/**
 * Makes a style.
 *
 * @param colour Whether to emit ANSI colour codes.
 * @returns The style.
 */
export function makeStyle(colour: boolean): Style {
  const wrap = (code: number) => (s: string) => colour ? `\x1b[${code}m${s}\x1b[0m` : s;
  return { green: wrap(32), red: wrap(31), yellow: wrap(33), dim: wrap(2), bold: wrap(1) };
}

/** A progress bar: `████░░░░ 3/13 exercises done`. */
export function progressLine(done: number, total: number, s: Style, width = 24): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  const bar = s.green("█".repeat(filled)) + s.dim("░".repeat(width - filled));
  return `${s.bold(t("app.title"))}  ${bar}  ${t("progress", { done, total })}`;
}

/** A lesson's title in the active language (`lessonTitle.<dir>`), else the manifest's. */
export function lessonTitle(lesson: { dir: string; title: string }): string {
  const key = `lessonTitle.${lesson.dir}`;
  const translated = t(key);
  return translated === key ? lesson.title : translated;
}

/** The header block: lesson, exercise, file to edit, section to read. */
export function exerciseHeader(ex: ResolvedExercise, total: number, s: Style): string {
  return [
    s.bold(
      t("lesson.heading", { number: ex.lesson.dir.slice(0, 2), title: lessonTitle(ex.lesson) }),
    ),
    t("exercise.heading", { index: ex.index + 1, total, name: s.bold(ex.name) }),
    "  " + t("exercise.file", { file: ex.file }),
    "  " + t("exercise.read", { link: `${ex.lessonFile}#${ex.section}` }),
  ].join("\n");
}

function where(root: string, info: ErrorInfo): string | null {
  if (!info.at) return null;
  const path = info.at.file.startsWith("file:") ? fileURLToPath(info.at.file) : info.at.file;
  return `${relative(root, path)}:${info.at.line}:${info.at.column}`;
}

/** Finds `file:///…:line:col` in a parser message and returns a short form. */
function locationInMessage(root: string, message: string): string | null {
  const m = /(file:\/\/\/[^\s:]+):(\d+):(\d+)/.exec(message);
  if (!m) return null;
  return `${relative(root, fileURLToPath(m[1]))}:${m[2]}:${m[3]}`;
}

function explainError(root: string, entry: string, e: ErrorInfo, s: Style): string[] {
  const at = where(root, e);
  if (e.message.startsWith("Not implemented")) {
    // "Not implemented: mse (lesson 01)": this exercise's stub, or another one it calls.
    const fn = /^Not implemented: (\w+)/.exec(e.message)?.[1];
    const other = fn && fn !== entry ? allExercises().find((x) => x.entry === fn) : undefined;
    if (fn && other) {
      return [s.yellow(t("verdict.dependencyStub", { fn, name: other.name, entry }))];
    }
    return [s.yellow(t("verdict.notStarted", { where: at ?? "" }))];
  }
  if (e.mismatch) {
    return [`${e.what ? e.what + ": " : ""}${describeMismatch(e.mismatch)}`];
  }
  const lines = [`${e.name}: ${e.message}`];
  if (at) lines.push(t("verdict.at", { where: at }));
  return lines;
}

/**
 * The verdict block for one run.
 *
 * @param root The kit's root folder (paths are shown relative to it).
 * @param ex The exercise.
 * @param v The verdict.
 * @param content Misconception texts.
 * @param s Colours.
 * @returns The text, several lines.
 */
export function verdictText(
  root: string,
  ex: ResolvedExercise,
  v: Verdict,
  content: Content,
  s: Style,
): string {
  const ms = Math.round(v.ms);
  const out: string[] = [];
  if (v.status === "timeout") {
    const limit = v.stopped?.limitMs ?? ex.timeLimitMs;
    out.push(s.red(
      v.stopped?.name
        ? t("verdict.timeoutCheck", { name: v.stopped.name, limit })
        : t("verdict.timeout", { limit }),
    ));
    for (const test of v.tests) out.push("  " + testLine(test, s));
    return out.join("\n");
  }
  if (v.status === "error" && v.loadError) {
    const e = v.loadError;
    if (/Module not found/.test(e.message) && e.message.includes(ex.file)) {
      out.push(s.red(t("verdict.missingFile", { file: ex.file, name: ex.name })));
    } else if (e.name === "MissingExport") {
      out.push(s.red(t("verdict.missingExport", { file: ex.file, entry: ex.entry })));
    } else if (e.name === "SyntaxError" || /parse|Expected/.test(e.message)) {
      const at = locationInMessage(root, e.message) ?? where(root, e);
      const message = e.message.replace(/\s*at file:\/\/\/\S+/, "");
      out.push(s.red(t("verdict.compile", { file: at ?? ex.file, message })));
    } else {
      out.push(
        s.red(t("verdict.loadError", { file: ex.file, message: `${e.name}: ${e.message}` })),
      );
      const at = where(root, e);
      if (at) out.push("  " + t("verdict.at", { where: at }));
    }
    return out.join("\n");
  }
  const failed = v.tests.filter((x) => !x.ok);
  out.push(
    failed.length === 0
      ? s.green(t("verdict.pass", { count: v.tests.length, ms }))
      : s.red(t("verdict.fail", { failed: failed.length, count: v.tests.length, ms })),
  );
  out.push(...testLines(root, ex.entry, v.tests, s));
  if (v.skipped > 0) out.push(s.dim("  " + t("verdict.skipped", { skipped: v.skipped })));
  if (v.diagnosis) {
    const text = content.misconceptions[v.diagnosis.id];
    if (text) {
      out.push("", s.yellow(t("diagnosis.heading", { title: text.title })));
      out.push("  " + text.explain);
      out.push("  " + t("diagnosis.read", { link: `${ex.lessonFile}#${v.diagnosis.section}` }));
    }
  }
  return out.join("\n");
}

function testLine(test: TestOutcome, s: Style): string {
  const line = test.ok
    ? s.green(t("test.pass", { name: test.name }))
    : s.red(t("test.fail", { name: test.name }));
  if (!test.long) return line;
  return `${line} ${s.dim(t("test.long", { seconds: (test.ms / 1000).toFixed(1) }))}`;
}

/**
 * A line per finished check, each failure followed by its explanation (the
 * call, expected and got). An explanation identical to one shown above
 * (three tests of an untouched stub) is not repeated.
 */
function testLines(root: string, entry: string, tests: TestOutcome[], s: Style): string[] {
  const out: string[] = [];
  const shown = new Set<string>();
  for (const test of tests) {
    out.push("  " + testLine(test, s));
    if (!test.ok && test.error) {
      const lines = explainError(root, entry, test.error, s);
      const key = lines.join("\n");
      if (shown.has(key)) continue;
      shown.add(key);
      for (const line of lines) out.push("      " + line);
    }
  }
  return out;
}

/** Once a phase has run this long, the screen says it is still running (ms). */
export const STILL_RUNNING_AFTER_MS = 1000;

const FIXED = ["epoch", "epochs", "step"];

/** `epoch 3/20 · step 120 · loss 0.4120 · accuracy 0.870`: the last report of a check. */
export function metricsText(p: Progress): string {
  const parts: string[] = [];
  if (p.epoch !== undefined) {
    parts.push(
      p.epochs !== undefined
        ? t("progress.epochOf", { epoch: p.epoch, epochs: p.epochs })
        : t("progress.epoch", { epoch: p.epoch }),
    );
  }
  parts.push(t("progress.step", { step: p.step }));
  for (const [k, v] of Object.entries(p)) {
    if (FIXED.includes(k) || v === undefined) continue;
    parts.push(`${k} ${Number.isInteger(v) ? v : v.toPrecision(4)}`);
  }
  return parts.join(" · ");
}

/** A sparkline of a series, on a log scale when it falls by decades. */
function curve(values: number[], width = 40): string {
  const log = values.every((v) => v > 0) && Math.max(...values) / Math.min(...values) > 100;
  return sparkline(values, width, log);
}

/** `loss ▇▆▅▃▂▁  2.31 → 0.412`, drawn from a check's reports (empty if it reports no loss). */
export function lossCurveText(points: Progress[]): string {
  const values = points.map((p) => p.loss).filter((x): x is number => x !== undefined);
  if (values.length === 0) return "";
  return t("progress.curve", {
    name: "loss",
    spark: curve(values),
    first: values[0].toPrecision(3),
    last: values.at(-1)!.toPrecision(3),
  });
}

/**
 * A run as it goes: finished checks with their verdicts, the running one
 * with its latest progress and loss curve, and "still running… (Ns)" once
 * it has taken a while.
 *
 * @param root The kit's root folder.
 * @param file The learner's file (shown while it loads).
 * @param live The run.
 * @param s Colours.
 * @param now The time (performance.now()).
 * @returns The text, several lines.
 */
export function liveText(
  root: string,
  file: string,
  live: LiveRun,
  s: Style,
  now = performance.now(),
): string {
  const elapsed = now - live.since;
  const still = elapsed >= STILL_RUNNING_AFTER_MS
    ? " " + s.dim(t("live.still", {
      seconds: Math.floor(elapsed / 1000),
      limit: Math.round(live.limitMs / 1000),
    }))
    : "";
  if (live.phase === "import") return s.yellow(t("live.loading", { file })) + still;
  const out = [s.yellow(t("live.heading"))];
  const entry = allExercises().find((x) => x.name === live.exercise)?.entry ?? "";
  out.push(...testLines(root, entry, live.tests, s));
  for (let i = live.tests.length; i < live.planned.length; i++) {
    const { name, long } = live.planned[i];
    if (i !== live.current) {
      out.push("  " + s.dim(t("live.waiting", { name })));
      continue;
    }
    const seconds = (elapsed / 1000).toFixed(1);
    const points = live.progress[i] ?? [];
    // A check that reports progress is plainly alive; its time is on the line already.
    out.push(
      "  " + s.yellow(t("live.check", { name })) +
        (long ? " " + s.dim(t("test.long", { seconds })) : "") +
        (points.length > 0 ? "" : still),
    );
    if (points.length > 0) {
      out.push("      " + metricsText(points.at(-1)!));
      const loss = lossCurveText(points);
      if (loss) out.push("      " + loss);
    }
  }
  if (live.phase === "diagnosis") out.push(s.dim(t("live.diagnosing")) + still);
  return out.join("\n");
}

/**
 * What each training check reported, after the run: its last metrics and its loss curve.
 *
 * @param training The checks that reported progress.
 * @param charts Where each check's loss chart was written, if it was.
 * @returns The text (empty when there is none).
 */
export function trainingText(training: Training[], charts: Array<string | undefined> = []): string {
  const out: string[] = [];
  for (const [i, { name, points }] of training.entries()) {
    out.push(t("training.summary", { name, metrics: metricsText(points.at(-1)!) }));
    const loss = lossCurveText(points);
    if (loss) {
      out.push("  " + loss + (charts[i] ? "  " + t("training.chart", { svg: charts[i] }) : ""));
    }
  }
  return out.join("\n");
}

/**
 * A line per recorded series: a sparkline and where its chart was written.
 *
 * @param series The series, each with the path of its SVG.
 * @returns The text.
 */
export function seriesText(series: Array<{ name: string; values: number[]; svg: string }>): string {
  return series.map((x) =>
    t("series.plot", {
      name: x.name,
      // A loss that falls by decades reads better on a log scale.
      spark: curve(x.values),
      first: x.values[0]?.toPrecision(3) ?? "–",
      last: x.values.at(-1)?.toPrecision(3) ?? "–",
      svg: x.svg,
    })
  ).join("\n");
}

/**
 * The hints shown so far: levels 1..`level`.
 *
 * @param ex The exercise.
 * @param level How many hints to show.
 * @param content The hints.
 * @param s Colours.
 * @param keys Whether the learner is on the interactive screen (a key shows the next hint).
 * @returns The text.
 */
export function hintText(
  ex: ResolvedExercise,
  level: number,
  content: Content,
  s: Style,
  keys = false,
): string {
  const hints = content.hints[ex.name] ?? [];
  if (hints.length === 0) return t("hint.none", { name: ex.name });
  const shown = Math.min(Math.max(level, 1), hints.length);
  const out: string[] = [];
  for (let i = 0; i < shown; i++) {
    out.push(s.yellow(t("hint.heading", { level: i + 1, total: hints.length, name: ex.name })));
    out.push("  " + hints[i]);
  }
  out.push(
    shown >= hints.length
      ? s.dim(t("hint.last", { link: `${ex.lessonFile}#${ex.section}` }))
      : s.dim(keys ? t("hint.moreKey") : t("hint.more", { name: ex.name })),
  );
  return out.join("\n");
}

/** The finish screen: the course is done, and what its public tests do not prove. */
export function finishText(s: Style): string {
  return s.green(t("next.courseDone")) + "\n" + t("finish.hidden");
}
