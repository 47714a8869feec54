/**
 * Makes text a student controls (messages, IDs, file names, returned
 * strings) safe to show: on a terminal (no escape sequences, no line breaks
 * that could forge a line such as `Total: 130 / 130`), in XML, and in a
 * spreadsheet.
 *
 * @module
 */

import { clean, NON_CHARACTERS } from "../lib/clean.ts";

export { clean };

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
