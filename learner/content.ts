/**
 * The words of the course for the learner's language: hints and the
 * misconception texts, read from `locales/<lang>/`. English fills any gap.
 *
 * @module
 */
import { join } from "node:path";
import { type Catalogue, useCatalogue } from "../lib/i18n.ts";

/** The title and explanation of one misconception. */
export interface MisconceptionText {
  title: string;
  explain: string;
}

/** Everything the loop says that is not a UI message. */
export interface Content {
  hints: Record<string, string[]>;
  misconceptions: Record<string, MisconceptionText>;
}

async function readJsonDir<T>(dir: string): Promise<Record<string, T>> {
  const out: Record<string, T> = {};
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(dir)].sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.name.endsWith(".json")) continue;
    Object.assign(out, JSON.parse(await Deno.readTextFile(join(dir, e.name))));
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
  const load = async (l: string): Promise<Content> => ({
    hints: await readJsonDir<string[]>(join(root, "locales", l, "hints")),
    misconceptions: await readJsonDir<MisconceptionText>(
      join(root, "locales", l, "misconceptions"),
    ),
  });
  const en = await load("en");
  if (lang === "en") return en;
  const local = await load(lang);
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
