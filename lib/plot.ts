/**
 * Pictures of a series of numbers: a one-line sparkline for the terminal and
 * a small SVG line chart for a file.
 *
 * @module
 */

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

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!,
  );
}
