/**
 * Building blocks of the class report (`report.ts`): HTML escaping, number
 * formatting, tables and cells, the inline SVG charts, the stylesheet and
 * the small optional script. No chart needs JavaScript or an external resource, and every one
 * carries a text alternative.
 *
 * @module
 */

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @param value Any value; it is converted with `String()`.
 * @returns The text with `& < > " '` replaced by entities.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeHtml } from "./report_svg.ts";
 * assert.equal(escapeHtml(`<a href="x">`), "&lt;a href=&quot;x&quot;&gt;");
 * ```
 */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * Formats a score: at most one decimal, no trailing `.0`.
 *
 * @param n The number.
 * @returns `7`, `7.5`, or `—` for NaN.
 */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return String(Math.round(n * 10) / 10);
}

/**
 * Formats a fraction as a whole percentage.
 *
 * @param f A fraction 0…1, or NaN when there is nothing to divide.
 * @returns `67%`, or `—` for NaN.
 */
export function pct(f: number): string {
  return Number.isFinite(f) ? `${Math.round(f * 100)}%` : "—";
}

/**
 * A table in a horizontally scrolling box.
 *
 * @param caption The caption (HTML).
 * @param head Column headers (HTML).
 * @param rows Rows of cells, each a `<td>` or `<th scope="row">` (HTML).
 * @param cls Classes for the table, e.g. `sortable`.
 * @returns The HTML.
 */
export function table(
  caption: string,
  head: string[],
  rows: string[][],
  cls = "",
): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.join("")}</tr>`).join("\n");
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ""}><caption>${caption}</caption>` +
    `<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A cell; `v` is the sort key, numeric cells are right-aligned. */
export const td = (html: string, v?: number | string) =>
  v === undefined ? `<td>${html}</td>` : `<td class="num" data-v="${escapeHtml(v)}">${html}</td>`;

/** A lesson link from the grader; anything with a scheme other than http(s) is not linked. */
export function lessonLink(link: string, text: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) && !/^https?:/i.test(link)) return escapeHtml(text);
  return `<a href="${escapeHtml(link)}">${escapeHtml(text)}</a>`;
}

/** A paragraph saying a section is empty. */
export const none = (what: string) => `<p class="none">${what}</p>`;

/** One bar of the score histogram: scores in [lo, hi), the last bin also holding hi. */
export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/**
 * Sorts scores into equal-width bins from 0 to `max`.
 *
 * @param scores The scores.
 * @param max The highest possible score (a full score falls in the last bin).
 * @param n How many bins.
 * @returns `n` bins in order.
 */
export function binScores(scores: number[], max: number, n = 10): Bin[] {
  const top = max > 0 ? max : Math.max(1, ...scores);
  const width = top / n;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    lo: i * width,
    hi: (i + 1) * width,
    count: 0,
  }));
  for (const s of scores) {
    const i = Math.min(n - 1, Math.max(0, Math.floor(s / width)));
    bins[i].count++;
  }
  return bins;
}

/**
 * The score histogram as an inline SVG.
 *
 * @param bins From {@link binScores}.
 * @param marker A vertical dashed line, e.g. the median (omitted when NaN).
 * @returns An `<svg role="img">` with a title and a text description.
 */
export function histogramSvg(bins: Bin[], marker: { label: string; value: number }): string {
  const W = 640, H = 260;
  const left = 44, right = 12, top = 24, bottom = 48;
  const plotW = W - left - right, plotH = H - top - bottom;
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const step = Math.max(1, Math.ceil(maxCount / 5));
  const yTop = Math.ceil(maxCount / step) * step;
  const lo = bins[0]?.lo ?? 0, hi = bins.at(-1)?.hi ?? 1;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * plotW;
  const y = (c: number) => top + plotH - (c / yTop) * plotH;
  const r = (v: number) => Math.round(v * 10) / 10;
  const parts: string[] = [];
  for (let c = 0; c <= yTop; c += step) {
    parts.push(
      `<line class="grid" x1="${left}" x2="${W - right}" y1="${r(y(c))}" y2="${r(y(c))}"/>`,
      `<text x="${left - 6}" y="${r(y(c)) + 4}" text-anchor="end">${c}</text>`,
    );
  }
  bins.forEach((b, i) => {
    const bx = x(b.lo) + 1, bw = Math.max(1, x(b.hi) - x(b.lo) - 2);
    const range = `${fmt(b.lo)}–${fmt(b.hi)}${i === bins.length - 1 ? "" : " (excl.)"}`;
    parts.push(
      `<rect class="bar" x="${r(bx)}" y="${r(y(b.count))}" width="${r(bw)}" height="${
        r(y(0) - y(b.count))
      }"><title>${range}: ${b.count} student${b.count === 1 ? "" : "s"}</title></rect>`,
    );
    if (b.count > 0) {
      parts.push(
        `<text x="${r(bx + bw / 2)}" y="${
          r(y(b.count)) - 4
        }" text-anchor="middle">${b.count}</text>`,
      );
    }
  });
  for (const b of [...bins, { lo: hi }]) {
    parts.push(
      `<text x="${r(x(b.lo))}" y="${top + plotH + 16}" text-anchor="middle">${fmt(b.lo)}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${left}" x2="${W - right}" y1="${y(0)}" y2="${y(0)}"/>`,
    `<text x="${left + plotW / 2}" y="${H - 8}" text-anchor="middle">Final score (points)</text>`,
    `<text transform="translate(12 ${
      top + plotH / 2
    }) rotate(-90)" text-anchor="middle">Students</text>`,
  );
  if (Number.isFinite(marker.value)) {
    const mx = r(x(Math.min(hi, Math.max(lo, marker.value))));
    parts.push(
      `<line class="marker" x1="${mx}" x2="${mx}" y1="${top - 6}" y2="${y(0)}"/>`,
      `<text class="marker-label" x="${mx}" y="${top - 10}" text-anchor="middle">${
        escapeHtml(marker.label)
      } ${fmt(marker.value)}</text>`,
    );
  }
  const desc = bins.map((b) => `${fmt(b.lo)}–${fmt(b.hi)}: ${b.count}`).join("; ");
  return `<svg class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" ` +
    `aria-labelledby="hist-title hist-desc">` +
    `<title id="hist-title">Distribution of final scores</title>` +
    `<desc id="hist-desc">Students per score range: ${desc}.</desc>${parts.join("")}</svg>`;
}

/**
 * A small horizontal bar for a table cell (SVG, so that it prints).
 *
 * @param fraction 0…1, or NaN for "nothing to show".
 * @returns An `<svg>` hidden from screen readers (the cell's text says the number).
 */
export function barSvg(fraction: number): string {
  const W = 120, H = 12;
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return `<svg class="minibar" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" ` +
    `aria-hidden="true" focusable="false"><rect class="track" width="${W}" height="${H}" rx="2"/>` +
    `<rect class="fill" width="${Math.round(f * W * 10) / 10}" height="${H}" rx="2"/></svg>`;
}

/** The report's stylesheet: high-contrast colours, print-friendly. */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8ccd2; --head: #eef1f5; --accent: #1d4ed8;
  --good: #14532d; --bad: #9f1239; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 1.5rem 1.25rem 3rem; color: var(--ink);
  background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { margin: 0 0 .75rem; font-size: 1.8rem; }
h2 { margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line);
  font-size: 1.3rem; }
a { color: var(--accent); }
code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .6rem;
  margin: 0; }
.stats div { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.stats dt { color: var(--muted); font-size: .85rem; }
.stats dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
.note, .none, caption, figcaption { color: var(--muted); }
.none { font-style: italic; }
nav ul { display: flex; flex-wrap: wrap; gap: .35rem 1rem; list-style: none; padding: .6rem 0;
  margin: 1rem 0 0; border-block: 1px solid var(--line); }
figure { margin: 0; }
.histogram { max-width: 100%; height: auto; font-size: 12px; }
.histogram text { fill: var(--ink); }
.histogram .bar { fill: var(--accent); }
.histogram .grid { stroke: #e3e6ea; }
.histogram .axis { stroke: var(--ink); }
.histogram .marker { stroke: var(--bad); stroke-width: 2; stroke-dasharray: 5 4; }
.histogram .marker-label { fill: var(--bad); font-weight: 600; }
.minibar { vertical-align: middle; }
.minibar + span { display: inline-block; min-width: 2.8em; }
.minibar .track { fill: #e3e6ea; }
.minibar .fill { fill: var(--accent); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: 14px; }
caption { caption-side: top; text-align: left; padding: .2rem 0 .4rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
thead th { background: var(--head); vertical-align: bottom; }
tbody tr:nth-child(even) { background: #f8f9fb; }
td.num { text-align: right; white-space: nowrap; }
td.full { color: var(--good); font-weight: 600; }
td.zero, .error { color: var(--bad); }
table.students { font-size: 13px; }
table.students th, table.students td { padding: .25rem .4rem; }
.vert { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg);
  white-space: nowrap; }
th.sort { cursor: pointer; }
th button { margin: 0 0 0 .2rem; padding: 0 .15rem; border: 0; background: none; color: var(--muted);
  font: inherit; font-size: .85em; cursor: pointer; }
th button:focus-visible { outline: 2px solid var(--accent); }
details { margin: .3rem 0; }
summary { cursor: pointer; }
pre { margin: .4rem 0 0; padding: .5rem; max-width: 44rem; overflow-x: auto; white-space: pre-wrap;
  overflow-wrap: anywhere; background: #f4f5f7; border: 1px solid var(--line); }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, th button { display: none; }
  .scroll { overflow: visible; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/**
 * Optional progressive enhancement: sortable columns in `table.sortable`
 * (by each cell's `data-v`, else its text), and every `<details>` opened
 * before printing. The page reads the same without it.
 */
export const REPORT_SCRIPT = `
for (const t of document.querySelectorAll("table.sortable")) {
  const heads = [...t.tHead.rows[0].cells];
  heads.forEach((th, col) => {
    // The header keeps its text (a button inside a repeated print header prints blank).
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = "↕";
    b.setAttribute("aria-label", "Sort by " + th.textContent.trim());
    th.append(b);
    th.classList.add("sort");
    th.addEventListener("click", () => {
      const asc = th.getAttribute("aria-sort") !== "ascending";
      for (const h of heads) {
        h.removeAttribute("aria-sort");
        h.querySelector("button").textContent = "↕";
      }
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      b.textContent = asc ? "↑" : "↓";
      const key = (tr) => tr.cells[col]?.dataset.v ?? tr.cells[col]?.textContent ?? "";
      const rows = [...t.tBodies[0].rows].sort((r, s) => {
        const x = key(r), y = key(s), nx = Number(x), ny = Number(y);
        const d = x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
        return asc ? d : -d;
      });
      t.tBodies[0].append(...rows);
    });
  });
}
addEventListener("beforeprint", () => {
  for (const d of document.querySelectorAll("details")) d.open = true;
});
`;
