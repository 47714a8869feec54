/**
 * Draws lesson 06's attention heat maps from code (lib/heatmap.ts), so the
 * pictures can be rebuilt and checked:
 *
 *   deno run --allow-read --allow-write dev/attention_figure.ts          writes the SVG files
 *   deno run --allow-read dev/attention_figure.ts --check                exits 1 if a file is stale
 *
 * `tests/attention_figure_test.ts` runs the check in `deno task test`.
 *
 * @module
 */
import { heatmapSvg, sentenceWeights } from "../lib/heatmap.ts";

/** The sentence of the lesson's figures: "the" and "mat" come back, so repeats show. */
export const SENTENCE = "the cat sat on the mat because the mat was warm".split(" ");

/** Figure file (relative to the repository) → its contents. */
export function attentionFigures(): Record<string, string> {
  return {
    "lessons/img/06_attention_heatmap.svg": heatmapSvg(
      "Untrained self-attention (no mask)",
      SENTENCE,
      SENTENCE,
      sentenceWeights(SENTENCE),
    ),
    "lessons/img/06_attention_causal.svg": heatmapSvg(
      "The same, with the causal mask",
      SENTENCE,
      SENTENCE,
      sentenceWeights(SENTENCE, { causal: true }),
    ),
  };
}

/**
 * The figure files that differ from what the code draws.
 *
 * @param root The repository root, as a file URL ending in `/`.
 * @returns Paths of stale or missing files.
 */
export async function staleFigures(root: URL): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, svg] of Object.entries(attentionFigures())) {
    if ((await Deno.readTextFile(new URL(path, root)).catch(() => "")) !== svg) stale.push(path);
  }
  return stale;
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  if (Deno.args.includes("--check")) {
    const stale = await staleFigures(root);
    for (const path of stale) {
      console.error(
        `error: ${path} is out of date: run deno run --allow-read --allow-write dev/attention_figure.ts`,
      );
    }
    if (stale.length === 0) console.log("✓ Every attention figure is up to date");
    Deno.exit(stale.length ? 1 : 0);
  }
  for (const [path, svg] of Object.entries(attentionFigures())) {
    await Deno.writeTextFile(new URL(path, root), svg);
    console.log(`✓ Wrote ${path}`);
  }
}
