/**
 * Reads a student's file before anything runs. Deno loads literal import
 * specifiers (static, and `import("…")` with a literal) as part of the
 * module graph without asking `--allow-read`, so such imports must stay
 * inside the submission; this refuses the ones that do not.
 *
 * The file is read by a real lexer (`es-module-lexer`, which also lexes
 * TypeScript's type-only syntax), so the work is linear in the file's size
 * and a regular expression that looks like a comment, an escaped quote or a
 * computed `..` cannot hide an import. Specifiers are resolved the way Deno
 * resolves them (WHATWG URLs, so `%2e%2e` is `..`). What the lexer cannot
 * read, or an import whose target cannot be known before running (a computed
 * `import(…)`), is refused: the file is never run.
 *
 * Which tfjs ops an exercise calls is recorded at run time by the child
 * (`grader/tf_recorder.ts`), not guessed from the text.
 *
 * @module
 */
import { init, parse } from "es-module-lexer";
import { join, normalize } from "node:path";
import { pathToFileURL } from "node:url";

await init();

/** Bare specifiers a submission may import (the import map's, and node built-ins). */
const ALLOWED_BARE = new Set(["@tensorflow/tfjs", "mathjs"]);
/** At most this many findings are reported per file; the rest are counted. */
export const MAX_FINDINGS = 20;
/** The largest file scanned; a larger one is refused (the staging cap is the same). */
export const MAX_SCAN_BYTES = 1024 * 1024;

/** One refused thing in a file. */
export interface Finding {
  /** `forbidden-import`, or `syntax-error` when the file cannot be parsed (it is not run either). */
  kind: "forbidden-import" | "syntax-error";
  detail: string;
  line: number;
}

/**
 * Builds a function from a character index to its 1-based line number; the
 * line starts are found once (linear), each look-up is a binary search.
 *
 * @param src The text.
 * @returns The look-up.
 */
export function lineIndex(src: string): (index: number) => number {
  const starts = [0];
  for (let i = src.indexOf("\n"); i >= 0; i = src.indexOf("\n", i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** One import of a module, as the lexer read it. */
export interface ImportRef {
  /** The specifier's value (escapes decoded), or null when computed at run time. */
  spec: string | null;
  line: number;
  kind: "static" | "reexport" | "dynamic" | "worker";
  /** The statement's text for a static import (`import { a } from "x"`), else "". */
  statement: string;
}

/** A file the lexer could not read. */
export class LexError extends Error {
  /** @param message What failed, with the line. */
  constructor(message: string) {
    super(message);
    this.name = "LexError";
  }
}

/** `new Worker(` followed by a literal or `new URL(literal`: Deno loads the worker's graph too. */
function workerRefs(src: string, lineOf: (i: number) => number): ImportRef[] {
  const out: ImportRef[] = [];
  // Each look-ahead is bounded, so this stays linear.
  const re = /\bWorker\s*\(\s*(?:new\s+URL\s*\(\s*)?(["'`])/g;
  for (const m of src.matchAll(re)) {
    const q = m[1];
    const start = (m.index ?? 0) + m[0].length;
    const end = src.indexOf(q, start);
    const spec = end < 0 || end - start > 4096 || src.slice(start, end).includes("\\")
      ? null
      : src.slice(start, end);
    out.push({ spec, line: lineOf(m.index ?? 0), kind: "worker", statement: "" });
  }
  return out;
}

/**
 * Lists the imports of a module (static, re-exports, dynamic, workers) with their lines.
 *
 * @param src The source text.
 * @returns Each import.
 * @throws {LexError} When the lexer cannot read the file.
 */
export function imports(src: string): ImportRef[] {
  const lineOf = lineIndex(src);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(src);
  } catch (e) {
    const idx = (e as { idx?: number }).idx;
    throw new LexError(
      `the file could not be parsed${
        idx === undefined ? "" : ` (line ${lineOf(idx)})`
      }: a syntax error, or syntax the grader does not accept`,
    );
  }
  const out: ImportRef[] = [];
  for (const im of parsed[0]) {
    if (im.type === "import-meta") continue;
    if (im.type === "dynamic") {
      // Only a plain string literal is known before running; a template or an expression is not.
      out.push({
        spec: im.specifier ?? null,
        line: lineOf(im.start),
        kind: "dynamic",
        statement: "",
      });
      continue;
    }
    if (im.typeOnly) continue; // erased: never loaded
    out.push({
      spec: im.specifier,
      line: lineOf(im.start),
      kind: im.type === "reexport-star" || src.startsWith("export", im.importStart)
        ? "reexport"
        : "static",
      statement: src.slice(im.importStart, im.start - 1),
    });
  }
  out.push(...workerRefs(src, lineOf));
  return out;
}

/**
 * Lists the literal import specifiers of a module with their lines.
 *
 * @param src The source text.
 * @returns Each specifier and its line (computed ones as `null`).
 * @throws {LexError} When the lexer cannot read the file.
 */
export function importSpecifiers(src: string): Array<{ spec: string | null; line: number }> {
  return imports(src).map(({ spec, line }) => ({ spec, line }));
}

/** Why a specifier is refused, or null when it stays inside the submission. */
function refusal(spec: string | null, fileUrl: URL, stageDir: string): string | null {
  if (spec === null) {
    return "an import whose target is computed at run time cannot be checked before running";
  }
  if (ALLOWED_BARE.has(spec) || /^node:[a-z_/]+$/.test(spec)) return null;
  let url: URL;
  try {
    // Deno resolves relative specifiers as URLs: "%2e%2e" and "\" are ".." and "/" here too.
    if (!/^\.{0,2}\//.test(spec)) throw new Error("not relative");
    url = new URL(spec, fileUrl);
  } catch {
    return `import of "${spec}" reaches outside the submission`;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return `import of "${spec}" is not a valid path`;
  }
  // A decoded "%2f" or "%5c" would make new separators or ".." segments for the file system.
  const segments = path.split(/[\\/]/);
  const target = normalize(path);
  const inside = [join(stageDir, "exercises"), join(stageDir, "lib")].some((d) =>
    target.startsWith(d + "/")
  );
  if (url.protocol !== "file:" || segments.includes("..") || path.includes("\0") || !inside) {
    return `import of "${spec}" reaches outside the submission`;
  }
  return null;
}

/**
 * Checks one staged file.
 *
 * @param stageDir The staging folder (holds `exercises/` and `lib/`).
 * @param relPath The file, relative to `stageDir`.
 * @param src Its text.
 * @returns What was found (empty when clean; at most {@link MAX_FINDINGS} and a count of the rest).
 */
export function scanFile(stageDir: string, relPath: string, src: string): Finding[] {
  if (src.length > MAX_SCAN_BYTES) {
    return [{ kind: "forbidden-import", detail: "the file is larger than 1 MiB", line: 1 }];
  }
  let refs: ImportRef[];
  try {
    refs = imports(src);
  } catch (e) {
    return [{ kind: "syntax-error", detail: (e as Error).message, line: 1 }];
  }
  const fileUrl = pathToFileURL(join(stageDir, relPath));
  const findings: Finding[] = [];
  let more = 0;
  for (const { spec, line } of refs) {
    const why = refusal(spec, fileUrl, stageDir);
    if (!why) continue;
    if (findings.length < MAX_FINDINGS) {
      findings.push({ kind: "forbidden-import", detail: why.slice(0, 300), line });
    } else more++;
  }
  if (more > 0) {
    findings.push({
      kind: "forbidden-import",
      detail: `and ${more} more refused imports`,
      line: findings[findings.length - 1].line,
    });
  }
  return findings;
}
