/**
 * One line of printable text from text someone else controls (a student's
 * message, a test's note): shared by the grader's outputs and the learner's
 * loop, so both show such text the same safe way.
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
export const NON_CHARACTERS =
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
