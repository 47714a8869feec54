/**
 * Makes text a student controls (messages, IDs, file names, returned
 * strings) safe to show: on a terminal (no escape sequences, no line breaks
 * that could forge a line such as `Total: 130 / 130`), in XML, and in a
 * spreadsheet.
 *
 * @module
 */

// ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-byte ones.
const ESCAPES =
  // deno-lint-ignore no-control-regex
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what is shown.
// deno-lint-ignore no-control-regex
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** Lone surrogates, and U+FFFE / U+FFFF: not characters, and not allowed in XML. */
const NON_CHARACTERS =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/**
 * One line of plain, printable text: escape sequences removed, line breaks
 * and other control characters shown as a space, non-characters as U+FFFD.
 *
 * @param text Anything (a non-string is converted).
 * @param max Longest result, in characters (longer text ends with "…").
 * @returns The cleaned text.
 */
export function clean(text: unknown, max = 2000): string {
  const s = String(text ?? "").slice(0, max * 2).replace(ESCAPES, "").replace(CONTROLS, " ")
    .replace(NON_CHARACTERS, "\ufffd");
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/** Whether a CSV cell is a plain number (kept as it is rather than guarded). */
export function isPlainNumber(s: string): boolean {
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(s);
}

/**
 * A CSV cell that a spreadsheet never reads as a formula: a cell starting
 * with = + - @, a tab or a carriage return is prefixed with `'` unless it is
 * a plain number; text is cleaned of control characters; quoted when needed.
 *
 * @param v The value.
 * @returns The CSV field.
 */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null
    ? ""
    : typeof v === "string"
    ? clean(v, 100_000)
    : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !isPlainNumber(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Text for XML (attribute values and element content): escaped, and with
 * every character XML 1.0 does not allow removed or replaced.
 *
 * @param text The text.
 * @returns The escaped text.
 */
export function xmlText(text: string): string {
  return String(text).replace(NON_CHARACTERS, "\ufffd")
    // deno-lint-ignore no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "")
    .replace(
      /[<>&"']/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
    );
}
