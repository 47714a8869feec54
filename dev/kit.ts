/**
 * What a student kit contains, and a copy of it: no solutions, hidden cases
 * or variant code. Used by the loop's tests
 * (a scratch kit to edit) and by the release command.
 *
 * @module
 */
import { join } from "node:path";
import { collectOriginals } from "./originals.ts";

/** Top-level entries of the student kit (no solutions, no hidden tests). */
export const KIT_ENTRIES = [
  "deno.json",
  "deno.lock",
  "README.md",
  "lib",
  "learner",
  "course",
  "locales",
  "lessons",
  "exercises",
];

/** What of `course/` the kit carries: the manifest and its types, and data. Never hidden cases or variant code. */
const COURSE_KIT = [
  /^course\/(manifest|types|load|define|budget)\.ts$/,
  /^course\/\d\d_\w+\/\w+\/diagnosis\.json$/,
];

/**
 * Whether a repository file belongs in the student kit (within the kit's entries).
 *
 * @param rel The path relative to the repository, with `/` separators.
 * @returns `false` for the grader's side of the course (hidden cases, variants, their helpers).
 */
export function inKit(rel: string): boolean {
  return !rel.startsWith("course/") || COURSE_KIT.some((re) => re.test(rel));
}

async function copyTree(from: string, to: string, rel: string): Promise<void> {
  const info = await Deno.lstat(from);
  if (info.isSymlink) return; // a kit never carries links
  if (info.isDirectory) {
    for await (const e of Deno.readDir(from)) {
      if (e.name === ".tensorlings") continue;
      await copyTree(join(from, e.name), join(to, e.name), `${rel}/${e.name}`);
    }
  } else if (inKit(rel)) {
    await Deno.mkdir(join(to, ".."), { recursive: true });
    await Deno.copyFile(from, to);
  }
}

/**
 * Copies the kit's entries from `root` into `dest`.
 *
 * @param root The repository.
 * @param dest The folder to create (its parent must exist).
 * @param entries Top-level entries to copy; those missing are skipped.
 */
export async function copyKit(root: string, dest: string, entries = KIT_ENTRIES): Promise<void> {
  await Deno.mkdir(dest, { recursive: true });
  for (const entry of entries) {
    try {
      await copyTree(join(root, entry), join(dest, entry), entry);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  if (entries.includes("exercises")) {
    // The pristine stubs, for `reset` in a kit whose exercises/ the learner edits.
    await Deno.mkdir(join(dest, "course"), { recursive: true });
    await Deno.writeTextFile(
      join(dest, "course", "originals.json"),
      JSON.stringify(await collectOriginals(root), null, 2) + "\n",
    );
  }
}
