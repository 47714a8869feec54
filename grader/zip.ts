/**
 * Reads a `.zip` upload with limits a hostile archive cannot get past.
 * Inflating is done by `fflate` (a well-kept library), as a stream fed in
 * small pieces, so memory stays bounded and work stops as soon as a limit is
 * passed. On top of it, this checks what a zip bomb or a forged archive
 * relies on:
 *
 * - the bytes that really come out are counted, against one budget for the
 *   whole archive (64 MiB by default) and a cap per file (1 MiB, as for
 *   folders); what an entry declares is only checked, never trusted;
 * - every entry's data must lie inside the archive, before the directory,
 *   and no two entries may share bytes (one record listed many times);
 * - the local header must agree with the directory (name, method, sizes
 *   when given), the inflated size with the declared one, and names must be
 *   unique;
 * - paths that climb out (`../`), absolute paths, encrypted entries, zip64
 *   and anything that is not a regular file (symlinks, devices) are refused
 *   or left out.
 *
 * @module
 */
import { Inflate } from "fflate";

/** One file read from an archive. */
export interface ZipFile {
  path: string;
  data: Uint8Array;
}

/** What an archive held. */
export interface ZipContents {
  /** Regular files that were read. */
  files: ZipFile[];
  /** Files left out because they inflate past the per-file cap. */
  tooLarge: string[];
  /** Entries left out because they are not regular files (symlinks, devices). */
  special: string[];
}

/** A problem with an archive, with a sentence for the instructor. */
export class ZipError extends Error {
  /** @param message What is wrong and what to do. */
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/** Limits for {@link readZip}. */
export interface ZipLimits {
  /** Inflated bytes allowed for the whole archive (default 64 MiB). */
  maxBytes?: number;
  /** Inflated bytes allowed per file (default 1 MiB); a larger file is left out. */
  maxFileBytes?: number;
  /** Entries allowed (default 10 000). */
  maxEntries?: number;
  /** Which files to read at all (by path); others are listed in the directory only. */
  keep?: (path: string) => boolean;
}

/** Compressed bytes handed to the inflater at once: its output per step stays near 1 MiB. */
const STEP = 1024;

class TooLarge extends Error {}

/**
 * Inflates raw DEFLATE data, counting the bytes that come out.
 *
 * @param data The compressed bytes.
 * @param cap The most bytes this entry may produce (throws TooLarge past it).
 * @param budget The archive's remaining budget (throws a ZipError past it).
 */
function inflateCapped(data: Uint8Array, cap: number, budget: { left: number }): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    budget.left -= chunk.length;
    if (budget.left < 0) throw new ZipError("the archive expands to more than its limit");
    if (total > cap) throw new TooLarge();
    chunks.push(chunk.slice());
    ended ||= final;
  });
  try {
    for (let at = 0; at < data.length; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipError || e instanceof TooLarge) throw e;
    throw new ZipError(`an entry is damaged (${(e as Error).message})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads the files of a zip archive.
 *
 * @param bytes The archive.
 * @param limits The limits (defaults: 64 MiB in all, 1 MiB per file, 10 000 entries).
 * @returns The files read, and those left out.
 * @throws {ZipError} When it is not a zip, is damaged or forged, or breaks the total limit.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipContents {
  const maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  const maxFile = limits.maxFileBytes ?? 1024 * 1024;
  const maxEntries = limits.maxEntries ?? 10_000;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("it is not a zip archive (no end-of-archive record found)");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdStart = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdStart === 0xffffffff) {
    throw new ZipError("the archive uses zip64, which is not accepted; re-zip it with a zip tool");
  }
  if (count > maxEntries) throw new ZipError(`the archive has more than ${maxEntries} entries`);
  if (cdStart + cdSize > eocd) throw new ZipError("the archive's directory is damaged");
  const out: ZipContents = { files: [], tooLarge: [], special: [] };
  const budget = { left: maxBytes };
  const ranges: Array<[number, number]> = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let p = cdStart;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdStart + cdSize || view.getUint32(p, true) !== 0x02014b50) {
      throw new ZipError("the archive's directory is damaged");
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const local = view.getUint32(p + 42, true);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const path = decoder.decode(rawName);
    p += 46 + nameLen + extraLen + commentLen;
    if (p > cdStart + cdSize) throw new ZipError("the archive's directory is damaged");
    // Where the entry's bytes lie, and that its local header agrees with the directory.
    if (local + 30 > cdStart || view.getUint32(local, true) !== 0x04034b50) {
      throw new ZipError(`the archive is damaged (entry ${JSON.stringify(path)})`);
    }
    const localNameLen = view.getUint16(local + 26, true);
    const start = local + 30 + localNameLen + view.getUint16(local + 28, true);
    const end = start + compSize;
    const localName = bytes.subarray(local + 30, local + 30 + localNameLen);
    const localSizes = [view.getUint32(local + 18, true), view.getUint32(local + 22, true)];
    if (
      end > cdStart || view.getUint16(local + 8, true) !== method ||
      localName.length !== rawName.length || !localName.every((b, i) => b === rawName[i]) ||
      (!(flags & 8) && (localSizes[0] !== compSize || localSizes[1] !== size))
    ) {
      throw new ZipError(
        `the archive is inconsistent: entry ${JSON.stringify(path)} differs from its directory`,
      );
    }
    ranges.push([local, end]);
    if (flags & 1) throw new ZipError("the archive is encrypted; hand in an unencrypted zip");
    if (path.endsWith("/")) continue;
    const parts = path.split(/[\\/]/);
    if (
      path.startsWith("/") || path.startsWith("\\") || /^[A-Za-z]:/.test(path) ||
      parts.includes("..") || path.includes("\0")
    ) {
      throw new ZipError(`the archive holds a path that leaves its folder: ${path}`);
    }
    const clean = parts.filter((s) => s !== "" && s !== ".").join("/");
    if (names.has(clean)) throw new ZipError(`the archive holds ${clean} twice`);
    names.add(clean);
    const type = (externalAttrs >>> 16) & 0o170000;
    if (type !== 0 && type !== 0o100000) {
      out.special.push(clean); // a symlink, device, FIFO or socket: never extracted
      continue;
    }
    if (limits.keep && !limits.keep(clean)) continue;
    if (method !== 0 && method !== 8) {
      throw new ZipError(`the archive uses compression method ${method}; re-zip it with deflate`);
    }
    const raw = bytes.subarray(start, end);
    let data: Uint8Array;
    try {
      if (method === 0) {
        if (raw.length > maxFile) throw new TooLarge();
        budget.left -= raw.length;
        if (budget.left < 0) throw new ZipError("the archive expands to more than its limit");
        data = raw.slice();
      } else data = inflateCapped(raw, Math.min(maxFile, size), budget);
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      if (size < maxFile) {
        // It inflates past the size it declares: stop there, a forged entry.
        throw new ZipError(
          `the archive is inconsistent: ${clean} expands past the ${size} bytes its directory says`,
        );
      }
      out.tooLarge.push(clean);
      continue;
    }
    if (data.length !== size) {
      throw new ZipError(
        `the archive is inconsistent: ${clean} holds ${data.length} bytes, its directory says ${size}`,
      );
    }
    out.files.push({ path: clean, data });
  }
  // No two entries may share bytes (a zip bomb lists one record many times).
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] < ranges[i - 1][1]) throw new ZipError("the archive's entries overlap");
  }
  return out;
}
