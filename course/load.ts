/**
 * Reads what the learner's kit holds about one exercise: its texts (hints,
 * misconception titles and explanations) and its diagnosis data (the probe
 * inputs and each known-wrong variant's outputs on them). Only data: the
 * variants' code stays with the grader.
 *
 * @module
 */
import { join } from "node:path";
import type { ResolvedExercise } from "./types.ts";
import { fromWire } from "../lib/wire.ts";

/** The title and explanation of one misconception. */
export interface MisconceptionText {
  title: string;
  explain: string;
}

/** An exercise's words in one language: `locales/<lang>/<lesson>/<name>.json`. */
export interface ExerciseTexts {
  /** Three hints: a nudge, the formula, nearly the answer. */
  hints: string[];
  /** Misconception id → its text. */
  misconceptions: Record<string, MisconceptionText>;
}

/** One variant's outputs on the probes (`{ threw: true }` where it threw). */
export interface VariantOutputs {
  id: string;
  section: string;
  outputs: unknown[];
}

/** An exercise's diagnosis data: `course/<lesson>/<name>/diagnosis.json`. */
export interface DiagnosisData {
  /** Inputs to call the learner's function on (function arguments as `{ $fn, params }`). */
  probes: unknown[][];
  variants: VariantOutputs[];
}

/**
 * Reads an exercise's texts in a language.
 *
 * @param root The kit's (or repository's) root folder.
 * @param ex The exercise.
 * @param lang A folder under `locales/`.
 * @returns The texts, or `null` when the file is missing.
 * @throws {SyntaxError} When the file is not valid JSON.
 */
export async function readTexts(
  root: string,
  ex: ResolvedExercise,
  lang = "en",
): Promise<ExerciseTexts | null> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(root, ex.textsFile(lang)));
  } catch {
    return null;
  }
  const parsed = JSON.parse(text) as Partial<ExerciseTexts>;
  return { hints: parsed.hints ?? [], misconceptions: parsed.misconceptions ?? {} };
}

/**
 * Reads an exercise's diagnosis data.
 *
 * @param root The kit's (or repository's) root folder.
 * @param ex The exercise.
 * @returns The data, or `null` when the exercise has none.
 */
export async function readDiagnosis(
  root: string,
  ex: Pick<ResolvedExercise, "diagnosisFile">,
): Promise<DiagnosisData | null> {
  try {
    return fromWire(
      JSON.parse(await Deno.readTextFile(join(root, ex.diagnosisFile))),
    ) as DiagnosisData;
  } catch {
    return null;
  }
}
