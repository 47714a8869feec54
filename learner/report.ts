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
import type { Content } from "./content.ts";
import type { ErrorInfo } from "./protocol.ts";
import type { Verdict } from "./runner.ts";

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

function explainError(root: string, e: ErrorInfo, s: Style): string[] {
  const at = where(root, e);
  if (e.message.startsWith("Not implemented")) {
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
    out.push(s.red(t("verdict.timeout", { limit: ex.timeLimitMs })));
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
  let detailed = false;
  for (const test of v.tests) {
    out.push(
      "  " +
        (test.ok
          ? s.green(t("test.pass", { name: test.name }))
          : s.red(t("test.fail", { name: test.name }))),
    );
    if (!test.ok && test.error && !detailed) {
      // Details for the first failure only: one thing to fix at a time.
      detailed = true;
      for (const line of explainError(root, test.error, s)) out.push("      " + line);
    }
  }
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
      spark: sparkline(
        x.values,
        40,
        x.values.every((v) => v > 0) &&
          Math.max(...x.values) / Math.min(...x.values) > 100,
      ),
      first: x.values[0]?.toPrecision(3),
      last: x.values.at(-1)?.toPrecision(3),
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
 * @returns The text.
 */
export function hintText(ex: ResolvedExercise, level: number, content: Content, s: Style): string {
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
      : s.dim(t("hint.more", { name: ex.name })),
  );
  return out.join("\n");
}
