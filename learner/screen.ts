/**
 * Fits the learner's screen to the terminal: lines wrap at word boundaries
 * to its width (colour codes take no room), and when a long body does not
 * fit its height the body is cut, never the header (progress, exercise,
 * file to edit) or the keys, with a line saying how to see the rest.
 *
 * @module
 */

/** The terminal's size; `Infinity` for a dimension that is unknown (not a terminal, or 0). */
export function screenSize(): { columns: number; rows: number } {
  try {
    const { columns, rows } = Deno.consoleSize();
    return { columns: columns > 0 ? columns : Infinity, rows: rows > 0 ? rows : Infinity };
  } catch {
    return { columns: Infinity, rows: Infinity };
  }
}

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/y;

/** Columns a code point takes: 2 for wide (CJK, most emoji), else 1. */
function cellWidth(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x231a && cp <= 0x231b) ||
      (cp >= 0x23e9 && cp <= 0x23f3) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff)
    ? 2
    : 1;
}

/** Splits text into escape sequences (width 0) and characters (with their width). */
function cells(text: string): Array<{ s: string; w: number }> {
  const out: Array<{ s: string; w: number }> = [];
  let i = 0;
  while (i < text.length) {
    ANSI.lastIndex = i;
    const m = ANSI.exec(text);
    if (m) {
      out.push({ s: m[0], w: 0 });
      i += m[0].length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    out.push({ s: ch, w: cellWidth(cp) });
    i += ch.length;
  }
  return out;
}

/**
 * The columns a text takes on screen (colour codes take none).
 *
 * @param text One line.
 * @returns Its width.
 */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const c of cells(text)) width += c.w;
  return width;
}

/**
 * Wraps one line to a width at spaces. Continuation lines keep the line's
 * indentation; a single word wider than the line (a long path) is the only
 * thing ever broken inside.
 *
 * @param line One line (no newline).
 * @param width The terminal's columns.
 * @returns The lines it takes.
 */
export function wrapLine(line: string, width: number): string[] {
  if (!Number.isFinite(width) || visibleWidth(line) <= width) return [line];
  const indentText = /^ */.exec(line)![0];
  const indent = indentText.length < width / 2 ? indentText : "";
  const words = line.slice(indentText.length).split(/ +/).filter((w) => w !== "");
  const out: string[] = [];
  let cur = indentText;
  let curW = indentText.length;
  let empty = true;
  const flush = () => {
    out.push(cur);
    cur = indent;
    curW = indent.length;
    empty = true;
  };
  for (const word of words) {
    const w = visibleWidth(word);
    if (!empty && curW + 1 + w > width) flush();
    if (curW + (empty ? 0 : 1) + w <= width) {
      cur += (empty ? "" : " ") + word;
      curW += (empty ? 0 : 1) + w;
      empty = false;
      continue;
    }
    // A word wider than a whole line: break it where the line ends.
    for (const c of cells(word)) {
      if (curW + c.w > width && !empty) flush();
      cur += c.s;
      curW += c.w;
      if (c.w > 0) empty = false;
    }
  }
  if (!empty || out.length === 0) out.push(cur);
  return out;
}

/**
 * Wraps a text of several lines.
 *
 * @param text The text.
 * @param width The terminal's columns.
 * @returns Its screen lines.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) out.push(...wrapLine(line, width));
  return out;
}

/** The parts of a screen, top to bottom. */
export interface ScreenParts {
  /** Always shown, at the top (progress, exercise, file to edit). */
  head: string;
  /** The verdict: cut first when the screen is too small. */
  body: string;
  /** What the learner just asked for (a hint, the list, the theory): cut after the body. */
  note?: string;
  /** Always shown, at the bottom (keys, status, prompt). */
  tail: string;
}

/**
 * Lays out a screen wrapped to the width. When it does not fit the height,
 * the body is cut first, then the note, each ending with `more(hidden
 * lines)`; the head and the tail are always shown.
 *
 * @param parts The screen's parts.
 * @param columns The terminal's columns.
 * @param rows The terminal's rows.
 * @param more The line that says how many lines were cut and how to see them.
 * @returns The screen's lines.
 */
export function fitScreen(
  parts: ScreenParts,
  columns: number,
  rows: number,
  more: (hidden: number) => string,
): string[] {
  const wrap = (text: string | undefined) => text ? wrapText(text, columns) : [];
  const h = wrap(parts.head);
  const b = wrap(parts.body);
  const n = wrap(parts.note);
  const tl = wrap(parts.tail);
  const gap = (xs: string[]) => xs.length > 0 ? [""] : [];
  const assemble = (body: string[], note: string[]) => [
    ...h,
    ...body,
    ...(body.length > 0 && (note.length > 0 || tl.length > 0) ? [""] : []),
    ...note,
    ...gap(note),
    ...tl,
  ];
  const all = assemble(b, n);
  if (!Number.isFinite(rows) || all.length <= rows) return all;
  const moreLines = wrap(more(0)).length;
  const cut = (lines: string[], room: number) => {
    if (lines.length <= room) return lines;
    const keep = Math.max(0, room - moreLines);
    // A colour opened in a line that is cut must not run on into the rest.
    const reset = lines.slice(0, keep).some((l) => l.includes("\x1b[")) ? "\x1b[0m" : "";
    return [...lines.slice(0, keep), ...wrap(reset + more(lines.length - keep))];
  };
  const fixed = h.length + tl.length + gap(n).length;
  // The body keeps at least its "more" line (and the blank line after it).
  const bodyMin = b.length > 0 ? 1 + Math.min(b.length, moreLines) : 0;
  const note = cut(n, Math.max(0, rows - fixed - bodyMin));
  const bodyRoom = Math.max(0, rows - fixed - note.length - (b.length > 0 ? 1 : 0));
  const out = assemble(cut(b, bodyRoom), note);
  // On a terminal too small even for that, the keys still show.
  return out.length <= rows ? out : [...out.slice(0, Math.max(0, rows - tl.length)), ...tl];
}
