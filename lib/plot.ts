/**
 * Pictures of a series of numbers: a one-line sparkline for the terminal and
 * a small SVG line chart for a file; and the decision boundary of a linear
 * classifier on two features.
 *
 * @module
 */

import { fileURLToPath } from "node:url";

const BARS = "▁▂▃▄▅▆▇█";

/**
 * A sparkline, one character per value (resampled to at most `width`).
 * Non-finite values are drawn as `×`, so a divergence is visible.
 *
 * @param values The series.
 * @param width The most characters to use.
 * @param log Draw log10 of the values (for a loss that falls by decades); needs positive values.
 * @returns The sparkline.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sparkline } from "./plot.ts";
 * assert.equal(sparkline([3, 2, 1, 0]), "█▆▃▁");
 * assert.equal(sparkline([1000, 100, 10, 1], 60, true), "█▆▃▁");
 * ```
 */
export function sparkline(values: number[], width = 60, log = false): string {
  const scaled = log ? values.map((v) => (v > 0 ? Math.log10(v) : NaN)) : values;
  const sampled = resample(scaled, width);
  const finite = sampled.filter(Number.isFinite);
  if (finite.length === 0) return "×".repeat(sampled.length);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return sampled.map((v) => {
    if (!Number.isFinite(v)) return "×";
    const k = hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1));
    return BARS[k];
  }).join("");
}

function resample(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  return Array.from(
    { length: width },
    (_, i) => values[Math.round((i * (values.length - 1)) / (width - 1))],
  );
}

/** One line of a chart. */
export interface Line {
  label: string;
  values: number[];
}

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

/**
 * A self-contained SVG line chart. Values that are not finite end the line
 * (marked with a cross), so a diverging run is shown, not hidden.
 *
 * @param title The chart's title.
 * @param lines The series to draw, against their index (the step).
 * @param options `logY` plots log10 of positive values.
 * @returns The SVG document.
 */
export function lineChartSvg(
  title: string,
  lines: Line[],
  options: { logY?: boolean; width?: number; height?: number } = {},
): string {
  const W = options.width ?? 480;
  const H = options.height ?? 260;
  const pad = { l: 56, r: 16, t: 28, b: 36 };
  const tf = (v: number) => (options.logY ? (v > 0 ? Math.log10(v) : NaN) : v);
  const ys = lines.flatMap((l) => l.values.map(tf)).filter(Number.isFinite);
  const lo = ys.length ? Math.min(...ys) : 0;
  const hi = ys.length ? Math.max(...ys) : 1;
  const span = hi - lo || 1;
  const n = Math.max(1, ...lines.map((l) => l.values.length - 1));
  const x = (i: number) => pad.l + (i / n) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - lo) / span) * (H - pad.t - pad.b);
  const fmt = (v: number) => (options.logY ? `1e${v.toFixed(1)}` : v.toPrecision(3));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#444"/>`,
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#444"/>`,
    `<text x="${pad.l - 4}" y="${y(hi) + 4}" text-anchor="end">${fmt(hi)}</text>`,
    `<text x="${pad.l - 4}" y="${y(lo) + 4}" text-anchor="end">${fmt(lo)}</text>`,
    `<text x="${W - pad.r}" y="${H - 8}" text-anchor="end">step ${n}</text>`,
    `<text x="${pad.l}" y="${H - 8}">0</text>`,
  ];
  lines.forEach((line, k) => {
    const colour = COLOURS[k % COLOURS.length];
    const pts: string[] = [];
    let end: [number, number] | null = null;
    for (let i = 0; i < line.values.length; i++) {
      const v = tf(line.values[i]);
      if (!Number.isFinite(v)) {
        end = [x(i), pad.t];
        break;
      }
      pts.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    }
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.join(" ")}"/>`,
    );
    if (end) {
      parts.push(
        `<text x="${end[0].toFixed(1)}" y="${
          end[1] + 12
        }" fill="${colour}" text-anchor="middle">× NaN</text>`,
      );
    }
    parts.push(
      `<text x="${W - pad.r}" y="${pad.t + 14 * (k + 1)}" fill="${colour}" text-anchor="end">${
        escapeXml(line.label)
      }</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

/**
 * The decision boundary of a linear classifier on two features, as a
 * self-contained SVG: the region where w·x + b ≥ 0 (p ≥ ½, answered 1) is
 * tinted, the line w·x + b = 0 is drawn, class-1 points are filled red
 * circles, class-0 points hollow blue squares, and every misclassified point
 * is ringed in black. Weights that are not finite draw the points and say so.
 *
 * @param title The figure's title.
 * @param X Points, shape [N, 2].
 * @param y Labels, shape [N], each 0 or 1.
 * @param w Weights, shape [2].
 * @param b Bias.
 * @returns The SVG document.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decisionBoundarySvg } from "./plot.ts";
 * const X = [[-1, 0], [1, 0], [2, 1]];
 * const svg = decisionBoundarySvg("x₁ = 0", X, [0, 1, 0], [1, 0], 0);
 * assert.ok(svg.startsWith("<svg") && svg.includes("<line"));
 * assert.ok(svg.includes("misclassified: 1 of 3"));
 * assert.ok(decisionBoundarySvg("NaN", X, [0, 1, 0], [NaN, 0], 0).includes("not finite"));
 * ```
 */
export function decisionBoundarySvg(
  title: string,
  X: number[][],
  y: number[],
  w: number[],
  b: number,
): string {
  const W = 400;
  const H = 400;
  const pad = 24;
  const xs = X.map((p) => p[0]);
  const ys = X.map((p) => p[1]);
  const span = (v: number[]) => {
    const [lo, hi] = [Math.min(...v), Math.max(...v)];
    const m = 0.1 * (hi - lo || 1);
    return [lo - m, hi + m];
  };
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  const sx = (v: number) => pad + ((v - x0) / (x1 - x0)) * (W - 2 * pad);
  const sy = (v: number) => H - pad - ((v - y0) / (y1 - y0)) * (H - 2 * pad);
  const f = (p: number[]) => w[0] * p[0] + w[1] * p[1] + b; // the logit
  const finite = [...w, b].every(Number.isFinite);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + 40}" viewBox="0 0 ${W} ${
      H + 40
    }" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H + 40}" fill="white"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<g transform="translate(0, 24)">`,
    `<rect x="${pad}" y="${pad}" width="${W - 2 * pad}" height="${
      H - 2 * pad
    }" fill="none" stroke="#444"/>`,
  ];
  if (finite) {
    // The rectangle clipped to the half-plane f ≥ 0 (one Sutherland–Hodgman pass).
    const corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
    const region: number[][] = [];
    const cuts: number[][] = [];
    corners.forEach((a, k) => {
      const c = corners[(k + 1) % 4];
      const [fa, fc] = [f(a), f(c)];
      if (fa >= 0) region.push(a);
      if ((fa >= 0) !== (fc >= 0)) {
        const t = fa / (fa - fc);
        const cut = [a[0] + t * (c[0] - a[0]), a[1] + t * (c[1] - a[1])];
        region.push(cut);
        cuts.push(cut);
      }
    });
    if (region.length > 0) {
      const pts = region.map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(" ");
      parts.push(`<polygon points="${pts}" fill="#d62728" fill-opacity="0.12"/>`);
    }
    if (cuts.length === 2) {
      parts.push(
        `<line x1="${sx(cuts[0][0]).toFixed(1)}" y1="${sy(cuts[0][1]).toFixed(1)}" x2="${
          sx(cuts[1][0]).toFixed(1)
        }" y2="${sy(cuts[1][1]).toFixed(1)}" stroke="#222" stroke-width="2"/>`,
      );
    }
  }
  let wrong = 0;
  X.forEach((p, i) => {
    const [cx, cy] = [sx(p[0]).toFixed(1), sy(p[1]).toFixed(1)];
    parts.push(
      y[i] === 1
        ? `<circle cx="${cx}" cy="${cy}" r="4" fill="#d62728"/>`
        : `<rect x="${+cx - 4}" y="${
          +cy - 4
        }" width="8" height="8" fill="none" stroke="#1f77b4" stroke-width="2"/>`,
    );
    if (finite && (f(p) >= 0 ? 1 : 0) !== y[i]) {
      wrong++;
      parts.push(`<circle cx="${cx}" cy="${cy}" r="8" fill="none" stroke="#000"/>`);
    }
  });
  parts.push("</g>");
  const caption = finite
    ? `tinted: w·x + b ≥ 0 (answered 1); misclassified: ${wrong} of ${X.length} (ringed)`
    : `the weights are not finite (w = [${w.join(", ")}], b = ${b}): no boundary to draw`;
  parts.push(`<text x="${W / 2}" y="${H + 34}" text-anchor="middle">${escapeXml(caption)}</text>`);
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

/**
 * Writes a picture where the learner can open it, when this process may
 * write there (the learner's loop may; the grader's sandbox may not, and
 * then nothing is written).
 *
 * @param url The file to write, e.g. under the kit's `.tensorlings/plots/`.
 * @param svg The document.
 * @returns Whether the file was written.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pathToFileURL } from "node:url";
 * import { savePlot } from "./plot.ts";
 * const dir = Deno.makeTempDirSync();
 * assert.ok(savePlot(pathToFileURL(`${dir}/plots/a.svg`), "<svg/>"));
 * assert.equal(Deno.readTextFileSync(`${dir}/plots/a.svg`), "<svg/>");
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function savePlot(url: URL, svg: string): boolean {
  const path = fileURLToPath(url); // decoded: a kit path may hold spaces
  try {
    if (Deno.permissions.querySync({ name: "write", path }).state !== "granted") return false;
    Deno.mkdirSync(new URL(".", url), { recursive: true });
    Deno.writeTextFileSync(url, svg);
    return true;
  } catch {
    return false;
  }
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!,
  );
}
