/**
 * Per-student, per-attempt random inputs. A case's seed is an HMAC of the
 * course secret, the student's ID, the case's stable id and the attempt (the
 * content hash of the student's file): a regrade of the same submission gets
 * the same numbers, a resubmission gets new ones (so resubmitting cannot
 * collect the expected values of fixed inputs), two students get different
 * ones, and without the secret nobody can compute another student's inputs.
 *
 * @module
 */
import { dirname } from "node:path";
import { createHmac } from "node:crypto";

/** The key used when no student ID is given: the same inputs for everyone. */
const PUBLIC_KEY = new TextEncoder().encode("tensorlings-public-inputs");

/**
 * Reads the course secret, creating a random one on first use.
 *
 * @param path Where it is kept (outside the student kit).
 * @returns The secret's bytes and whether it was just created.
 */
export async function loadSecret(path: string): Promise<{ key: Uint8Array; created: boolean }> {
  try {
    const text = (await Deno.readTextFile(path)).trim();
    if (text.length < 16) {
      throw new RangeError(`The course secret in ${path} is too short: use at least 16 characters`);
    }
    return { key: new TextEncoder().encode(text), created: false };
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const text = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  await Deno.mkdir(dirname(path), { recursive: true });
  await Deno.writeTextFile(path, text + "\n", { mode: 0o600, createNew: true });
  return { key: new TextEncoder().encode(text), created: true };
}

/**
 * The seed for one case.
 *
 * @param secret The course secret (ignored without a student).
 * @param student The student's ID, or undefined for the public inputs.
 * @param exercise The exercise's name.
 * @param caseId The case's stable id (`id`, or its name while it has none).
 * @param attempt The attempt: the content hash of the student's file (omitted: none).
 * @returns A 32-bit seed.
 */
export function caseSeed(
  secret: Uint8Array | null,
  student: string | undefined,
  exercise: string,
  caseId: string,
  attempt = "",
): number {
  const keyBytes = student !== undefined && secret ? secret : PUBLIC_KEY;
  // node:crypto's HMAC is synchronous and much cheaper per call than WebCrypto's.
  const mac = createHmac("sha256", keyBytes)
    .update(`${student ?? ""}\0${exercise}\0${caseId}${attempt ? `\0${attempt}` : ""}`)
    .digest();
  return mac.readUInt32BE(0);
}

/**
 * A fingerprint of the course secret, safe to store in a record: it tells
 * whether two records were graded with the same secret without revealing it.
 *
 * @param secret The course secret, or null.
 * @returns Hex digits ("" without a secret).
 */
export function secretFingerprint(secret: Uint8Array | null | undefined): string {
  if (!secret) return "";
  return createHmac("sha256", secret).update("tensorlings-secret-fingerprint").digest("hex")
    .slice(0, 16);
}
