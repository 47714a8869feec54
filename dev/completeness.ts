/**
 * The course's completeness check: everything an exercise needs is there,
 * and nothing is left over. `deno task test` runs it; `deno run -A
 * dev/completeness.ts` prints what is missing. For every exercise of the
 * manifest:
 *
 * - its stub (with a TODO and a "Not implemented" throw), public test (with
 *   the do-not-edit header), solution, hidden cases, and texts exist;
 * - its lesson has the heading it links to, and every variant's heading;
 * - it has hidden cases with unique ids, worth the manifest's points in all,
 *   covering every `@throws {X}` and every `@guarantee <id>` the stub documents,
 *   and its public tests check every `@throws`;
 * - its texts hold three hints and exactly one text per variant;
 * - no file still carries the scaffold's `TODO(author)` marker;
 * - no file or folder under `course/`, `locales/`, `exercises/` or
 *   `solutions/` belongs to no exercise.
 *
 * @module
 */
import { join } from "node:path";
import { allExercises, LESSONS } from "../course/manifest.ts";
import type { Lesson, ResolvedExercise } from "../course/types.ts";
import { hiddenCases, variantsFor } from "../grader/course_data.ts";

/** The scaffold's marker for what an author still has to write. */
export const AUTHOR_TODO = "TODO(author)";

/** GitHub's heading anchor, for the headings this course writes. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e; // anything else (permissions, too many open files) is not "missing"
  }
}

function listDir(path: string): Deno.DirEntry[] {
  try {
    return [...Deno.readDirSync(path)];
  } catch {
    return [];
  }
}

/** The JSDoc block right above `export function <entry>`. */
function entryDoc(stub: string, entry: string): string {
  const at = stub.search(new RegExp(`export (async )?function ${entry}\\b`));
  if (at < 0) return "";
  const before = stub.slice(0, at);
  const start = before.lastIndexOf("/**");
  return start < 0 ? "" : before.slice(start);
}

async function checkExercise(root: string, ex: ResolvedExercise): Promise<string[]> {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${ex.name}: ${what}`);
  const read = (rel: string) => readOrNull(join(root, rel));
  const stub = await read(ex.file);
  const test = await read(ex.testFile);
  const solution = await read(ex.solutionFile);
  const lesson = await read(ex.lessonFile);
  const textsRaw = await read(ex.textsFile("en"));
  const files: Array<[string, string | null]> = [
    [ex.file, stub],
    [ex.testFile, test],
    [ex.solutionFile, solution],
    [ex.lessonFile, lesson],
    [ex.hiddenFile, await read(ex.hiddenFile)],
    [ex.textsFile("en"), textsRaw],
  ];
  for (const [rel, text] of files) {
    if (text === null) say(`missing ${rel}`);
    else if (text.includes(AUTHOR_TODO)) say(`${rel} still has a ${AUTHOR_TODO} to fill in`);
  }
  const variantsText = await read(ex.variantsFile);
  if (variantsText?.includes(AUTHOR_TODO)) say(`${ex.variantsFile} still has a ${AUTHOR_TODO}`);
  if (stub !== null) {
    if (!/TODO/.test(stub)) say(`${ex.file} has no TODO for the learner`);
    if (!stub.includes("Not implemented")) say(`${ex.file} does not throw "Not implemented"`);
    if (!new RegExp(`export (async )?function ${ex.entry}\\b`).test(stub)) {
      say(`${ex.file} does not export function ${ex.entry}`);
    }
  }
  if (test !== null && !/^\/\/ Do not edit/.test(test)) {
    say(`${ex.testFile} lacks the "// Do not edit" header`);
  }
  const anchors = new Set(
    (lesson ?? "").split("\n").filter((l) => /^#{1,4} /.test(l)).map((l) =>
      slug(l.replace(/^#+ /, ""))
    ),
  );
  if (lesson !== null && !anchors.has(ex.section)) {
    say(`${ex.lessonFile} has no heading #${ex.section}`);
  }

  // Hidden cases: present, ids unique, every documented @throws and @guarantee covered.
  const cases = await hiddenCases(ex, root).catch((e) => {
    say(`${ex.hiddenFile} does not load: ${(e as Error).message.split("\n")[0]}`);
    return [];
  });
  if (cases.length === 0) say("has no hidden cases");
  const ids = new Set<string>();
  for (const c of cases) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id ?? "")) {
      say(`hidden case id "${c.id}" is not kebab-case`);
    }
    if (ids.has(c.id)) say(`hidden case id "${c.id}" is used twice`);
    ids.add(c.id);
    if (!(c.points > 0)) say(`hidden case "${c.id}" has no points`);
  }
  // The gradebook counts case points: they must add up to the points the manifest promises.
  const total = cases.reduce((s, c) => s + (c.points > 0 ? c.points : 0), 0);
  if (cases.length > 0 && total !== ex.points) {
    say(`its hidden cases are worth ${total} points, the manifest gives it ${ex.points}`);
  }
  const doc = entryDoc(stub ?? "", ex.entry);
  for (const m of doc.matchAll(/@throws \{(\w+)\}/g)) {
    // The learner sees it fail in the loop before the grader charges for it.
    if (test !== null && !new RegExp(`expectThrows\\([\\s\\S]*?\\b${m[1]}\\b`).test(test)) {
      say(`no public test checks the documented @throws {${m[1]}} (expectThrows)`);
    }
    if (!cases.some((c) => c.throws === m[1])) {
      say(`no hidden case checks the documented @throws {${m[1]}}`);
    }
  }
  for (const m of doc.matchAll(/@guarantee ([\w-]+)/g)) {
    if (!cases.some((c) => c.property === m[1])) {
      say(`no hidden case checks the documented @guarantee ${m[1]}`);
    }
  }

  // Texts: three hints, one text per variant and no other.
  let texts: {
    hints?: unknown;
    misconceptions?: Record<string, { title?: string; explain?: string }>;
  } = {};
  try {
    texts = textsRaw === null ? {} : JSON.parse(textsRaw);
  } catch (e) {
    say(`${ex.textsFile("en")} is not valid JSON: ${(e as Error).message}`);
  }
  const hints = Array.isArray(texts.hints) ? texts.hints : [];
  if (hints.length !== 3 || hints.some((h) => typeof h !== "string" || !h.trim())) {
    say(`needs exactly 3 hints (a nudge, the formula, nearly the answer), has ${hints.length}`);
  }
  const variants = variantsText === null ? undefined : await variantsFor(ex, root).catch((e) => {
    say(`${ex.variantsFile} does not load: ${(e as Error).message.split("\n")[0]}`);
    return undefined;
  });
  const texted = new Set(Object.keys(texts.misconceptions ?? {}));
  for (const v of variants?.variants ?? []) {
    const text = texts.misconceptions?.[v.id];
    if (!text?.title || !text?.explain) say(`variant ${v.id} has no title and explanation`);
    texted.delete(v.id);
    if (lesson !== null && !anchors.has(v.section)) {
      say(`variant ${v.id}: no heading #${v.section}`);
    }
  }
  for (const extra of texted) say(`text for ${extra}, which is no variant of this exercise`);
  if (variants && variants.variants.length > 0 && variants.probes.length === 0) {
    say("has variants but no probes to tell them apart");
  }
  return problems;
}

/** Files and folders that belong to no exercise of the manifest. */
function orphans(root: string, lessons: Lesson[]): string[] {
  const problems: string[] = [];
  const byLesson = new Map(lessons.map((l) => [l.dir, new Set(l.exercises.map((e) => e.name))]));
  const exerciseOf = (file: string) => file.replace(/(_test)?\.(ts|json)$/, "");
  const COURSE_FILES = new Set(["hidden.ts", "variants.ts", "diagnosis.json"]);
  for (const e of listDir(join(root, "course"))) {
    if (!e.isDirectory) continue;
    const names = byLesson.get(e.name);
    if (!names) {
      problems.push(`course/${e.name}/ is no lesson of the manifest`);
      continue;
    }
    for (const f of listDir(join(root, "course", e.name))) {
      if (!f.isDirectory) {
        if (!/^_\w+\.ts$/.test(f.name)) {
          problems.push(`course/${e.name}/${f.name} belongs to no exercise`);
        }
        continue;
      }
      if (!names.has(f.name)) problems.push(`course/${e.name}/${f.name}/ belongs to no exercise`);
      for (const g of listDir(join(root, "course", e.name, f.name))) {
        if (!COURSE_FILES.has(g.name)) {
          problems.push(`course/${e.name}/${f.name}/${g.name} is not expected`);
        }
      }
    }
  }
  const perLesson = (top: string) => {
    for (const e of listDir(join(root, top))) {
      if (!e.isDirectory) continue;
      const names = byLesson.get(e.name);
      for (const f of listDir(join(root, top, e.name))) {
        if (!names || !names.has(exerciseOf(f.name))) {
          problems.push(`${top}/${e.name}/${f.name} belongs to no exercise`);
        }
      }
    }
  };
  perLesson("exercises");
  perLesson("solutions");
  for (const lang of listDir(join(root, "locales"))) {
    if (lang.isDirectory) perLesson(`locales/${lang.name}`);
  }
  return problems;
}

/**
 * Everything missing or left over in the course.
 *
 * @param root The course repository (or a copy of it).
 * @param lessons The manifest's lessons.
 * @returns One sentence per problem; empty when the course is complete.
 */
export async function checkCourse(root: string, lessons: Lesson[] = LESSONS): Promise<string[]> {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const ex of allExercises(lessons)) {
    if (names.has(ex.name)) problems.push(`${ex.name}: the name is used twice`);
    names.add(ex.name);
    problems.push(...await checkExercise(root, ex));
  }
  problems.push(...orphans(root, lessons));
  return problems;
}

if (import.meta.main) {
  const root = new URL("..", import.meta.url).pathname;
  const problems = await checkCourse(root);
  for (const p of problems) console.error(`error: ${p}`);
  if (problems.length) Deno.exit(1);
  console.log(`the course is complete: ${allExercises().length} exercises`);
}
