/**
 * Builds the class's gradebook from the per-student records (one results
 * folder, or several from a sharded run) and writes `gradebook.json`,
 * `gradebook.csv` and `report.html`.
 *
 * @module
 */
import { join } from "node:path";
import { allExercises } from "../course/manifest.ts";
import type { Gradebook, StudentRecord } from "./class_types.ts";
import { renderReport } from "./report.ts";
import { findSimilarPairs, SIMILARITY_TOOL, studentPairs } from "./similarity.ts";
import { writeAtomic } from "./batch.ts";
import { csvCell } from "./sanitize.ts";

/** The most pairs of students a gradebook lists (each with its per-exercise evidence). */
export const MAX_PAIRS = 300;

/**
 * Reads every student record under the given output folders.
 *
 * @param outDirs Folders holding `results/*.json`.
 * @returns The records by ID; when an ID appears twice, the most recently graded wins.
 */
export async function readRecords(outDirs: string[]): Promise<StudentRecord[]> {
  const byId = new Map<string, StudentRecord>();
  for (const dir of outDirs) {
    const resultsDir = join(dir, "results");
    let names: string[] = [];
    try {
      for await (const e of Deno.readDir(resultsDir)) {
        if (e.name.endsWith(".json")) names.push(e.name);
      }
    } catch (e) {
      throw new Error(
        `${dir} holds no results/ folder (${(e as Error).message}): is it a grade-all output?`,
      );
    }
    names = names.sort();
    for (const n of names) {
      let r: StudentRecord;
      try {
        r = JSON.parse(await Deno.readTextFile(join(resultsDir, n)));
      } catch {
        continue; // a half-written file from an interrupted run: it will be regraded
      }
      const old = byId.get(r.id);
      if (!old || (r.result?.gradedAt ?? "") > (old.result?.gradedAt ?? "")) byId.set(r.id, r);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Assembles the gradebook, including similarity pairs across all students.
 *
 * @param records Every student's record.
 * @param repoRoot The course repository (the stubs are the similarity template).
 * @returns The gradebook.
 */
export async function buildGradebook(
  records: StudentRecord[],
  repoRoot: string,
): Promise<Gradebook> {
  const exercises = allExercises();
  const maxOf = new Map<string, number>();
  for (const r of records) for (const e of r.result?.exercises ?? []) maxOf.set(e.name, e.max);
  const templates: Record<string, string> = {};
  for (const ex of exercises) {
    templates[ex.name] = await Deno.readTextFile(join(repoRoot, ex.file)).catch(() => "");
  }
  const similarity = await findSimilarPairs(
    records.filter((r) => r.result?.sources).map((r) => ({ id: r.id, files: r.result!.sources! })),
    templates,
  );
  const students = studentPairs(similarity, MAX_PAIRS);
  const list = exercises.map((e) => ({
    name: e.name,
    lesson: e.lesson.dir,
    max: maxOf.get(e.name) ?? 0,
  }));
  return {
    exercises: list,
    max: list.reduce((s, e) => s + e.max, 0),
    students: records,
    // Pairs of students, those sharing the most exercises first; a class that hands in
    // one shared solution would otherwise list every pair of students.
    similarity: students.pairs.flatMap((p) => p.evidence),
    similarityStudents: students.pairs,
    similarityFound: students.found,
    similarityTool: SIMILARITY_TOOL,
    generatedAt: new Date().toISOString(),
  };
}

/** A CSV field: quoted when needed, and never read as a spreadsheet formula. */
const csvField = csvCell;

/** How a student's cases that did not earn their points ended, e.g. `wrong:3 timeout:1`. */
function outcomeCounts(s: StudentRecord): string {
  const counts = new Map<string, number>();
  for (const e of s.result?.exercises ?? []) {
    for (const c of e.cases) {
      if (c.status === "passed") continue;
      const why = c.voided ? "not-counted" : c.outcome;
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
  }
  return [...counts].map(([o, n]) => `${o}:${n}`).join(" ");
}

/**
 * The gradebook as CSV: one row per student.
 *
 * @param gb The gradebook.
 * @returns CSV text with a header row.
 */
export function gradebookCsv(gb: Gradebook): string {
  const header = [
    "id",
    "status",
    "score",
    "max",
    "days_late",
    "penalty",
    "final",
    ...gb.exercises.map((e) => e.name),
    "not_passed",
    "flags",
    "error",
  ];
  const rows = gb.students.map((s) => {
    const byName = new Map((s.result?.exercises ?? []).map((e) => [e.name, e.score]));
    return [
      s.id,
      s.status,
      s.result?.score ?? 0,
      gb.max,
      s.late?.daysLate ?? "",
      s.late?.penalty ?? "",
      s.finalScore,
      ...gb.exercises.map((e) => byName.get(e.name) ?? 0),
      outcomeCounts(s),
      (s.result?.flags ?? []).map((f) => f.code + (f.exercise ? `:${f.exercise}` : "")).join(" "),
      s.error ?? "",
    ];
  });
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

/**
 * Writes gradebook.json, gradebook.csv and report.html into a folder.
 *
 * @param gb The gradebook.
 * @param outDir The folder.
 */
export async function writeGradebook(gb: Gradebook, outDir: string): Promise<void> {
  await Deno.mkdir(outDir, { recursive: true });
  // The JSON leaves out the students' sources: they stay in results/.
  const slim = {
    ...gb,
    students: gb.students.map((s) =>
      s.result ? { ...s, result: { ...s.result, sources: undefined } } : s
    ),
  };
  await writeAtomic(join(outDir, "gradebook.json"), JSON.stringify(slim, null, 1) + "\n");
  await writeAtomic(join(outDir, "gradebook.csv"), gradebookCsv(gb));
  await writeAtomic(join(outDir, "report.html"), renderReport(gb));
}
