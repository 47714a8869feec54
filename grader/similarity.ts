/**
 * Similarity detection for a class: pairs of submissions whose code for one
 * exercise overlaps suspiciously, with the exercise's stub excluded as a
 * template.
 *
 * The lexing is jscpd's (`@jscpd/tokenizer`: the Prism TypeScript grammar,
 * filtered with jscpd's `weak` mode, which drops whitespace and comments).
 * jscpd's own `Detector` is not used: it keeps only the first file in which a
 * window of tokens occurs, so with three copies it reports two clones against
 * the first and none between the other two, and a clone can run on from one
 * file into another; it also hashes each window with MD5 (about 5 µs a
 * window), too slow for a whole class. The matching is therefore done here, in
 * jscpd's way (fixed windows of `minTokens` tokens, matched by hash) but for
 * every pair:
 *
 * 1. Each file becomes a list of tokens; identifiers (except property names
 *    after `.`) are replaced by `$`, so renaming variables changes nothing.
 * 2. A token is template code when it lies in a window of 8 tokens that also
 *    occurs in the stub. Only windows of `minTokens` non-template tokens
 *    count from then on.
 * 3. Two files share a window when its hash occurs in both. A file's covered
 *    tokens are those inside its shared windows. The score is the share of the
 *    smaller file's non-template tokens that are covered (0…1).
 * 4. The fragment is the longest run of shared windows that follow each other
 *    in both files (the longest common stretch of code), counted in
 *    non-template tokens.
 *
 * Files with the same tokens (verbatim copies, whatever their layout) are
 * compared once as a group. Dolos (`@dodona/dolos-lib`), which matches
 * syntax trees, was the first choice, but its tree-sitter addon needs a
 * compiler to install (or a newer libstdc++ than some machines have) and it
 * does not load in Deno; jscpd is plain JavaScript.
 *
 * @module
 */
import { tokenize } from "@jscpd/tokenizer";
import { type IToken, weak } from "@jscpd/core";
import type { SimilarityPair, StudentPair } from "./class_types.ts";

/** Settings of {@link findSimilarPairs}. */
export interface SimilarityOptions {
  /** Pairs scoring below this are not reported (0…1; default 0.5). */
  minScore?: number;
  /**
   * Tokens in a window: the shortest stretch of non-template code that counts
   * as shared (default 20). A file with fewer non-template tokens than this
   * is never reported.
   */
  minTokens?: number;
  /** Replace identifiers by a placeholder, so renamed copies match (default true). */
  normalizeIdentifiers?: boolean;
}

/** The defaults of {@link SimilarityOptions}. */
export const SIMILARITY_DEFAULTS: Required<SimilarityOptions> = {
  minScore: 0.5,
  minTokens: 20,
  normalizeIdentifiers: true,
};

/** Tokens in the windows that recognise template code. */
const TEMPLATE_WINDOW = 8;

/**
 * Characters of a file compared (cut at a line end): lexing costs about 2 ms
 * a kilobyte, and a solution is a few kilobytes, so a huge file cannot stall
 * the class.
 */
const MAX_SOURCE = 32 * 1024;

/** Lines of a fragment kept in the report. */
const FRAGMENT_LINES = 40;

/**
 * Describes the detector and its settings, for the gradebook.
 *
 * @param options Settings as given to {@link findSimilarPairs}.
 * @returns One line of text.
 */
export function describeSimilarityTool(options: SimilarityOptions = {}): string {
  const o = { ...SIMILARITY_DEFAULTS, ...options };
  return `jscpd 4.2 tokenizer (@jscpd/tokenizer, TypeScript, mode weak: whitespace and comments ignored)` +
    `${o.normalizeIdentifiers ? ", identifiers normalized" : ""}; all-pairs matching of ` +
    `${o.minTokens}-token windows per exercise; stub excluded as template (${TEMPLATE_WINDOW}-token ` +
    `windows); score = share of the smaller file's non-template tokens found in the other; ` +
    `reported when score ≥ ${o.minScore}`;
}

/** The detector and its default settings, as recorded in the gradebook. */
export const SIMILARITY_TOOL: string = describeSimilarityTool();

/** A source file, lexed. */
interface Lexed {
  /** Token ids (interned type + value). */
  ids: Int32Array;
  /** First and last line of each token. */
  startLine: Int32Array;
  endLine: Int32Array;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const RENAMEABLE = new Set(["default", "function", "constant", "class-name"]);

/** Interns token strings as small integers, and caches lexed sources. */
class Lexer {
  #ids = new Map<string, number>();
  #cache = new Map<string, Lexed>();
  constructor(private normalize: boolean) {}

  lex(source: string): Lexed {
    const hit = this.#cache.get(source);
    if (hit) return hit;
    const toks: IToken[] = tokenize(source, "typescript").filter((t) => weak(t));
    const n = toks.length;
    const lexed: Lexed = {
      ids: new Int32Array(n),
      startLine: new Int32Array(n),
      endLine: new Int32Array(n),
    };
    let prev = "";
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      const value = String(t.value);
      let key = `${t.type}\u0000${value}`;
      if (
        this.normalize && RENAMEABLE.has(t.type) && IDENT.test(value) &&
        prev !== "." && prev !== "?."
      ) key = "$";
      let id = this.#ids.get(key);
      if (id === undefined) this.#ids.set(key, id = this.#ids.size);
      lexed.ids[i] = id;
      lexed.startLine[i] = t.loc?.start.line ?? 0;
      lexed.endLine[i] = t.loc?.end.line ?? lexed.startLine[i];
      prev = value;
    }
    this.#cache.set(source, lexed);
    return lexed;
  }
}

/**
 * Hashes of every window of `k` tokens (`ids.length - k + 1` of them), as
 * safe integers: two independent 32-bit polynomial hashes combined.
 */
function windowHashes(ids: Int32Array, k: number): Float64Array {
  const n = ids.length - k + 1;
  const out = new Float64Array(Math.max(0, n));
  for (let p = 0; p < n; p++) {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x01000193 | 0;
    for (let j = p; j < p + k; j++) {
      h1 = Math.imul(h1 ^ ids[j], 0x01000193);
      h2 = Math.imul(h2 + ids[j] + 0x9e3779b9, 0x85ebca6b) ^ (h2 >>> 15);
    }
    out[p] = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
  }
  return out;
}

/** One student's file for one exercise. */
interface Copy {
  /** Index into the students (sorted by id). */
  who: number;
  source: string;
  lexed: Lexed;
  /** The source's lines (computed once). */
  lines: string[] | undefined;
  /** Fragments already cut from it, by line range. */
  cut: Map<number, string> | undefined;
}

/**
 * The files of one exercise with the same tokens (after normalisation), so
 * the same windows: compared once, whatever their layout and comments.
 */
interface Shape {
  /** Its files, in students' order. */
  copies: Copy[];
  /** Per token: 1 when it is not template code. */
  own: Uint8Array;
  /** Non-template tokens. */
  ownCount: number;
  /** Per window position: the window's dense id, or -1 when it does not count. */
  win: Int32Array;
  /** The windows that count: their positions, and their ids. */
  at: Int32Array;
  ids: Int32Array;
  /** The most times one window occurs in the file. */
  repeat: number;
  /** See {@link positions}. */
  where: Map<number, number[]> | undefined;
}

/**
 * Marks the tokens of `lexed` that are template code: those inside a window
 * of {@link TEMPLATE_WINDOW} tokens that also occurs in the template.
 */
function ownTokens(lexed: Lexed, templateWindows: Set<number>): Uint8Array {
  const n = lexed.ids.length;
  const own = new Uint8Array(n).fill(1);
  if (templateWindows.size === 0) return own;
  const k = TEMPLATE_WINDOW;
  const hashes = windowHashes(lexed.ids, k);
  for (let p = 0; p < hashes.length; p++) {
    if (templateWindows.has(hashes[p])) own.fill(0, p, p + k);
  }
  return own;
}

/**
 * How many tokens of `x` lie inside windows that the other file also has
 * (`stamps[id] === stamp`). Windows that count hold only non-template tokens,
 * so these are all non-template tokens.
 */
function coverage(x: Shape, stamps: Uint32Array, stamp: number, k: number): number {
  const { at, ids } = x;
  let count = 0;
  let reach = 0; // tokens before this index are already counted
  for (let i = 0; i < ids.length; i++) {
    if (stamps[ids[i]] !== stamp) continue;
    const p = at[i];
    count += p + k - (p > reach ? p : reach);
    reach = p + k;
  }
  return count;
}

/** Where each window of `f` occurs in it: window id → positions (computed once). */
function positions(f: Shape): Map<number, number[]> {
  if (f.where) return f.where;
  const where = new Map<number, number[]>();
  for (let q = 0; q < f.win.length; q++) {
    const id = f.win[q];
    if (id < 0) continue;
    const list = where.get(id);
    if (list) list.push(q);
    else where.set(id, [q]);
  }
  return f.where = where;
}

/**
 * The longest stretch of windows shared by `a` and `b` in the same order
 * (consecutive in both), measured in non-template tokens of `a`; as token
 * ranges in both.
 */
function longestFragment(
  a: Shape,
  b: Shape,
  k: number,
): { a: [number, number]; b: [number, number] } | null {
  const where = positions(b);
  let best: { a: [number, number]; b: [number, number] } | null = null;
  let bestValue = 0;
  for (let p = 0; p < a.win.length; p++) {
    const id = a.win[p];
    if (id < 0) continue;
    for (const q of where.get(id) ?? []) {
      // Start only at the beginning of a run, then follow its diagonal.
      if (p > 0 && q > 0 && a.win[p - 1] >= 0 && a.win[p - 1] === b.win[q - 1]) continue;
      let d = 1;
      while (
        p + d < a.win.length && q + d < b.win.length && a.win[p + d] >= 0 &&
        a.win[p + d] === b.win[q + d]
      ) d++;
      // All tokens of counted windows are non-template: the run covers d + k - 1 of them.
      const value = d + k - 1;
      if (value > bestValue) {
        bestValue = value;
        best = { a: [p, p + d + k - 2], b: [q, q + d + k - 2] };
      }
    }
  }
  return best;
}

/** The text of lines `from`…`to` (1-based) of `f`, cut to {@link FRAGMENT_LINES} lines. */
function linesOf(f: Copy, from: number, to: number): string {
  f.cut ??= new Map();
  const key = from * 0x100000 + to;
  const known = f.cut.get(key);
  if (known !== undefined) return known;
  f.lines ??= f.source.split(/\r?\n/);
  const lines = f.lines.slice(from - 1, to);
  const rest = lines.length - FRAGMENT_LINES;
  const text = rest <= 0
    ? lines.join("\n")
    : [...lines.slice(0, FRAGMENT_LINES), `… (${rest} more lines)`].join("\n");
  f.cut.set(key, text);
  return text;
}

/**
 * Finds pairs of submissions with suspicious overlap, exercise by exercise.
 *
 * Code that comes from the exercise's stub (its imports, signature, the
 * `throw` left in it) does not count, so two untouched stubs, or two files
 * sharing only the stub's text, are not reported. Whitespace and comments are
 * ignored, and (by default) so are identifiers' names. Only the first 32 KB
 * of a file is compared.
 *
 * @param submissions Each student's `id` and `files`: exercise name (e.g.
 *   `"mse"`) → source text. Exercises a student did not hand in are absent.
 * @param templates Exercise name → the stub's source.
 * @param options `minScore` (default 0.5), `minTokens` (default 20),
 *   `normalizeIdentifiers` (default true).
 * @returns The pairs, `a` < `b` by id, with score ≥ `minScore`, sorted by
 *   score (highest first), then exercise, `a` and `b`.
 */
export async function findSimilarPairs(
  submissions: Array<{ id: string; files: Record<string, string> }>,
  templates: Record<string, string>,
  options: SimilarityOptions = {},
): Promise<SimilarityPair[]> {
  const o = { ...SIMILARITY_DEFAULTS, ...options };
  const k = Math.max(1, Math.floor(o.minTokens));
  const lexer = new Lexer(o.normalizeIdentifiers);
  const students = [...submissions].sort((x, y) => x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const exercises = new Set<string>();
  for (const s of students) for (const name of Object.keys(s.files)) exercises.add(name);

  const pairs: SimilarityPair[] = [];
  for (const exercise of [...exercises].sort()) {
    // Let timers and progress output run between exercises.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const template = templates[exercise];
    const templateWindows = new Set<number>(
      template === undefined ? [] : windowHashes(lexer.lex(template).ids, TEMPLATE_WINDOW),
    );

    // Group the files by their tokens; prepare each group (shape) once:
    // template mask, and dense ids of the windows that count.
    const dense = new Map<number, number>();
    const byTokens = new Map<string, Shape>();
    const shapes: Shape[] = [];
    for (let who = 0; who < students.length; who++) {
      const full = students[who].files[exercise];
      if (typeof full !== "string") continue;
      const source = full.length > MAX_SOURCE
        ? full.slice(0, full.lastIndexOf("\n", MAX_SOURCE) + 1 || MAX_SOURCE)
        : full;
      const lexed = lexer.lex(source);
      const copy: Copy = { who, source, lexed, lines: undefined, cut: undefined };
      const key = lexed.ids.join(",");
      const known = byTokens.get(key);
      if (known) {
        known.copies.push(copy);
        continue;
      }
      const shape = prepare(copy, templateWindows, k, dense);
      byTokens.set(key, shape);
      if (shape.ownCount >= k) shapes.push(shape); // else (nearly) the stub
    }

    /** Reports every pair of copies of `x` and `y` (the same shape when x === y). */
    const report = (x: Shape, y: Shape, score: number, frag: Fragment) => {
      for (const cx of x.copies) {
        for (const cy of y.copies) {
          if (x === y && cy.who <= cx.who) continue;
          pairs.push(
            cx.who < cy.who
              ? pairOf(exercise, students, score, cx, frag.a, cy, frag.b)
              : pairOf(exercise, students, score, cy, frag.b, cx, frag.a),
          );
        }
      }
    };
    const m = shapes.length;
    const stampsB = new Uint32Array(dense.size);
    const stampsA = new Uint32Array(dense.size);
    let stampA = 0;

    // Copies of one shape: their score is the share of own code in counted windows.
    for (let si = 0; si < m; si++) {
      const x = shapes[si];
      if (x.copies.length < 2) continue;
      for (const id of x.ids) stampsB[id] = si + 1;
      const score = coverage(x, stampsB, si + 1, k) / x.ownCount;
      const frag = score >= o.minScore ? longestFragment(x, x, k) : null;
      if (frag) report(x, x, score, frag);
    }

    // Candidate pairs of shapes: sharing windows, and how many (posting lists).
    const holders: number[][] = Array.from({ length: dense.size }, () => []);
    shapes.forEach((f, fi) => {
      for (const id of f.ids) {
        const list = holders[id];
        if (list[list.length - 1] !== fi) list.push(fi);
      }
    });
    const shared = new Uint16Array(m * m);
    for (const list of holders) {
      for (let x = 0; x < list.length; x++) {
        const row = list[x] * m;
        for (let y = x + 1; y < list.length; y++) {
          if (shared[row + list[y]] < 0xffff) shared[row + list[y]]++;
        }
      }
    }
    // Keep the pairs that could reach minScore: c shared windows, each at most
    // `repeat` times in a file, cover at most c × repeat × k of its tokens.
    const partners: number[][] = Array.from({ length: m }, () => []);
    for (let ai = 0; ai < m; ai++) {
      const a = shapes[ai];
      for (let bi = ai + 1; bi < m; bi++) {
        const c = shared[ai * m + bi];
        if (c === 0) continue;
        const b = shapes[bi];
        const upA = (c * a.repeat * k) / a.ownCount;
        const upB = (c * b.repeat * k) / b.ownCount;
        if (scoreOf(a, upA, b, upB) >= o.minScore) partners[bi].push(ai);
      }
    }

    // Coverage both ways; stamp the windows of one shape, then scan its partners.
    for (let bi = 0; bi < m; bi++) {
      if (partners[bi].length === 0) continue;
      const b = shapes[bi];
      for (const id of b.ids) stampsB[id] = m + bi + 1;
      for (const ai of partners[bi]) {
        const a = shapes[ai];
        const inA = coverage(a, stampsB, m + bi + 1, k);
        stampA++;
        for (const id of a.ids) stampsA[id] = stampA;
        const inB = coverage(b, stampsA, stampA, k);
        const score = scoreOf(a, inA / a.ownCount, b, inB / b.ownCount);
        if (score < o.minScore) continue;
        const frag = longestFragment(a, b, k);
        if (frag) report(a, b, score, frag);
      }
    }
  }
  pairs.sort((x, y) =>
    y.score - x.score || cmp(x.exercise, y.exercise) || cmp(x.a, y.a) || cmp(x.b, y.b)
  );
  return pairs;
}

/** Token ranges of a shared fragment in two shapes. */
interface Fragment {
  a: [number, number];
  b: [number, number];
}

/** Prepares a new shape from its first copy: template mask and counted windows. */
function prepare(
  copy: Copy,
  templateWindows: Set<number>,
  k: number,
  dense: Map<number, number>,
): Shape {
  const { lexed } = copy;
  const own = ownTokens(lexed, templateWindows);
  let ownCount = 0;
  for (const x of own) ownCount += x;
  const hashes = windowHashes(lexed.ids, k);
  const win = new Int32Array(hashes.length).fill(-1);
  const at: number[] = [];
  const ids: number[] = [];
  const seen = new Map<number, number>();
  let repeat = 1;
  let run = 0; // non-template tokens ending here
  for (let i = 0; i < lexed.ids.length; i++) {
    run = own[i] ? run + 1 : 0;
    if (run < k) continue;
    const p = i - k + 1;
    let id = dense.get(hashes[p]);
    if (id === undefined) dense.set(hashes[p], id = dense.size);
    win[p] = id;
    at.push(p);
    ids.push(id);
    const times = (seen.get(id) ?? 0) + 1;
    seen.set(id, times);
    if (times > repeat) repeat = times;
  }
  return {
    copies: [copy],
    own,
    ownCount,
    win,
    at: Int32Array.from(at),
    ids: Int32Array.from(ids),
    repeat,
    where: undefined,
  };
}

/** The pair's score: the share found of the one with less code of its own. */
function scoreOf(a: Shape, shareA: number, b: Shape, shareB: number): number {
  return a.ownCount < b.ownCount
    ? shareA
    : b.ownCount < a.ownCount
    ? shareB
    : Math.max(shareA, shareB);
}

/** The reported pair of copies `a` (the lower id) and `b`, with the fragment's token ranges. */
function pairOf(
  exercise: string,
  students: Array<{ id: string }>,
  score: number,
  a: Copy,
  ra: [number, number],
  b: Copy,
  rb: [number, number],
): SimilarityPair {
  const linesA: [number, number] = [a.lexed.startLine[ra[0]], a.lexed.endLine[ra[1]]];
  const linesB: [number, number] = [b.lexed.startLine[rb[0]], b.lexed.endLine[rb[1]]];
  return {
    exercise,
    a: students[a.who].id,
    b: students[b.who].id,
    score: Math.round(score * 1000) / 1000,
    fragment: linesOf(a, linesA[0], linesA[1]),
    linesA,
    linesB,
  };
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Groups per-exercise pairs into pairs of students, ranked by how many
 * exercises overlap, then by mean overlap, then by ids.
 *
 * @param pairs Per-exercise pairs from {@link findSimilarPairs}.
 * @param limit How many student pairs to keep. Because the ranking puts more
 *   exercises first, a pair that is cut never overlaps in more exercises than
 *   one that is kept.
 * @returns The kept student pairs and how many there were in all.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { studentPairs } from "./similarity.ts";
 * const p = (exercise: string, a: string, b: string, score: number) =>
 *   ({ exercise, a, b, score, fragment: "", linesA: [1, 1] as [number, number], linesB: [1, 1] as [number, number] });
 * const { pairs } = studentPairs([p("mse", "a", "b", 1), p("mse", "c", "d", 0.6), p("predict", "c", "d", 0.6)], 1);
 * assert.deepEqual(pairs.map((s) => [s.a, s.b, s.exercises]), [["c", "d", 2]]);
 * ```
 */
export function studentPairs(
  pairs: SimilarityPair[],
  limit: number,
): { pairs: StudentPair[]; found: number } {
  const byPair = new Map<string, SimilarityPair[]>();
  for (const p of pairs) {
    const key = JSON.stringify([p.a, p.b]);
    const list = byPair.get(key);
    if (list) list.push(p);
    else byPair.set(key, [p]);
  }
  const all: StudentPair[] = [...byPair.values()].map((evidence) => ({
    a: evidence[0].a,
    b: evidence[0].b,
    exercises: evidence.length,
    meanScore: evidence.reduce((s, p) => s + p.score, 0) / evidence.length,
    evidence: evidence.sort((x, y) => y.score - x.score || (x.exercise < y.exercise ? -1 : 1)),
  }));
  all.sort((x, y) =>
    y.exercises - x.exercises || y.meanScore - x.meanScore ||
    (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0)
  );
  return { pairs: all.slice(0, limit), found: all.length };
}
