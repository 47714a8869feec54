/**
 * What a student kit contains, and a copy of it. Used by the loop's tests
 * (a scratch kit to edit) and by the release command.
 *
 * @module
 */
import { join } from "node:path";

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

async function copyTree(from: string, to: string): Promise<void> {
  const info = await Deno.lstat(from);
  if (info.isSymlink) return; // a kit never carries links
  if (info.isDirectory) {
    await Deno.mkdir(to, { recursive: true });
    for await (const e of Deno.readDir(from)) {
      if (e.name === ".tensorlings") continue;
      await copyTree(join(from, e.name), join(to, e.name));
    }
  } else {
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
      await copyTree(join(root, entry), join(dest, entry));
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
}
