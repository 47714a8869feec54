/**
 * Content hashes for submissions and the grader.
 *
 * @module
 */

/**
 * SHA-256 of some byte strings taken in order, as hex.
 *
 * @param parts The bytes.
 * @returns 64 hex digits.
 */
export async function sha256Hex(parts: Uint8Array[]): Promise<string> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
