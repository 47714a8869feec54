/**
 * Attention weights drawn as a heat map (SVG), and a toy self-attention over
 * the words of a sentence to draw. Run it on a sentence of your choice:
 *
 *   deno run -A lib/heatmap.ts "the cat sat on the mat because the mat was warm"
 *
 * writes `.tensorlings/plots/attention.svg` (open it in a browser). Add
 * `--causal` for the causal mask. The model is untrained: each distinct word
 * gets a seeded random vector, plus a small positional encoding, and one
 * head with W_q = W_k = I compares them. So a word attends to itself, to
 * other copies of itself, and a little to its neighbours: similarity is all
 * an untrained layer has. Lesson 06, "A heat map of a sentence".
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "./tf.ts";
import { randomVector, rng } from "./random.ts";

/** Vector width of the toy sentence model. */
export const WIDTH = 16;

/** A seed from a word (FNV-1a), so one word always gets one vector. */
function wordSeed(word: string): number {
  let h = 0x811c9dc5;
  for (const ch of word) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

/**
 * Toy self-attention weights over the words of a sentence, computed with tfjs.
 *
 * @param words The tokens, [T].
 * @param options `causal`: hide later words; `positionScale`: the weight of the positional encoding (0.5).
 * @returns The weights, [T, T]: row i is how word i spreads its attention.
 */
export function sentenceWeights(
  words: string[],
  options: { causal?: boolean; positionScale?: number } = {},
): number[][] {
  const T = words.length;
  const d = WIDTH;
  const emb = words.map((w) => randomVector(rng(wordSeed(w.toLowerCase())), d)); // [T, d]
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, T), [T, 1]); // [T, 1]
    const j = tf.range(0, d); // [d]
    const freq = tf.pow(10000, tf.neg(tf.div(tf.mul(tf.floorDiv(j, 2), 2), d))); // [d]
    const angle = tf.mul(pos, tf.reshape(freq, [1, d])); // [T, d]
    const even = tf.broadcastTo(tf.reshape(tf.equal(tf.mod(j, 2), 0), [1, d]), [T, d]);
    const pe = tf.where(even, tf.sin(angle), tf.cos(angle)); // [T, d]
    const x = tf.add(tf.tensor2d(emb), tf.mul(pe, options.positionScale ?? 0.5)); // [T, d]
    let scores = tf.div(tf.matMul(x, x, false, true), Math.sqrt(d)); // [T, T], W_q = W_k = I
    if (options.causal) {
      const allowed = tf.linalg.bandPart(tf.ones([T, T]), -1, 0); // 1 on and below the diagonal
      scores = tf.where(tf.cast(allowed, "bool"), scores, tf.fill([T, T], -Infinity));
    }
    return tf.softmax(scores).arraySync() as number[][]; // over the keys
  });
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A heat map of attention weights: one row per query, one column per key,
 * darker where the weight is larger (0 white, 1 dark blue).
 *
 * @param title The caption.
 * @param queries Row labels, [Tq].
 * @param keys Column labels, [Tk].
 * @param weights Values in [0, 1], [Tq, Tk].
 * @returns A self-contained SVG document.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { heatmapSvg } from "./heatmap.ts";
 * const svg = heatmapSvg("demo", ["a", "b"], ["a", "b"], [[1, 0], [0.5, 0.5]]);
 * assert.equal(svg.match(/<rect class="cell"/g)?.length, 4);
 * ```
 */
export function heatmapSvg(
  title: string,
  queries: string[],
  keys: string[],
  weights: number[][],
): string {
  const cell = 26;
  const labelW = 8 + 7 * Math.max(4, ...queries.map((q) => q.length));
  const labelH = 8 + 7 * Math.max(4, ...keys.map((k) => k.length));
  const top = 30 + labelH;
  const W = Math.max(labelW + cell * keys.length + 16, 300);
  const H = top + cell * queries.length + 34;
  const colour = (w: number) => {
    const t = Math.min(1, Math.max(0, w));
    const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
    return `rgb(${mix(255, 8)},${mix(255, 48)},${mix(255, 107)})`;
  };
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${esc(title)}</text>`,
  ];
  keys.forEach((k, j) => {
    const x = labelW + j * cell + cell / 2 + 4;
    out.push(
      `<text transform="translate(${x},${top - 6}) rotate(-60)">${esc(k)}</text>`,
    );
  });
  queries.forEach((q, i) => {
    const y = top + i * cell;
    out.push(
      `<text x="${labelW - 6}" y="${y + cell / 2 + 4}" text-anchor="end">${esc(q)}</text>`,
    );
    weights[i].forEach((w, j) => {
      out.push(
        `<rect class="cell" x="${
          labelW + j * cell
        }" y="${y}" width="${cell}" height="${cell}" fill="${colour(w)}" stroke="#ddd"><title>${
          esc(q)
        } → ${esc(keys[j])}: ${w.toFixed(3)}</title></rect>`,
      );
    });
  });
  out.push(
    `<text x="${labelW}" y="${
      H - 12
    }" fill="#555">rows: queries · columns: keys · white 0, dark 1</text>`,
    `</svg>`,
    "",
  );
  return out.join("\n");
}

const HELP = `deno run -A lib/heatmap.ts "<sentence>" [--causal] [--out file.svg]

  Draws toy self-attention weights over the words of the sentence as a heat map.
  --causal   hide later words from each word (the causal mask)
  --out      where to write the SVG (default .tensorlings/plots/attention.svg)`;

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      causal: { type: "boolean", default: false },
      out: { type: "string", default: ".tensorlings/plots/attention.svg" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const words = positionals.join(" ").split(/\s+/).filter(Boolean);
  if (values.help) {
    console.log(HELP);
    Deno.exit(0);
  }
  if (words.length === 0) {
    console.error(`error: give a sentence to draw\n\n${HELP}`);
    Deno.exit(2);
  }
  if (words.length > 40) {
    console.error(`error: at most 40 words fit in the picture: the sentence has ${words.length}`);
    Deno.exit(2);
  }
  const svg = heatmapSvg(
    `Untrained self-attention${values.causal ? ", causal mask" : ""}`,
    words,
    words,
    sentenceWeights(words, { causal: values.causal }),
  );
  const out = values.out!;
  await Deno.mkdir(out.replace(/[^/]*$/, "") || ".", { recursive: true });
  await Deno.writeTextFile(out, svg);
  console.log(`✓ Wrote ${out} (${words.length} words)`);
}
