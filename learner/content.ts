/**
 * The words of the course for the learner's language: hints and the
 * misconception texts, read from `locales/<lang>/<lesson>/<name>.json`.
 * English fills any gap.
 *
 * @module
 */
import { type Catalogue, useCatalogue } from "../lib/i18n.ts";
import { allExercises } from "../course/manifest.ts";
import { type MisconceptionText, readTexts } from "../course/load.ts";
import { join } from "node:path";

export type { MisconceptionText };

/** Everything the loop says that is not a UI message. */
export interface Content {
  hints: Record<string, string[]>;
  misconceptions: Record<string, MisconceptionText>;
}

/** Every exercise's texts in one language (`locales/<lang>/<lesson>/<name>.json`). */
async function readAll(root: string, lang: string): Promise<Content> {
  const out: Content = { hints: {}, misconceptions: {} };
  for (const ex of allExercises()) {
    const texts = await readTexts(root, ex, lang);
    if (!texts) continue;
    if (texts.hints.length) out.hints[ex.name] = texts.hints;
    Object.assign(out.misconceptions, texts.misconceptions);
  }
  return out;
}

/**
 * Loads hints and misconception texts (and activates the UI messages) for a
 * language, falling back to English for anything it lacks.
 *
 * @param root The kit's root folder.
 * @param lang A folder name under `locales/`, e.g. `"en"` or `"zh"`.
 * @returns The course's words.
 */
export async function loadContent(root: string, lang = "en"): Promise<Content> {
  const en = await readAll(root, "en");
  if (lang === "en") return en;
  const local = await readAll(root, lang);
  try {
    const messages: Catalogue = JSON.parse(
      await Deno.readTextFile(join(root, "locales", lang, "messages.json")),
    );
    useCatalogue(messages);
  } catch {
    // No UI translation yet: English messages stay active.
  }
  return {
    hints: { ...en.hints, ...local.hints },
    misconceptions: { ...en.misconceptions, ...local.misconceptions },
  };
}
