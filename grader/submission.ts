/**
 * Turns what a student handed in (a folder holding `exercises/`, an
 * exercises tree itself, or a `.zip` of either) into a staging folder the
 * judge can run: the student's exercise files next to a trusted copy of
 * `lib/`. The submission itself is only read, never changed.
 *
 * @module
 */
import { holdOwnerLock, sweepOwned, tempRoot } from "./owned.ts";
import { sha256Hex } from "../lib/hash.ts";
import { dirname, join, relative } from "node:path";
import { LESSONS } from "../course/manifest.ts";
import { readZip, ZipError } from "./zip.ts";
import { clean } from "./sanitize.ts";

/** Something about a submission an instructor should know. */
export interface Flag {
  /** A stable code, e.g. `symlink`, `timeout`, `forbidden-import`. */
  code: string;
  /** A sentence for people. */
  message: string;
  /** The exercise concerned, if one. */
  exercise?: string;
}

/** A submission ready to judge. */
export interface Staged {
  /** The staging folder: `exercises/` (the student's) and `lib/` (trusted). */
  dir: string;
  /** Paths of the student's files inside `dir`, relative to it. */
  files: string[];
  /** Problems found while reading the submission. */
  flags: Flag[];
  /** SHA-256 of the student's files (path and content), hex. */
  hash: string;
  /** Removes the staging folder. */
  cleanup(): Promise<void>;
}

/** A submission that cannot be graded at all, with the reason. */
export class SubmissionError extends Error {
  /** @param message What is wrong and what to do. */
  constructor(message: string) {
    super(message);
    this.name = "SubmissionError";
  }
}

const LESSON_DIRS = new Set(LESSONS.map((l) => l.dir));
const MAX_FILE = 1024 * 1024;
const KEEP = /\.(ts|js|mjs|json)$/;
const STAGE_PREFIX = "tensorlings-stage-";
/** This process's staging folders in use. */
const liveStages = new Set<string>();

interface RawFile {
  path: string;
  data: Uint8Array;
}

/** Reads a regular file, never more than `max` bytes (it may grow after it was measured). */
async function readCapped(path: string, max: number): Promise<Uint8Array> {
  using file = await Deno.open(path, { read: true });
  const buf = new Uint8Array(max + 1);
  let n = 0;
  while (n < buf.length) {
    const got = await file.read(buf.subarray(n));
    if (got === null) break;
    n += got;
  }
  if (n > max) throw new Error("larger than 1 MiB");
  return buf.slice(0, n);
}

/** What a folder may hold, as for a zip: bytes of the files the grader reads, and entries seen. */
const MAX_FOLDER_BYTES = 64 * 1024 * 1024;
const MAX_FOLDER_ENTRIES = 10_000;

async function walk(root: string, flags: Flag[]): Promise<RawFile[]> {
  const out: RawFile[] = [];
  let bytes = 0;
  let seen = 0;
  const visit = async (dir: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = [];
      for await (const e of Deno.readDir(dir)) {
        if (++seen > MAX_FOLDER_ENTRIES) {
          throw new SubmissionError(
            `the folder holds more than ${MAX_FOLDER_ENTRIES} files and folders: hand in only the exercises`,
          );
        }
        entries.push(e);
      }
    } catch (e) {
      if (e instanceof SubmissionError) throw e;
      flags.push({
        code: "unreadable",
        message: `could not read folder ${clean(relative(root, dir) || ".")}: ${
          clean((e as Error).message)
        }`,
      });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      const rel = relative(root, p);
      if (e.isSymlink) {
        flags.push({
          code: "symlink",
          message: `refused a symbolic link: ${clean(rel)} (only plain files are graded)`,
        });
      } else if (e.isDirectory) {
        if (e.name !== "node_modules" && e.name !== ".git") await visit(p);
      } else if (!e.isFile) {
        // A FIFO, socket or device: opening one could block forever.
        flags.push({
          code: "not-a-file",
          message: `skipped ${clean(rel)}: not a regular file (only plain files are graded)`,
        });
      } else if (KEEP.test(e.name)) {
        try {
          const info = await Deno.lstat(p);
          if (!info.isFile) {
            flags.push({
              code: "not-a-file",
              message: `skipped ${clean(rel)}: not a regular file`,
            });
            continue;
          }
          if (info.size > MAX_FILE) {
            flags.push({ code: "too-large", message: `skipped ${clean(rel)}: larger than 1 MiB` });
            continue;
          }
          bytes += info.size;
          if (bytes > MAX_FOLDER_BYTES) {
            throw new SubmissionError(
              `the folder's source files come to more than ${
                MAX_FOLDER_BYTES / 1024 / 1024
              } MiB: hand in only the exercises`,
            );
          }
          out.push({ path: rel.split("\\").join("/"), data: await readCapped(p, MAX_FILE) });
        } catch (err) {
          if (err instanceof SubmissionError) throw err;
          flags.push({
            code: "unreadable",
            message: `could not read ${clean(rel)}: ${clean((err as Error).message)}`,
          });
        }
      }
    }
  };
  await visit(root);
  return out;
}

/**
 * Finds the folder that holds the lesson folders (`01_linear_regression/…`).
 *
 * @returns The prefix ("" or "some/path/") and whether several were found.
 */
function findTree(files: RawFile[]): { prefix: string; others: string[] } | null {
  const counts = new Map<string, number>();
  for (const f of files) {
    const parts = f.path.split("/");
    for (let i = 0; i < parts.length - 1; i++) {
      if (LESSON_DIRS.has(parts[i]) && !parts.slice(0, i).includes("solutions")) {
        const prefix = parts.slice(0, i).join("/");
        counts.set(prefix ? prefix + "/" : "", (counts.get(prefix ? prefix + "/" : "") ?? 0) + 1);
        break;
      }
    }
  }
  if (counts.size === 0) return null;
  // The tree with most files wins; ties go to one named exercises/, then the shortest.
  const ranked = [...counts.entries()].sort((a, b) =>
    b[1] - a[1] || Number(b[0].endsWith("exercises/")) - Number(a[0].endsWith("exercises/")) ||
    a[0].length - b[0].length
  );
  return { prefix: ranked[0][0], others: ranked.slice(1).map((r) => r[0] || "./") };
}

/**
 * Files named after exercises (`mse.ts`), wherever they are, placed in their
 * lesson folder (`01_linear_regression/mse.ts`); the shallowest copy of each wins.
 */
function looseFiles(files: RawFile[]): Array<{ from: string; file: RawFile }> {
  const byName = new Map(LESSONS.flatMap((l) => l.exercises.map((e) => [`${e.name}.ts`, l.dir])));
  const best = new Map<string, RawFile>();
  for (const f of files) {
    const base = f.path.split("/").pop()!;
    const lesson = byName.get(base);
    if (!lesson) continue;
    const old = best.get(base);
    if (!old || f.path.split("/").length < old.path.split("/").length) best.set(base, f);
  }
  return [...best.entries()].sort().map(([base, f]) => ({
    from: f.path,
    file: { ...f, path: `${byName.get(base)}/${base}` },
  }));
}

async function copyDir(
  from: string,
  to: string,
  keep: (name: string) => boolean = () => true,
): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    if (!keep(e.name)) continue;
    if (e.isDirectory) await copyDir(join(from, e.name), join(to, e.name));
    else if (e.isFile) await Deno.copyFile(join(from, e.name), join(to, e.name));
  }
}

/**
 * Reads a submission and stages it for judging.
 *
 * @param input A folder or a `.zip` file.
 * @param repoRoot The course repository (for the trusted `lib/`).
 * @returns The staged submission.
 * @throws {SubmissionError} When nothing gradable is found; the message says why.
 */
export async function stageSubmission(input: string, repoRoot: string): Promise<Staged> {
  const flags: Flag[] = [];
  let info: Deno.FileInfo;
  try {
    info = await Deno.lstat(input);
  } catch {
    throw new SubmissionError(`${input} does not exist or cannot be read`);
  }
  let files: RawFile[];
  if (info.isSymlink) {
    throw new SubmissionError(`${input} is a symbolic link; hand in a folder or a .zip file`);
  } else if (info.isDirectory) {
    files = await walk(input, flags);
  } else if (input.endsWith(".zip")) {
    try {
      const zip = readZip(await Deno.readFile(input), {
        maxFileBytes: MAX_FILE,
        keep: (path) => KEEP.test(path),
      });
      files = zip.files;
      for (const path of zip.tooLarge) {
        flags.push({ code: "too-large", message: `skipped ${clean(path)}: larger than 1 MiB` });
      }
      for (const path of zip.special) {
        flags.push({
          code: "not-a-file",
          message: `skipped ${clean(path)}: not a regular file (only plain files are graded)`,
        });
      }
    } catch (e) {
      const why = e instanceof ZipError
        ? e.message
        : `it could not be read (${(e as Error).message})`;
      throw new SubmissionError(
        `${input} cannot be unpacked: ${why}. Re-create it with a zip tool.`,
      );
    }
  } else {
    throw new SubmissionError(`${input} is neither a folder nor a .zip file`);
  }
  if (files.some((f) => /(^|\/)solutions\/\d\d_/.test(f.path))) {
    flags.push({ code: "holds-solutions", message: "the submission contains a solutions/ folder" });
  }
  const hidden = files.filter((f) =>
    /(^|\/)grader\/hidden\//.test(f.path) ||
    /(^|\/)course\/\d\d_\w+\/(\w+\/(hidden|variants)|_\w+)\.ts$/.test(f.path)
  );
  if (hidden.length > 0) {
    flags.push({
      code: "holds-hidden-tests",
      message: `the submission contains the grader's hidden cases or variants: ${
        hidden.slice(0, 3).map((f) => f.path).join(", ")
      }`,
    });
  }
  // The same files hash the same whichever order the folder or archive lists them in.
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let tree = findTree(files);
  if (!tree) {
    // Loose files (mse.ts, predict.ts … with no lesson folders): grade those named after exercises.
    const loose = looseFiles(files);
    if (loose.length > 0) {
      files = loose.map((l) => l.file);
      tree = { prefix: "", others: [] };
      flags.push({
        code: "loose-files",
        message: `no lesson folders: graded the files named after exercises (${
          loose.map((l) => `${l.from} as ${l.file.path}`).join(", ")
        })`,
      });
    }
  }
  if (!tree) {
    throw new SubmissionError(
      `${input} holds no exercise files (expected folders such as exercises/01_linear_regression/)`,
    );
  }
  if (tree.others.length > 0) {
    flags.push({
      code: "several-trees",
      message: `several exercise trees found; graded ${tree.prefix || "./"}, ignored ${
        tree.others.join(", ")
      }`,
    });
  }
  // Staging folders of graders that were killed (their lock is free) go first.
  sweepOwned(tempRoot(), STAGE_PREFIX, (d) => liveStages.has(d));
  const dir = await Deno.makeTempDir({ prefix: STAGE_PREFIX });
  const lock = holdOwnerLock(dir);
  liveStages.add(dir);
  const cleanup = async () => {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    liveStages.delete(dir);
    try {
      lock.close();
    } catch {
      // closed already
    }
  };
  try {
    return await fill(dir, files, tree.prefix, flags, repoRoot, cleanup);
  } catch (e) {
    await cleanup();
    throw e;
  }
}

async function fill(
  dir: string,
  files: RawFile[],
  prefix: string,
  flags: Flag[],
  repoRoot: string,
  cleanup: () => Promise<void>,
): Promise<Staged> {
  const tree = { prefix };
  const staged: string[] = [];
  const hashInput: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const f of files) {
    if (!f.path.startsWith(tree.prefix)) continue;
    const rel = f.path.slice(tree.prefix.length);
    if (!LESSON_DIRS.has(rel.split("/")[0])) continue;
    const dest = join(dir, "exercises", rel);
    await Deno.mkdir(dirname(dest), { recursive: true });
    await Deno.writeFile(dest, f.data);
    staged.push(join("exercises", rel));
    hashInput.push(encoder.encode(rel + "\0"), f.data, encoder.encode("\0"));
  }
  // lib/data holds the labelled digits: the grader sends the student what to train on, and
  // the labels of the digits it holds out must not be readable in the child.
  await copyDir(join(repoRoot, "lib"), join(dir, "lib"), (rel) => rel !== "data");
  await Deno.mkdir(join(dir, "locales", "en"), { recursive: true });
  await Deno.copyFile(
    join(repoRoot, "locales", "en", "messages.json"),
    join(dir, "locales", "en", "messages.json"),
  );
  return {
    dir,
    files: staged.sort(),
    flags,
    hash: await sha256Hex(hashInput),
    cleanup,
  };
}
