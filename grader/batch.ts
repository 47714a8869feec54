/**
 * Grades a whole class: every subfolder or `.zip` in a folder is one
 * student. Submissions are graded in parallel (each in its own sandboxed
 * child), each result is written atomically as soon as it is known, and a
 * re-run skips students whose submission and grader are unchanged, so an
 * interrupted run resumes. One student's problem never stops the batch.
 *
 * @module
 */
import { sha256Hex } from "../lib/hash.ts";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { StudentRecord } from "./class_types.ts";
import { allExercises } from "../course/manifest.ts";
import { gradeSubmission } from "./grade.ts";
import { exerciseHashes } from "./hashes.ts";
import { lateInfo, type LatePolicy } from "./late.ts";
import type { GradeResult } from "./record.ts";
import { SubmissionError } from "./submission.ts";
import { clean } from "./sanitize.ts";
import { graderHash } from "./versions.ts";

/** One student's submission found in the class folder. */
export interface Entry {
  id: string;
  path: string;
}

/** What is in a class folder. */
export interface ClassListing {
  entries: Entry[];
  /** IDs that cannot be graded as they stand (e.g. handed in twice). */
  problems: Array<{ id: string; error: string }>;
  /** Names that are not submissions (loose files), skipped. */
  skipped: string[];
}

/**
 * Lists a class folder.
 *
 * @param dir The folder of submissions.
 * @returns Entries in ID order, problems, and skipped names.
 */
export async function listClass(dir: string): Promise<ClassListing> {
  const byId = new Map<string, string[]>();
  const skipped: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.name.startsWith(".")) continue;
    const isZip = e.isFile && e.name.toLowerCase().endsWith(".zip");
    if (!e.isDirectory && !isZip && !e.isSymlink) {
      skipped.push(e.name);
      continue;
    }
    const id = isZip ? e.name.slice(0, -4) : e.name;
    byId.set(id, [...(byId.get(id) ?? []), e.name]);
  }
  const entries: Entry[] = [];
  const problems: ClassListing["problems"] = [];
  for (const [id, names] of [...byId.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (names.length > 1) {
      problems.push({
        id,
        error: `handed in more than once (${names.sort().join(" and ")}): keep one and grade again`,
      });
    } else {
      entries.push({ id, path: join(dir, names[0]) });
    }
  }
  return { entries, problems, skipped: skipped.sort() };
}

/**
 * SHA-256 of a submission as uploaded: the zip's bytes, or a folder's file
 * paths and contents. Unreadable parts hash as their error, so a fixed
 * permission problem triggers a regrade.
 *
 * @param path A `.zip` or a folder.
 * @returns The hex digest.
 */
export async function inputHash(path: string): Promise<string> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const visit = async (p: string, rel: string) => {
    const info = await Deno.lstat(p).catch((e) => e as Error);
    if (info instanceof Error) return void parts.push(enc.encode(`${rel}\0!${info.message}\0`));
    if (info.isSymlink) {
      return void parts.push(enc.encode(`${rel}\0->${await Deno.readLink(p).catch(() => "?")}\0`));
    }
    if (info.isDirectory) {
      const names: string[] = [];
      try {
        for await (const e of Deno.readDir(p)) names.push(e.name);
      } catch (e) {
        parts.push(enc.encode(`${rel}\0!${(e as Error).message}\0`));
      }
      for (const n of names.sort()) await visit(join(p, n), `${rel}/${n}`);
    } else if (!info.isFile) {
      // A FIFO, socket or device: never opened (reading one can block forever).
      parts.push(enc.encode(`${rel}\0special\0`));
    } else if (info.size > MAX_HASHED_FILE) {
      // Larger than any file the grader reads: its size and time stand for it.
      parts.push(enc.encode(`${rel}\0size ${info.size} ${info.mtime?.getTime() ?? ""}\0`));
    } else {
      parts.push(enc.encode(`${rel}\0`));
      parts.push(await Deno.readFile(p).catch((e) => enc.encode(`!${(e as Error).message}`)));
      parts.push(enc.encode("\0"));
    }
  };
  await visit(path, "");
  return await sha256Hex(parts);
}

/** Files larger than this are hashed by size and time, not read (the grader reads at most 1 MiB). */
const MAX_HASHED_FILE = 1024 * 1024;

/**
 * The file that holds one student's record: a short, readable slug of the ID
 * and a hash of the whole ID, so any ID (long, non-Latin, with slashes) gives
 * a safe name of at most 70 bytes and two IDs never share one. The ID itself
 * is inside the record.
 *
 * @param outDir The output folder.
 * @param id The student's ID.
 * @returns The path of the record.
 */
export function resultPath(outDir: string, id: string): string {
  const slug = id.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "")
    .slice(0, 40);
  const hash = createHash("sha256").update(id).digest("hex").slice(0, 16);
  return join(outDir, "results", `${slug || "id"}-${hash}.json`);
}

/** Writes a file so that readers see the old or the new content, never half. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${Deno.pid}-${crypto.randomUUID()}`;
  await Deno.writeTextFile(tmp, text);
  await Deno.rename(tmp, path);
}

/** Options for {@link gradeClass}. */
export interface ClassOptions {
  repoRoot: string;
  outDir: string;
  /**
   * Submissions graded at once (default: the number of cores; one more than that was
   * measured about 8% faster on 2 cores, as children wait while starting).
   */
  jobs?: number;
  /** Grade only this shard: `[i, n]`, 1-based, students by ID order. */
  shard?: [number, number];
  secret?: Uint8Array | null;
  /** Grade only these exercises. */
  only?: string[];
  late?: LatePolicy | null;
  misconceptionTexts?: Record<string, { title: string; explain: string }>;
  /**
   * Grades one submission (default {@link gradeSubmission}): a wrapper may log or time it,
   * and the tests put a faulty grader here to check that a run survives one.
   */
  grade?: typeof gradeSubmission;
  /** Called after each student: done, total, the record, whether it was reused. */
  onProgress?: (done: number, total: number, record: StudentRecord, reused: boolean) => void;
}

/** What a class run did. */
export interface ClassSummary {
  /** Students graded (in full, or the exercises whose grade inputs changed). */
  graded: number;
  /** Of those, students whose earlier record was kept for some exercises. */
  partly: number;
  /** Exercises graded in all (a full grading counts every selected exercise). */
  exercisesGraded: number;
  /** Students whose record was kept whole (late penalty recomputed). */
  reused: number;
  errors: number;
  total: number;
  skipped: string[];
}

/**
 * An earlier record with some exercises regraded: the fresh exercises replace
 * the old ones, in course order; flags of the kept exercises stay.
 *
 * @param old The earlier result.
 * @param fresh The result of grading the changed exercises.
 * @param selected The exercises the record must hold, in course order.
 * @returns The merged result.
 */
export function mergeResults(
  old: GradeResult,
  fresh: GradeResult,
  selected: string[],
): GradeResult {
  const regraded = new Set(fresh.exercises.map((e) => e.name));
  const byName = new Map(old.exercises.map((e) => [e.name, e]));
  for (const e of fresh.exercises) byName.set(e.name, e);
  const exercises = selected.flatMap((n) => byName.get(n) ?? []);
  const kept = (n?: string) => n !== undefined && !regraded.has(n) && selected.includes(n);
  const flags = [...fresh.flags, ...old.flags.filter((f) => kept(f.exercise))];
  const hashes = { ...fresh.hashes.exercises };
  const sources = { ...fresh.sources };
  for (const n of selected) {
    if (!kept(n)) continue;
    if (old.hashes.exercises?.[n]) hashes[n] = old.hashes.exercises[n];
    if (old.sources?.[n] !== undefined) sources[n] = old.sources[n];
  }
  return {
    ...fresh,
    score: exercises.reduce((s, e) => s + e.score, 0),
    max: exercises.reduce((s, e) => s + e.max, 0),
    exercises,
    flags,
    hashes: { ...fresh.hashes, exercises: hashes },
    ...(fresh.sources || old.sources ? { sources } : {}),
    regraded: [...regraded],
  };
}

async function readRecord(path: string): Promise<StudentRecord | null> {
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch {
    return null; // missing or half-written by a crash: grade again
  }
}

/**
 * Grades every submission in a class folder (or one shard of them).
 *
 * @param submissionsDir The class folder.
 * @param opts Options.
 * @returns Counts; the records are in `<outDir>/results/`.
 */
export async function gradeClass(
  submissionsDir: string,
  opts: ClassOptions,
): Promise<ClassSummary> {
  const listing = await listClass(submissionsDir);
  await Deno.mkdir(join(opts.outDir, "results"), { recursive: true });
  const gHash = await graderHash(opts.repoRoot);
  type Job = { kind: "grade"; entry: Entry } | { kind: "problem"; id: string; error: string };
  let jobs: Job[] = [
    ...listing.entries.map((entry) => ({ kind: "grade" as const, entry })),
    ...listing.problems.map((p) => ({ kind: "problem" as const, ...p })),
  ].sort((a, b) => {
    const ia = a.kind === "grade" ? a.entry.id : a.id;
    const ib = b.kind === "grade" ? b.entry.id : b.id;
    return ia < ib ? -1 : 1;
  });
  if (opts.shard) {
    const [i, n] = opts.shard;
    jobs = jobs.filter((_, k) => k % n === i - 1);
  }
  const selected = allExercises().filter((e) => !opts.only || opts.only.includes(e.name));
  const selectedNames = selected.map((e) => e.name);
  const current = await exerciseHashes(opts.repoRoot, selected, opts);
  const summary: ClassSummary = {
    graded: 0,
    partly: 0,
    exercisesGraded: 0,
    reused: 0,
    errors: 0,
    total: jobs.length,
    skipped: listing.skipped,
  };
  let done = 0;
  const finish = async (record: StudentRecord, reused: boolean, changed = !reused) => {
    if (changed) {
      await writeAtomic(resultPath(opts.outDir, record.id), JSON.stringify(record, null, 1) + "\n");
    }
    if (record.status === "error") summary.errors++;
    if (reused) summary.reused++;
    else summary.graded++;
    if (record.result && !reused) {
      summary.exercisesGraded += record.result.regraded?.length ?? record.result.exercises.length;
      if (record.result.regraded) summary.partly++;
    }
    opts.onProgress?.(++done, jobs.length, record, reused);
  };
  const one = async (job: Job) => {
    try {
      await gradeJob(job);
    } catch (e) {
      // Anything that fails for this student (hashing, grading, writing the record) is
      // this student's error row; the batch goes on.
      const id = job.kind === "grade" ? job.entry.id : job.id;
      const error = `the grader failed on this submission (${
        clean((e as Error)?.message ?? e, 500)
      }); it was skipped, the batch went on`;
      const record: StudentRecord = {
        id,
        status: "error",
        error,
        finalScore: 0,
        inputHash: "",
        graderHash: gHash,
      };
      await finish(record, false).catch(() => {
        // Not even the error row could be written: count it, and go on.
        summary.errors++;
        summary.graded++;
        opts.onProgress?.(++done, jobs.length, record, false);
      });
    }
  };
  const gradeJob = async (job: Job) => {
    if (job.kind === "problem") {
      return finish({
        id: job.id,
        status: "error",
        error: job.error,
        finalScore: 0,
        inputHash: "",
        graderHash: gHash,
      }, false);
    }
    const { id, path } = job.entry;
    const hash = await inputHash(path);
    const found = await readRecord(resultPath(opts.outDir, id));
    const old = found?.id === id ? found : null;
    // The late penalty is always recomputed: the policy or the times file may have changed.
    const late = opts.late ? await lateInfo(opts.late, id, path) : null;
    const withLate = (r: StudentRecord, result: GradeResult): StudentRecord => {
      const { late: _old, ...rest } = r;
      return {
        ...rest,
        result,
        ...(late ? { late } : {}),
        finalScore: Math.round(result.score * (1 - (late?.penalty ?? 0)) * 100) / 100,
      };
    };
    // What can be kept: an error record from the same grader, or the exercises of a graded
    // record whose grade inputs (hash) are unchanged, for the same submission.
    let keep: string[] = [];
    if (old && old.inputHash === hash) {
      if (old.status === "error" && old.graderHash === gHash && !old.graderFault) {
        return finish(old, true);
      }
      const oldResult = old.status === "graded" ? old.result : undefined;
      keep = selectedNames.filter((n) =>
        oldResult?.exercises.some((e) => e.name === n) &&
        oldResult.hashes.exercises?.[n] === current[n]
      );
      if (oldResult && keep.length === selectedNames.length) {
        // Every selected exercise is unchanged; drop any that are no longer selected.
        const exercises = oldResult.exercises.filter((e) => selectedNames.includes(e.name));
        const result: GradeResult = exercises.length === oldResult.exercises.length ? oldResult : {
          ...oldResult,
          exercises,
          score: exercises.reduce((n, e) => n + e.score, 0),
          max: exercises.reduce((n, e) => n + e.max, 0),
          flags: oldResult.flags.filter((f) => !f.exercise || selectedNames.includes(f.exercise)),
        };
        const record = withLate({ ...old, graderHash: gHash }, result);
        return finish(record, true, JSON.stringify(record) !== JSON.stringify(old));
      }
    }
    let record: StudentRecord;
    try {
      const redo = selectedNames.filter((n) => !keep.includes(n));
      const fresh = await (opts.grade ?? gradeSubmission)(path, {
        repoRoot: opts.repoRoot,
        student: id,
        secret: opts.secret,
        keepSources: true,
        only: redo,
        misconceptionTexts: opts.misconceptionTexts,
      });
      const result = keep.length ? mergeResults(old!.result!, fresh, selectedNames) : fresh;
      record = withLate({
        id,
        status: "graded",
        finalScore: 0,
        inputHash: hash,
        graderHash: gHash,
      }, result);
    } catch (e) {
      // Nothing about one submission may stop the class: a fault of the grader's own is
      // recorded against this submission (to re-grade once fixed) and the run goes on.
      const error = e instanceof SubmissionError
        ? e.message.replace(path, `${id}`)
        : `the grader failed on this submission (a fault in the grader, not the student's; ` +
          `re-run to grade it again): ${e instanceof Error ? e.message : String(e)}`.slice(0, 500)
            .replace(path, `${id}`);
      record = {
        id,
        status: "error",
        error,
        ...(e instanceof SubmissionError ? {} : { graderFault: true }),
        finalScore: 0,
        inputHash: hash,
        graderHash: gHash,
      };
    }
    await finish(record, false);
  };
  const width = Math.max(1, opts.jobs ?? navigator.hardwareConcurrency ?? 2);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, jobs.length) }, async () => {
      while (next < jobs.length) await one(jobs[next++]);
    }),
  );
  return summary;
}
