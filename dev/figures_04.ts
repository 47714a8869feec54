/**
 * Lesson 04's figure: a small image, two 3×3 filters and the feature map each
 * produces (tf.conv2d, "same"), drawn as heat maps. `dev/figures.ts` writes
 * and checks it with the other lessons' figures.
 *
 * @module
 */
import { tf } from "../lib/tf.ts";

/** A 12×12 image of a "7": a bar across the top and a stroke down to the left. */
export function sevenImage(): number[][] {
  const img = Array.from({ length: 12 }, () => new Array(12).fill(0)); // [H, W]
  for (let j = 2; j <= 9; j++) img[2][j] = 1;
  for (let i = 3; i <= 10; i++) {
    const j = Math.round(9 - (i - 3) * (5 / 7));
    img[i][j] = 1;
    if (j + 1 <= 9) img[i][j + 1] = 0.5; // a softer right edge
  }
  return img;
}

/** Vertical and horizontal edge detectors (Sobel), shape [3, 3] each. */
export const FILTERS: { name: string; w: number[][] }[] = [
  { name: "vertical", w: [[1, 0, -1], [2, 0, -2], [1, 0, -1]] },
  { name: "horizontal", w: [[1, 2, 1], [0, 0, 0], [-1, -2, -1]] },
];

/** The feature map of a one-channel image under a one-channel 3×3 filter, "same". */
export function featureMap(img: number[][], w: number[][]): number[][] {
  const [h, wd] = [img.length, img[0].length];
  const maps: number[][] = [];
  tf.tidy(() => {
    const x = tf.tensor4d(img.flat(), [1, h, wd, 1]);
    const f = tf.tensor4d(w.flat(), [3, 3, 1, 1]);
    const y = tf.conv2d(x, f, 1, "same").dataSync(); // [1, H, W, 1]
    for (let i = 0; i < h; i++) maps.push(Array.from(y.subarray(i * wd, (i + 1) * wd)));
  });
  return maps;
}

/** Red for positive, blue for negative, white for 0, scaled by `max`. */
function colour(v: number, max: number, grey: boolean): string {
  const t = Math.max(-1, Math.min(1, v / max));
  const c = (k: number) => Math.round(255 * (1 - Math.abs(t) * k));
  if (grey) {
    const g = Math.round(255 * (1 - t));
    return `rgb(${g},${g},${g})`;
  }
  return t >= 0 ? `rgb(255,${c(1)},${c(1)})` : `rgb(${c(1)},${c(1)},255)`;
}

/** One grid of cells at (x, y); `labels` writes each value inside its cell. */
function grid(
  m: number[][],
  x: number,
  y: number,
  cell: number,
  o: { grey?: boolean; labels?: boolean },
): string {
  const max = Math.max(1e-9, ...m.flat().map(Math.abs));
  const out: string[] = [];
  m.forEach((row, i) =>
    row.forEach((v, j) => {
      const [cx, cy] = [x + j * cell, y + i * cell];
      out.push(
        `<rect x="${cx}" y="${cy}" width="${cell}" height="${cell}" fill="${
          colour(v, max, o.grey ?? false)
        }" stroke="#ccc" stroke-width="0.5"/>`,
      );
      if (o.labels) {
        out.push(
          `<text x="${cx + cell / 2}" y="${
            cy + cell / 2 + 4
          }" text-anchor="middle" font-size="11">${v}</text>`,
        );
      }
    })
  );
  return out.join("\n");
}

/** The figure as SVG text: input, filter, feature map, one row per filter. */
export function filterFigureSvg(): string {
  const img = sevenImage();
  const cell = 12;
  const rowH = 12 * cell + 50;
  const parts: string[] = [];
  FILTERS.forEach(({ name, w }, r) => {
    const y = 30 + r * rowH;
    const fmap = featureMap(img, w);
    const lo = Math.min(...fmap.flat());
    const hi = Math.max(...fmap.flat());
    parts.push(
      `<text x="10" y="${y - 8}" font-size="13">input x [12, 12]</text>`,
      grid(img, 10, y, cell, { grey: true }),
      `<text x="180" y="${y - 8}" font-size="12">filter w (${name} edges)</text>`,
      grid(w, 190, y + 36, 24, { labels: true }),
      `<text x="300" y="${y + 75}" font-size="20">→</text>`,
      `<text x="340" y="${y - 8}" font-size="13">feature map, same: ${lo} … ${hi}</text>`,
      grid(fmap, 340, y, cell, {}),
    );
  });
  const height = 30 + FILTERS.length * rowH;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${height}" viewBox="0 0 640 ${height}" font-family="sans-serif">
<rect width="640" height="${height}" fill="white"/>
${parts.join("\n")}
</svg>
`;
}

/** Lesson 04's figure files (relative to the kit root) → contents. */
export function lesson04Figures(): Record<string, string> {
  return { "lessons/img/04_filter_feature_map.svg": filterFigureSvg() };
}
