// Lesson 06's heat maps are drawn by code and committed: they must match it.
import assert from "node:assert/strict";
import { attentionFigures, SENTENCE, staleFigures } from "../dev/attention_figure.ts";
import { sentenceWeights } from "../lib/heatmap.ts";

Deno.test("attention figures: the committed SVG files are what dev/attention_figure.ts draws", async () => {
  assert.deepEqual(await staleFigures(new URL("../", import.meta.url)), []);
});

Deno.test("attention figures: one cell per (query, key) pair, and the causal map is lower-triangular", () => {
  const T = SENTENCE.length;
  for (const svg of Object.values(attentionFigures())) {
    assert.equal(svg.match(/<rect class="cell"/g)?.length, T * T);
  }
  const causal = sentenceWeights(SENTENCE, { causal: true });
  for (let i = 0; i < T; i++) {
    for (let j = i + 1; j < T; j++) assert.equal(causal[i][j], 0);
    assert.ok(Math.abs(causal[i].reduce((s, w) => s + w, 0) - 1) < 1e-5);
  }
  // Repeated words find each other: "mat" (5) attends to "mat" (8) more than to "cat" (1).
  const full = sentenceWeights(SENTENCE);
  assert.ok(full[5][8] > full[5][1]);
});
