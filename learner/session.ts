/**
 * What every command of the learner's loop shares: the course, the
 * learner's progress, the test runner, and the operations on them (run an
 * exercise, move on, show a hint, reset a file). The CLI and the
 * interactive screen only decide which to call and print the text.
 *
 * @module
 */
import { join, normalize } from "node:path";
import { allExercises, LESSONS } from "../course/manifest.ts";
import type { ResolvedExercise } from "../course/types.ts";
import { lineChartSvg } from "../lib/plot.ts";
import { renderSection } from "./read.ts";
import { t } from "../lib/i18n.ts";
import { type Content, loadContent } from "./content.ts";
import { Runner, type RunOptions, type Verdict } from "./runner.ts";
import { childEnv } from "./child_env.ts";
import { dataDir, loadState, saveState, type State } from "./state.ts";
import { hintText, type Style, trainingText, verdictText } from "./report.ts";
import { seriesText } from "./report.ts";
import { clean } from "../lib/clean.ts";

/**
 * The published version of an exercise file: from the kit's
 * `course/originals.json`, or, in the course repository (which has none),
 * from git's last commit.
 *
 * @param root The kit's root folder.
 * @param file The exercise file, relative to the root.
 * @returns Its text, or `undefined` when neither source has it.
 */
export async function pristine(root: string, file: string): Promise<string | undefined> {
  try {
    const originals = JSON.parse(await Deno.readTextFile(join(root, "course", "originals.json")));
    if (typeof originals[file] === "string") return originals[file];
  } catch {
    // not a released kit
  }
  try {
    const out = await new Deno.Command("git", {
      args: ["show", `HEAD:${file}`],
      cwd: root,
      stdout: "piped",
      stderr: "null",
      env: childEnv(),
      clearEnv: true,
    }).output();
    return out.success ? new TextDecoder().decode(out.stdout) : undefined;
  } catch {
    return undefined;
  }
}

/** The loop's shared context. */
export class Session {
  readonly root: string;
  readonly exercises: ResolvedExercise[] = allExercises();
  readonly runner: Runner;
  readonly style: Style;
  content!: Content;
  state!: State;
  /** Set when a corrupt state file was moved aside on load. */
  movedCorrupt?: string;

  private constructor(root: string, style: Style) {
    this.root = root;
    this.style = style;
    this.runner = new Runner(root);
  }

  /**
   * Opens a session on a kit.
   *
   * @param root The kit's root folder.
   * @param style Colours.
   * @param lang The learner's language.
   * @returns The session, with progress loaded (and rebuilt if corrupt).
   */
  static async open(root: string, style: Style, lang = "en"): Promise<Session> {
    const s = new Session(root, style);
    s.content = await loadContent(root, lang);
    const loaded = await loadState(root);
    s.state = loaded.state;
    if (loaded.movedCorrupt) {
      s.movedCorrupt = loaded.movedCorrupt;
      await s.rebuild();
    }
    return s;
  }

  /** Recomputes `done` by running every exercise's public tests. */
  async rebuild(): Promise<void> {
    const done: string[] = [];
    for (const ex of this.exercises) {
      if ((await this.runner.run(ex)).status === "pass") done.push(ex.name);
    }
    this.state = { version: 1, done, hints: {} };
    await this.save();
  }

  /** Persists progress. */
  save(): Promise<void> {
    return saveState(this.root, this.state);
  }

  /**
   * The exercise names closest to a mistyped one (edit distance at most a
   * third of its length, at least 2; or names that contain it).
   *
   * @param name What the learner typed.
   * @returns Up to three names, closest first.
   */
  suggest(name: string): string[] {
    const wanted = name.toLowerCase();
    const limit = Math.max(2, Math.floor(wanted.length / 3));
    return this.exercises
      .map((e) => ({ name: e.name, d: editDistance(wanted, e.name) }))
      .filter((x) => x.d <= limit || (wanted.length >= 3 && x.name.includes(wanted)))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((x) => x.name);
  }

  /** Finds an exercise by name. */
  find(name: string): ResolvedExercise | undefined {
    return this.exercises.find((e) => e.name === name);
  }

  /** The first unfinished exercise after `from` (wrapping), or undefined when all are done. */
  nextUnfinished(from = -1): ResolvedExercise | undefined {
    const n = this.exercises.length;
    for (let k = 1; k <= n; k++) {
      const ex = this.exercises[(from + k + n) % n];
      if (!this.state.done.includes(ex.name)) return ex;
    }
    return undefined;
  }

  /**
   * The exercise the learner is on: the one they jumped to, else the first
   * unfinished, else (the course finished) the last one, so every command
   * keeps working after the end.
   */
  current(): ResolvedExercise | undefined {
    const named = this.state.current ? this.find(this.state.current) : undefined;
    return named ?? this.nextUnfinished() ?? this.exercises.at(-1);
  }

  /** Whether every exercise is done. */
  finished(): boolean {
    return this.exercises.every((e) => this.state.done.includes(e.name));
  }

  /**
   * Records that an exercise is not done after all (its tests pass, but
   * the type checker lists errors).
   */
  async unmark(ex: ResolvedExercise): Promise<void> {
    if (!this.state.done.includes(ex.name)) return;
    this.state.done = this.state.done.filter((d) => d !== ex.name);
    await this.save();
  }

  /** Makes `ex` the current exercise. */
  async jump(ex: ResolvedExercise): Promise<void> {
    this.state.current = ex.name;
    await this.save();
  }

  /**
   * Runs an exercise's public tests and records a pass. A cancelled run
   * changes nothing, and neither does a pass with long checks skipped.
   *
   * @param ex The exercise.
   * @param options Cancellation, `skipLong`, live reports (see {@link Runner.run}).
   * @returns The verdict.
   */
  async judge(ex: ResolvedExercise, options: RunOptions = {}): Promise<Verdict> {
    const v = await this.runner.run(ex, options);
    if (v.status === "cancelled" || (v.status === "pass" && v.skipped > 0)) return v;
    const wasDone = this.state.done.includes(ex.name);
    if (v.status === "pass" && !wasDone) {
      this.state.done.push(ex.name);
      await this.save();
    } else if (v.status !== "pass" && wasDone) {
      // A passing exercise broken again is not done any more.
      this.state.done = this.state.done.filter((d) => d !== ex.name);
      await this.save();
    }
    return v;
  }

  /**
   * Moves past `ex` to the next unfinished exercise. When there is none the
   * learner stays on `ex` (it stays `current`), so every command still works.
   *
   * @returns The next exercise, or `undefined` when the course is finished.
   */
  async advance(ex: ResolvedExercise): Promise<ResolvedExercise | undefined> {
    const next = this.nextUnfinished(ex.index);
    this.state.current = (next ?? ex).name;
    await this.save();
    return next;
  }

  /**
   * The full text for a verdict, with loss curves drawn (SVG files are
   * written under `.tensorlings/plots/`).
   */
  async describe(ex: ResolvedExercise, v: Verdict): Promise<string> {
    const parts = [verdictText(this.root, ex, v, this.content, this.style)];
    if (v.status === "fail" || v.status === "error") {
      // A function it imports that fails its own tests shows up here too: say which.
      const deps = this.#dependencies(ex).filter((d) => !this.state.done.includes(d.name));
      if (deps.length > 0) {
        parts.push(
          "",
          this.style.yellow(t("verdict.dependencyFailing", {
            fns: deps.map((d) => `${d.entry} (${d.name})`).join(", "),
            name: deps[0].name,
          })),
        );
      }
    }
    if (v.training.length > 0) {
      parts.push("", trainingText(v.training, await this.#drawTraining(ex, v)));
    }
    if (v.notes?.length && v.status === "pass") {
      parts.push("", ...v.notes.map((n) => clean(n, 500)));
    }
    if (v.series.length > 0 && v.status === "pass") {
      const dir = join(dataDir(this.root), "plots");
      await Deno.mkdir(dir, { recursive: true });
      const drawn = [];
      for (const [i, series] of v.series.entries()) {
        const file = join(dir, `${ex.name}${i ? "_" + i : ""}.svg`);
        await Deno.writeTextFile(
          file,
          lineChartSvg(`${ex.name}: ${series.name}`, [{
            label: series.name,
            values: series.values,
          }], {
            logY: series.values.every((x) => x > 0),
          }),
        );
        drawn.push({
          ...series,
          svg: join(".tensorlings", "plots", `${ex.name}${i ? "_" + i : ""}.svg`),
        });
      }
      parts.push("", seriesText(drawn));
    }
    return parts.join("\n");
  }

  /** Writes each training check's loss curve to `.tensorlings/plots/<name>_training*.svg`. */
  async #drawTraining(ex: ResolvedExercise, v: Verdict): Promise<Array<string | undefined>> {
    const charts: Array<string | undefined> = [];
    for (const [i, { name, points }] of v.training.entries()) {
      const loss = points.map((p) => p.loss).filter((x): x is number => x !== undefined);
      if (loss.length < 2) {
        charts.push(undefined);
        continue;
      }
      const svg = join(".tensorlings", "plots", `${ex.name}_training${i ? "_" + i : ""}.svg`);
      await Deno.mkdir(join(dataDir(this.root), "plots"), { recursive: true });
      await Deno.writeTextFile(
        join(this.root, svg),
        lineChartSvg(`${ex.name}: ${name}`, [{ label: "loss", values: loss }], {
          logY: loss.every((x) => x > 0),
        }),
      );
      charts.push(svg);
    }
    return charts;
  }

  /** Other exercises whose files the learner's file imports (`./mse.ts`, `../01_…/predict.ts`). */
  #dependencies(ex: ResolvedExercise): ResolvedExercise[] {
    let text = "";
    try {
      text = Deno.readTextFileSync(join(this.root, ex.file));
    } catch {
      return [];
    }
    const dir = ex.file.slice(0, ex.file.lastIndexOf("/"));
    const out: ResolvedExercise[] = [];
    for (const m of text.matchAll(/from\s+["'](\.{1,2}\/[\w./-]+\.ts)["']/g)) {
      const target = normalize(join(dir, m[1]));
      const dep = this.exercises.find((e) => e.file === target && e.name !== ex.name);
      if (dep && !out.includes(dep)) out.push(dep);
    }
    return out;
  }

  /**
   * The lesson section that explains an exercise, rendered for the terminal.
   *
   * @param ex The exercise.
   * @param width Columns to wrap to.
   * @returns The text, or a message saying what is missing.
   */
  async read(ex: ResolvedExercise, width = 80): Promise<string> {
    let md: string;
    try {
      md = await Deno.readTextFile(join(this.root, ex.lessonFile));
    } catch {
      return t("read.noLesson", { file: ex.lessonFile });
    }
    const text = renderSection(md, ex.section, width, this.style);
    return text ?? t("read.noSection", { file: ex.lessonFile, section: ex.section });
  }

  /**
   * Shows one more hint level than before (capped), and remembers it.
   *
   * @param ex The exercise.
   * @param keys Whether the learner is on the interactive screen (says "press h").
   */
  async hint(ex: ResolvedExercise, keys = false): Promise<string> {
    const total = this.content.hints[ex.name]?.length ?? 0;
    const level = Math.min((this.state.hints[ex.name] ?? 0) + 1, Math.max(total, 1));
    this.state.hints[ex.name] = level;
    await this.save();
    return hintText(ex, level, this.content, this.style, keys);
  }

  /**
   * Restores an exercise's original stub, after copying the learner's file
   * to `.tensorlings/backups/`.
   *
   * @returns The message to show.
   */
  async reset(ex: ResolvedExercise): Promise<string> {
    const original = await pristine(this.root, ex.file);
    if (original === undefined) return t("reset.noOriginal", { file: ex.file });
    const path = join(this.root, ex.file);
    const backupDir = join(dataDir(this.root), "backups");
    await Deno.mkdir(backupDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const backup = join(".tensorlings", "backups", `${ex.name}-${stamp}.ts`);
    try {
      await Deno.copyFile(path, join(this.root, backup));
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
    await Deno.writeTextFile(path, original);
    this.state.done = this.state.done.filter((d) => d !== ex.name);
    this.state.hints[ex.name] = 0;
    await this.save();
    return t("reset.done", { file: ex.file, backup });
  }

  /** Lessons that have no exercises yet. */
  comingLessons() {
    return LESSONS.filter((l) => l.exercises.length === 0);
  }

  /** Stops the worker processes. */
  close(): Promise<void> {
    return this.runner.close();
  }
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
