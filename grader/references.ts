/**
 * One bug is charged once. When a student's exercise imports another
 * exercise's file (batch_gd imports mse and predict), that import gets the
 * trusted reference solution, so a wrong `mse` costs marks in mse alone.
 *
 * How: the staging folder's import map has a scope over the student's
 * `exercises/` that points every imported exercise file at `ref/<lesson>/<name>.ts`.
 * The grader's own call of an exercise (from the child, outside the scope)
 * still gets the student's file. A reference is put in place only once every
 * exercise before the one being graded is done, and only for exercises
 * earlier in the course, so no student code can ever load the reference of
 * the exercise it is graded on: until then `ref/…` holds a module that
 * re-exports the student's own file.
 *
 * @module
 */
import { dirname, join, normalize, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { ResolvedExercise } from "../course/types.ts";
import { importClosure } from "./course_data.ts";
import { codeImports } from "./imports.ts";

/** The exercise files a student's file reaches by imports, through non-exercise helper files. */
export function reachedExercises(
  from: string,
  texts: Map<string, string>,
  exercises: ResolvedExercise[],
): ResolvedExercise[] {
  const byFile = new Map(exercises.map((e) => [e.file, e]));
  const out = new Set<ResolvedExercise>();
  const seen = new Set<string>([from]);
  const visit = (rel: string) => {
    for (const spec of codeImports(texts.get(rel) ?? "")) {
      const target = normalize(join(dirname(rel), spec));
      const ex = byFile.get(target);
      if (ex) {
        if (target !== from) out.add(ex);
      } else if (!seen.has(target) && texts.has(target)) {
        seen.add(target);
        visit(target);
      }
    }
  };
  visit(from);
  return [...out].sort((a, b) => a.index - b.index);
}

/** The staging folder's reference solutions for imported exercises. */
export class References {
  #stageDir: string;
  #repoRoot: string;
  /** Exercise files mapped to references, with their state. */
  #mapped = new Map<string, { ex: ResolvedExercise; real: boolean }>();
  /** Non-exercise solution files the references import (always real). */
  #helpers: string[] = [];

  /**
   * @param stageDir The staging folder.
   * @param repoRoot The course repository.
   * @param texts The student's files (staging-relative path → text).
   * @param exercises Every exercise of the course.
   */
  constructor(
    stageDir: string,
    repoRoot: string,
    texts: Map<string, string>,
    exercises: ResolvedExercise[],
  ) {
    this.#stageDir = stageDir;
    this.#repoRoot = repoRoot;
    const bySolution = new Map(exercises.map((e) => [e.solutionFile, e]));
    const helpers = new Set<string>();
    const add = (ex: ResolvedExercise) => {
      if (this.#mapped.has(ex.file)) return;
      this.#mapped.set(ex.file, { ex, real: false });
      for (const sol of importClosure(ex.solutionFile).filter((f) => f.startsWith("solutions/"))) {
        const dep = bySolution.get(sol);
        if (dep) add(dep);
        else helpers.add(sol);
      }
    };
    for (const rel of texts.keys()) {
      for (const ex of reachedExercises(rel, texts, exercises)) add(ex);
    }
    this.#helpers = [...helpers];
  }

  /** Where an exercise's reference is staged: `ref/<lesson>/<name>.ts` (its `../../lib` is the trusted lib). */
  #refPath(rel: string): string {
    return join(this.#stageDir, "ref", relative("exercises", rel));
  }

  /** The texts of the references that can be staged (for the mathjs facade's names). */
  async texts(): Promise<string[]> {
    const out: string[] = [];
    for (const { ex } of this.#mapped.values()) {
      out.push(await Deno.readTextFile(join(this.#repoRoot, ex.solutionFile)));
    }
    return out;
  }

  /** The import map scope: inside the student's `exercises/`, imported exercises → `ref/`. */
  scopes(): Record<string, Record<string, string>> {
    if (this.#mapped.size === 0) return {};
    const map: Record<string, string> = {};
    for (const rel of this.#mapped.keys()) {
      map[pathToFileURL(join(this.#stageDir, rel)).href] = pathToFileURL(this.#refPath(rel)).href;
    }
    return { [pathToFileURL(join(this.#stageDir, "exercises")).href + "/"]: map };
  }

  /** Writes the pass-through modules and the helpers, before anything runs. */
  async prepare(): Promise<void> {
    for (const rel of this.#mapped.keys()) await this.#write(rel, false);
    for (const sol of this.#helpers) {
      const dest = join(this.#stageDir, "ref", relative("solutions", sol));
      await Deno.mkdir(dirname(dest), { recursive: true });
      await Deno.copyFile(join(this.#repoRoot, sol), dest);
    }
  }

  async #write(rel: string, real: boolean): Promise<void> {
    const dest = this.#refPath(rel);
    await Deno.mkdir(dirname(dest), { recursive: true });
    const entry = this.#mapped.get(rel)!;
    const text = real
      ? await Deno.readTextFile(join(this.#repoRoot, entry.ex.solutionFile))
      : `export * from ${JSON.stringify(relative(dirname(dest), join(this.#stageDir, rel)))};\n`;
    await Deno.writeTextFile(dest, text);
    entry.real = real;
  }

  /**
   * Before grading an exercise: the references of every exercise before it in the
   * course are staged; the others (and its own) re-export the student's files.
   *
   * @param ex The exercise about to be graded.
   * @returns The exercises whose reference was put in place just now.
   */
  async before(ex: ResolvedExercise): Promise<ResolvedExercise[]> {
    const flipped: ResolvedExercise[] = [];
    for (const [rel, m] of this.#mapped) {
      const real = m.ex.index < ex.index;
      if (real !== m.real) {
        await this.#write(rel, real);
        if (real) flipped.push(m.ex);
      }
    }
    return flipped;
  }

  /**
   * The exercises an exercise's file imports that were given their reference.
   *
   * @param ex The exercise.
   * @param texts The student's files.
   * @param exercises Every exercise.
   */
  dependenciesOf(
    ex: ResolvedExercise,
    texts: Map<string, string>,
    exercises: ResolvedExercise[],
  ): ResolvedExercise[] {
    return reachedExercises(ex.file, texts, exercises).filter((d) => d.index < ex.index);
  }
}
