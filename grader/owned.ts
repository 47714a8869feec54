/**
 * Scratch folders a grader owns while it runs (its staging folders, its
 * children's cache folder), and their removal once the owner is gone. The
 * owner holds a lock on a file in each for as long as it uses it; the next
 * grader to start removes the folders whose lock is free, because their owner
 * ended, however it ended (killed, crashed, out of memory). No process IDs are
 * involved: reading /proc takes permissions the grader's tasks do not have.
 *
 * @module
 */
import { join } from "node:path";

/** Where the OS puts temporary folders (`Deno.makeTempDir`'s default): `$TMPDIR`, else /tmp. */
export function tempRoot(): string {
  return Deno.env.get("TMPDIR") || "/tmp";
}

/** The file in an owned folder that its owner holds locked. */
export const OWNER_LOCK = "owner.lock";
/** A folder with no lock file yet is being made, unless it is older than this (ms). */
const UNLOCKED_GRACE_MS = 10 * 60_000;

/**
 * Creates the lock file in a folder and holds it: until it is closed, or the
 * process ends, sweeps leave the folder alone.
 *
 * @param dir The folder, just made.
 * @returns The open, locked file (close it when the folder is removed).
 */
export function holdOwnerLock(dir: string): Deno.FsFile {
  const lock = Deno.openSync(join(dir, OWNER_LOCK), { read: true, write: true, create: true });
  lock.lockSync(true);
  return lock;
}

/**
 * Removes the folders `<tmp>/<prefix>*` whose owner has ended (their lock is
 * free), and those without a lock file older than ten minutes.
 *
 * @param tmp The folder holding them.
 * @param prefix Their names' prefix.
 * @param mine Folders of this process, never touched.
 */
export function sweepOwned(tmp: string, prefix: string, mine: (dir: string) => boolean): void {
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(tmp)];
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory || !e.name.startsWith(prefix)) continue;
    const dir = join(tmp, e.name);
    if (mine(dir)) continue;
    let lock: Deno.FsFile | undefined;
    try {
      lock = Deno.openSync(join(dir, OWNER_LOCK), { read: true, write: true });
      // Held: its grader is running. Free: it ended, killed or not.
      if (!lock.tryLockSync(true)) continue;
    } catch {
      // No lock file: its owner may be making it now, unless it is old. Gone already:
      // another grader swept it first.
      let mtime: number;
      try {
        mtime = Deno.statSync(dir).mtime?.getTime() ?? Date.now();
      } catch {
        continue;
      }
      if (Date.now() - mtime < UNLOCKED_GRACE_MS) continue;
    } finally {
      lock?.close();
    }
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch {
      // another grader removed it first, or it is not ours to remove
    }
  }
}
