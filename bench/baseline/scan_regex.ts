// The regular-expression scanner the grader used before issue 10 (quadratic on hostile input),
// kept only as the baseline of bench/scan.ts.
/**
 * Reads a student's file before anything runs. Deno loads literal import
 * specifiers (static, and `import("…")` with a literal) as part of the
 * module graph without asking `--allow-read`, so such imports must stay
 * inside the submission; this refuses the ones that do not. It also notes
 * the use of a forbidden tfjs op in a from-scratch exercise.
 *
 * @module
 */
import { dirname, join, normalize } from "node:path";

/** Bare specifiers a submission may import (the import map's, and node built-ins). */
const ALLOWED_BARE = new Set(["@tensorflow/tfjs", "mathjs"]);

/** One refused or suspicious thing in a file. */
export interface Finding {
  kind: "forbidden-import" | "forbidden-op";
  detail: string;
  line: number;
}

/**
 * Blanks out comments (keeping line breaks, so line numbers stay right);
 * strings and template literals are kept, or blanked with `blankStrings`.
 *
 * @param src The source text.
 * @param blankStrings Whether to blank the contents of strings too.
 * @returns The text with comments (and maybe strings) blanked.
 */
export function stripComments(src: string, blankStrings = false): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === "\\" ? 2 : 1;
      const literal = src.slice(i, j + 1);
      out += blankStrings ? c + literal.slice(1, -1).replace(/[^\n]/g, " ") + c : literal;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const lineOf = (src: string, index: number) => src.slice(0, index).split("\n").length;

/**
 * Lists the literal import specifiers of a module with their lines.
 *
 * @param src The source text.
 * @returns Each specifier and its line.
 */
export function importSpecifiers(src: string): Array<{ spec: string; line: number }> {
  const code = stripComments(src);
  const out: Array<{ spec: string; line: number }> = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"`])([^'"`]+)\1/g,
    /\bimport\s*(['"`])([^'"`]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*[,)]/g,
    /\bnew\s+Worker\s*\(\s*(?:new\s+URL\s*\(\s*)?(['"`])([^'"`]+)\1/g,
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) out.push({ spec: m[2], line: lineOf(code, m.index ?? 0) });
  }
  return out;
}

/**
 * Checks one staged file.
 *
 * @param stageDir The staging folder (holds `exercises/` and `lib/`).
 * @param relPath The file, relative to `stageDir`.
 * @param src Its text.
 * @param forbiddenOps tfjs ops this exercise must not call.
 * @returns What was found (empty when clean).
 */
export function scanFile(
  stageDir: string,
  relPath: string,
  src: string,
  forbiddenOps: string[] = [],
): Finding[] {
  const findings: Finding[] = [];
  const here = dirname(join(stageDir, relPath));
  const code = stripComments(src);
  for (const { spec, line } of importSpecifiers(src)) {
    if (ALLOWED_BARE.has(spec) || spec.startsWith("node:")) continue;
    if (spec.startsWith("./") || spec.startsWith("../")) {
      const target = normalize(join(here, spec));
      const inExercises = target.startsWith(join(stageDir, "exercises") + "/");
      const inLib = target.startsWith(join(stageDir, "lib") + "/");
      if (inExercises || inLib) continue;
    }
    findings.push({
      kind: "forbidden-import",
      detail: `import of "${spec}" reaches outside the submission`,
      line,
    });
  }
  const bare = stripComments(src, true);
  for (const op of forbiddenOps) {
    const name = op.replace(/\./g, "\\.");
    // `tf.op(…)`, or `op` pulled out of tf by destructuring: `const { op } = tf`.
    const patterns = [
      new RegExp(`\\btf\\s*\\.\\s*${name}\\s*\\(`, "g"),
      new RegExp(`\\{[^}]*\\b${name.split("\\.")[0]}\\b[^}]*\\}\\s*=\\s*tf\\b`, "g"),
    ];
    for (const re of patterns) {
      for (const m of bare.matchAll(re)) {
        findings.push({
          kind: "forbidden-op",
          detail: `calls tf ${op}`,
          line: lineOf(code, m.index ?? 0),
        });
      }
    }
  }
  return findings;
}
