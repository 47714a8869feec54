/**
 * `deno task lesson read`: a lesson section rendered for the terminal, for a
 * learner without a Markdown viewer. Math becomes readable Unicode
 * (`\frac{1}{N}\sum_i` → `(1)/(N) Σᵢ`), code blocks are indented and lightly
 * highlighted, links show their target, and prose is wrapped to the width.
 *
 * @module
 */

/** How to colour the output (identity functions when colour is off). */
export interface ReadStyle {
  bold: (s: string) => string;
  dim: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
}

/** No colour. */
export const PLAIN: ReadStyle = {
  bold: (s) => s,
  dim: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
};

/** GitHub's heading anchor, for the headings this course writes. */
export function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-");
}

const SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  eta: "η",
  ell: "ℓ",
  theta: "θ",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  omega: "ω",
  Sigma: "Σ",
  Delta: "Δ",
  sum: "Σ",
  prod: "Π",
  partial: "∂",
  nabla: "∇",
  infty: "∞",
  cdot: "·",
  times: "×",
  pm: "±",
  le: "≤",
  leq: "≤",
  ge: "≥",
  geq: "≥",
  ne: "≠",
  neq: "≠",
  approx: "≈",
  sim: "~",
  in: "∈",
  leftarrow: "←",
  rightarrow: "→",
  to: "→",
  top: "ᵀ",
  mid: "|",
  dots: "…",
  ldots: "…",
  cdots: "⋯",
  lvert: "|",
  rvert: "|",
  lVert: "‖",
  rVert: "‖",
  quad: "  ",
  qquad: "    ",
  max: "max",
  min: "min",
  log: "log",
  exp: "exp",
  det: "det",
  Big: "",
  big: "",
  left: "",
  right: "",
};

const SUPER: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  "−": "⁻",
  "(": "⁽",
  ")": "⁾",
  n: "ⁿ",
  i: "ⁱ",
  t: "ᵗ",
  T: "ᵀ",
  "ᵀ": "ᵀ",
  k: "ᵏ",
  "*": "*",
};
const SUB: Record<string, string> = {
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
  "+": "₊",
  "-": "₋",
  "(": "₍",
  ")": "₎",
  i: "ᵢ",
  j: "ⱼ",
  k: "ₖ",
  t: "ₜ",
  n: "ₙ",
  m: "ₘ",
  x: "ₓ",
  a: "ₐ",
  e: "ₑ",
  o: "ₒ",
  r: "ᵣ",
  s: "ₛ",
  p: "ₚ",
};

/**
 * Script text in Unicode where every character has a form; else a single
 * subscript stays inline (∇θ) and the rest is written `^(…)` / `_(…)`.
 */
function script(text: string, map: Record<string, string>, mark: string): string {
  const chars = [...text];
  if (chars.every((c) => map[c] !== undefined)) return chars.map((c) => map[c]).join("");
  if (chars.length === 1) return mark === "_" ? text : `^${text}`;
  return `${mark}(${text})`;
}

/** The content of the `{…}` group at `s[i] === "{"` and the index after it. */
function group(s: string, i: number): [string, number] {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === "{") depth++;
    else if (s[j] === "}" && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  return [s.slice(i + 1), s.length];
}

/** One argument: a `{…}` group, a command, or one character. */
function argument(s: string, i: number): [string, number] {
  while (s[i] === " ") i++;
  if (s[i] === "{") {
    const [inner, next] = group(s, i);
    return [latexToUnicode(inner), next];
  }
  if (s[i] === "\\") {
    const m = /^\\([A-Za-z]+)/.exec(s.slice(i));
    if (m) return [SYMBOLS[m[1]] ?? m[1], i + m[0].length];
  }
  return [s[i] ?? "", i + 1];
}

/**
 * LaTeX math as readable Unicode text.
 *
 * @param tex The math, without its `$` delimiters.
 * @returns Plain text.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latexToUnicode } from "./read.ts";
 * assert.equal(latexToUnicode("\\theta \\leftarrow \\theta - \\alpha \\nabla J"), "θ ← θ - α ∇ J");
 * assert.equal(latexToUnicode("\\frac{1}{N} \\sum_i x_i^2"), "(1)/(N) Σᵢ xᵢ²");
 * ```
 */
export function latexToUnicode(tex: string): string {
  let out = "";
  let i = 0;
  while (i < tex.length) {
    const c = tex[i];
    if (c === "\\") {
      const m = /^\\([A-Za-z]+|.)/.exec(tex.slice(i));
      const name = m ? m[1] : "";
      i += m ? m[0].length : 1;
      if (name === "frac" || name === "tfrac" || name === "dfrac") {
        const [a, j] = argument(tex, i);
        const [b, k] = argument(tex, j);
        out += `(${a})/(${b})`;
        i = k;
      } else if (name === "sqrt") {
        const [a, j] = argument(tex, i);
        out += `√(${a})`;
        i = j;
      } else if (["hat", "bar", "tilde"].includes(name)) {
        const [a, j] = argument(tex, i);
        const mark = { hat: "\u0302", bar: "\u0304", tilde: "\u0303" }[name]!;
        out += [...a].length === 1 ? a + mark : `${name}(${a})`;
        i = j;
      } else if (
        ["text", "mathrm", "operatorname", "mathbf", "mathcal", "mathbb", "textrm"].includes(name)
      ) {
        const [a, j] = argument(tex, i);
        out += a;
        i = j;
      } else if (name === "begin" || name === "end") {
        const [, j] = argument(tex, i);
        i = j;
      } else if (name === "," || name === ";" || name === " " || name === "!") {
        out += name === "!" ? "" : " ";
      } else if (name === "\\") {
        out += "; ";
      } else if (name === "{" || name === "}" || name === "_" || name === "%") {
        out += name;
      } else {
        out += SYMBOLS[name] ?? name;
      }
    } else if (c === "^" || c === "_") {
      const [a, j] = argument(tex, i + 1);
      out += script(a, c === "^" ? SUPER : SUB, c);
      i = j;
    } else if (c === "{" || c === "}") {
      i++;
    } else if (c === "&") {
      out += " ";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/[ \t]+/g, " ").trim().normalize("NFC");
}

const KEYWORDS =
  /\b(const|let|function|return|for|of|if|else|import|export|from|new|type|interface|throw|await|async)\b/g;

/** A TypeScript line with keywords, strings and comments coloured. */
function highlight(line: string, style: ReadStyle): string {
  const comment = line.indexOf("//");
  const code = comment >= 0 ? line.slice(0, comment) : line;
  const rest = comment >= 0 ? style.dim(line.slice(comment)) : "";
  return code.split(/("(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)/).map((part, i) =>
    i % 2 ? style.green(part) : part.replace(KEYWORDS, (k) => style.bold(k))
  ).join("") + rest;
}

/** Words to lines of at most `width` columns (a word longer than that gets its own line). */
function wrap(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && [...line].length + 1 + [...word].length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Inline Markdown: math, code, links, emphasis. */
function inline(text: string, style: ReadStyle): string {
  return text
    .replace(/\$([^$]+)\$/g, (_, m: string) => latexToUnicode(m))
    .replace(/`([^`]+)`/g, (_, c: string) => style.yellow(c))
    .replace(
      /\[([^\]]+)\]\(([^)]+)\)/g,
      (_, t: string, url: string) => url.startsWith("#") ? t : `${t} (${url})`,
    )
    .replace(/\*\*([^*]+)\*\*/g, (_, b: string) => style.bold(b));
}

/**
 * The section of a lesson under the heading with the given anchor (up to the
 * next heading of the same or a higher level), rendered for a terminal.
 *
 * @param markdown The lesson's Markdown.
 * @param anchor The heading's anchor, e.g. `"momentum"`.
 * @param width Columns to wrap prose to.
 * @param style Colours.
 * @returns The text, or `null` when no heading has that anchor.
 */
export function renderSection(
  markdown: string,
  anchor: string,
  width = 80,
  style: ReadStyle = PLAIN,
): string | null {
  const lines = markdown.split("\n");
  let start = -1;
  let level = 0;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^```/.test(lines[i])) fence = !fence;
    const m = !fence && /^(#{1,6}) (.*)$/.exec(lines[i]);
    if (!m) continue;
    if (start < 0 && anchorOf(m[2]) === anchor) {
      start = i;
      level = m[1].length;
    } else if (start >= 0 && m[1].length <= level) {
      return render(lines.slice(start, i), width, style);
    }
  }
  return start < 0 ? null : render(lines.slice(start), width, style);
}

function render(lines: string[], width: number, style: ReadStyle): string {
  const out: string[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(...wrap(inline(para.join(" "), style), width), "");
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (/^```/.test(line)) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) body.push(lines[i]);
      out.push(...body.map((l) => "    " + highlight(l, style)), "");
    } else if (/^\$\$/.test(line.trim())) {
      flush();
      let tex = line.trim().replace(/^\$\$/, "");
      while (!tex.trimEnd().endsWith("$$") && i + 1 < lines.length) tex += " " + lines[++i].trim();
      out.push("    " + latexToUnicode(tex.replace(/\$\$\s*$/, "")), "");
    } else if (heading) {
      flush();
      const text = inline(heading[2], style);
      out.push(style.bold(text), style.dim("─".repeat(Math.min(width, [...text].length))), "");
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      flush();
      const item = [line.replace(/^\s*([-*]|\d+\.) /, "")];
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1])) item.push(lines[++i].trim());
      const [first, ...rest] = wrap(inline(item.join(" "), style), width - 2);
      out.push(`• ${first}`, ...rest.map((r) => `  ${r}`));
    } else if (/^\|/.test(line)) {
      flush();
      if (!/^\|[\s:|-]+\|$/.test(line)) {
        out.push(inline(line.replace(/\s*\|\s*/g, " │ ").replace(/^ │ | │ $/g, ""), style));
      }
    } else if (line.trim() === "") {
      flush();
      if (out.length && out[out.length - 1] !== "") out.push("");
    } else {
      para.push(line.trim());
    }
  }
  flush();
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
