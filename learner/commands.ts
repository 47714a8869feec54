/**
 * The loop's one-shot commands: `list`, `hint`, `verify`, `reset`, and a
 * single run of an exercise. Each returns its text and exit code; printing
 * is left to the caller, so tests can call them directly.
 *
 * @module
 */
import { t } from "../lib/i18n.ts";
import type { ResolvedExercise } from "../course/types.ts";
import { exerciseHeader, finishText, lessonTitle, progressLine } from "./report.ts";
import type { Session } from "./session.ts";
import { startTypeCheck } from "./typecheck.ts";

/** Text to print and the process's exit status. */
export interface Outcome {
  text: string;
  code: number;
}

/** The list of exercises with ✓ for done and ▶ for the current one. */
export function listText(s: Session): string {
  const cur = s.current();
  const lines = [t("list.heading", { done: s.state.done.length, total: s.exercises.length })];
  for (const ex of s.exercises) {
    const mark = s.state.done.includes(ex.name)
      ? s.style.green("✓")
      : ex.name === cur?.name
      ? s.style.yellow("▶")
      : " ";
    lines.push(t("list.line", { mark, index: ex.index + 1, name: ex.name, lesson: ex.lesson.dir }));
  }
  for (const l of s.comingLessons()) {
    lines.push(s.style.dim(t("list.coming", { number: l.dir.slice(0, 2), title: lessonTitle(l) })));
  }
  return lines.join("\n");
}

/** The screen's top: progress bar and the exercise header. */
export function headerText(s: Session, ex: ResolvedExercise): string {
  return [
    progressLine(s.state.done.length, s.exercises.length, s.style),
    "",
    exerciseHeader(ex, s.exercises.length, s.style),
  ].join("\n");
}

/**
 * Runs an exercise once and reports: header, verdict, what comes next and,
 * unless disabled, type errors from a check started after the verdict.
 *
 * @param s The session.
 * @param ex The exercise.
 * @param options `typecheck` (default true).
 * @returns The text and 0 (pass) or 1.
 */
export async function runOnce(
  s: Session,
  ex: ResolvedExercise,
  options: { typecheck?: boolean } = {},
): Promise<Outcome> {
  const v = await s.judge(ex);
  const parts = [headerText(s, ex), "", await s.describe(ex, v)];
  const typeErrors = options.typecheck !== false && v.status !== "error"
    ? await startTypeCheck(s.root, ex.file).result
    : null;
  if (v.status === "pass" && typeErrors) {
    // Not done while type errors are listed (the exit code still says the tests pass).
    await s.unmark(ex);
    parts.push("", s.style.yellow(t("typecheck.notDone")));
  } else if (v.status === "pass") {
    const next = await s.advance(ex);
    parts.push("", next ? t("next.passNonInteractive", { name: next.name }) : finishText(s.style));
  }
  if (typeErrors) parts.push("", s.style.yellow(t("typecheck.errors")), typeErrors);
  return { text: parts.join("\n"), code: v.status === "pass" ? 0 : 1 };
}

/**
 * The message for a name that is no exercise, with the closest names.
 *
 * @param s The session.
 * @param key The message (`error.unknownExercise` or `error.unknownCommand`).
 * @param name What the learner typed.
 */
export function unknownName(s: Session, key: string, name: string): string {
  const close = s.suggest(name);
  const text = t(key, { name });
  return close.length === 0
    ? text
    : `${text} ${t("error.didYouMean", { suggestion: close.join('", "') })}`;
}

/**
 * Shows the next hint for an exercise.
 *
 * @param s The session.
 * @param name The exercise's name; the current one when omitted.
 */
export async function hintCommand(s: Session, name?: string): Promise<Outcome> {
  const ex = name === undefined ? s.current() : s.find(name);
  if (!ex) return { text: unknownName(s, "error.unknownExercise", name ?? ""), code: 2 };
  return { text: await s.hint(ex), code: 0 };
}

/**
 * `read [name]`: the lesson section that explains an exercise, for the terminal.
 *
 * @param s The session.
 * @param name An exercise (the current one by default).
 * @param width Columns to wrap to.
 * @returns The text; code 2 for an unknown exercise.
 */
export async function readCommand(s: Session, name?: string, width = 80): Promise<Outcome> {
  const ex = name === undefined ? s.current() : s.find(name);
  if (!ex) return { text: unknownName(s, "error.unknownExercise", name ?? ""), code: 2 };
  return { text: await s.read(ex, width), code: 0 };
}

/**
 * Runs every exercise's public tests.
 *
 * @param s The session.
 * @param options `quick`: leave out the long checks (those that train), and say how many.
 * @returns One line per exercise and a summary; code 0 only if all pass.
 */
export async function verifyCommand(
  s: Session,
  options: { quick?: boolean } = {},
): Promise<Outcome> {
  const lines: string[] = [];
  let passed = 0;
  let skipped = 0;
  for (const ex of s.exercises) {
    const v = await s.judge(ex, { skipLong: options.quick });
    skipped += v.skipped;
    const ok = v.status === "pass";
    if (ok) passed++;
    const detail = ok ? "" : s.style.dim(
      `  (${v.status}: ${v.tests.filter((x) => !x.ok).length}/${v.tests.length} tests failed)`,
    );
    lines.push(`${ok ? s.style.green("✓") : s.style.red("✗")} ${ex.name}${detail}`);
  }
  const failed = s.exercises.length - passed;
  lines.push(t("verify.summary", { passed, failed }));
  if (options.quick) lines.push(t("verify.skipped", { skipped }));
  return { text: lines.join("\n"), code: failed === 0 ? 0 : 1 };
}

/**
 * Restores an exercise's stub (the learner's file is backed up first).
 *
 * @param s The session.
 * @param name The exercise's name.
 */
export async function resetCommand(s: Session, name?: string): Promise<Outcome> {
  if (!name) return { text: t("error.resetNeedsName"), code: 2 };
  const ex = s.find(name);
  if (!ex) return { text: unknownName(s, "error.unknownExercise", name), code: 2 };
  return { text: await s.reset(ex), code: 0 };
}
