/**
 * A faster mathjs for the sandboxed children. The package's main entry
 * builds all of its ~660 functions when imported (about 0.7 s here), and
 * every child pays that again. Its browser build creates each function
 * only when first used (about 0.25 s to import).
 *
 * The grader reads a submission's files before anything runs. When every
 * use of "mathjs" in them is a named import the browser build provides
 * (`import { det, lusolve } from "mathjs"`), the staging folder gets a small
 * module exporting exactly those names from the lazy instance, and an
 * import map that points "mathjs" at it: the same library, version and
 * results. Any other use (a namespace or default import, a re-export, a
 * name only the main entry has, such as `all` or `createAdd`) gets the
 * package itself, so no submission sees a difference.
 *
 * @module
 */
import { join } from "node:path";

import NAMES from "./mathjs_names.json" with { type: "json" };
import { imports } from "./scan.ts";
import { stageTfRecorder } from "./tf_record.ts";

/** The names the browser build's instance serves, as mathjs_names.json stores them. */
export interface MathjsNames {
  /** Names exported by the main entry that the lazily built instance also has. */
  served: string[];
}

/**
 * Lists the main entry's exported names that the browser build's instance
 * also has (for `deno run -A grader/fast_mathjs.ts` and the test that keeps
 * `mathjs_names.json` in step with the pinned version).
 *
 * @returns The names, sorted.
 */
export async function listMathjsNames(): Promise<MathjsNames> {
  const eager = await import("mathjs") as Record<string, unknown>;
  const lazy = (await import("mathjs/lib/browser/math.js") as { default: object }).default;
  const served = Object.keys(eager).filter((name) =>
    name !== "default" && /^[A-Za-z_$][\w$]*$/.test(name) && name in lazy
  );
  return { served: served.sort() };
}

/** How a submission's files use mathjs. */
export interface MathjsUse {
  /** Whether any file mentions the "mathjs" module. */
  mentioned: boolean;
  /** Whether every mention is a named import of names the browser build serves. */
  fits: boolean;
  /** The names imported (value imports only), sorted. */
  names: string[];
}

const SERVED = new Set(NAMES.served);
/** `import { a, b as c, type D } from ` (the statement up to its specifier), anchored. */
const NAMED_IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s*from\s*$/;

/**
 * Reads how a submission's files use mathjs. The files are read by the
 * grader's lexer (linear in their size); a file it cannot read, or an import
 * computed at run time, counts as a use that does not fit.
 *
 * @param sources The texts of the student's files.
 * @returns Whether mathjs is used, whether the fast build can serve it, and the names.
 */
export function mathjsUse(sources: string[]): MathjsUse {
  const names = new Set<string>();
  let mentioned = false;
  let fits = true;
  for (const src of sources) {
    let refs;
    try {
      refs = imports(src);
    } catch {
      // Unreadable here means refused by the scan too; it never runs.
      continue;
    }
    for (const ref of refs) {
      if (ref.spec === null) {
        // `import(name)`: it might be "mathjs", which must then be the package itself.
        fits = false;
        continue;
      }
      if (ref.spec !== "mathjs") continue;
      mentioned = true;
      const m = ref.kind === "static" ? NAMED_IMPORT.exec(ref.statement.trim() + " ") : null;
      if (!m) {
        fits = false;
        continue;
      }
      if (m[1]) continue; // `import type { … }` is erased
      for (const part of m[2].split(",")) {
        const spec = part.trim();
        if (!spec || /^type\s/.test(spec)) continue;
        const name = spec.split(/\s+as\s+/)[0].trim();
        if (SERVED.has(name)) names.add(name);
        else fits = false;
      }
    }
  }
  return { mentioned, fits, names: [...names].sort() };
}

/**
 * The recording wrapper both kinds of staged "mathjs" share: calling (or constructing) one of
 * its functions records `mathjs.<name>`, and reading a typed function's own implementations
 * (`multiply.signatures["Array,Array"]`) records `mathjs.<name>#internals`, so the child sees
 * mathjs as it sees tfjs (`grader/tf_record.ts` decides what each name counts as).
 */
const RECORDER = [
  'const hooks = globalThis[Symbol.for("tensorlings.child")];',
  "// Outside the child there is nothing to record with, and nothing is graded.",
  'const rec = (value, name) => typeof value !== "function" || !hooks ? value : new Proxy(value, {',
  '  apply(f, self, args) { hooks.recordOp("mathjs." + name); return hooks.apply(f, self, args); },',
  "  construct(f, args, target) {",
  '    hooks.recordOp("mathjs." + name);',
  "    return hooks.construct(f, args, target);",
  "  },",
  "  get(f, key) {",
  "    switch (key) {",
  '      case "signatures": case "_typedFunctionData": case "referTo": case "referToSelf":',
  '        hooks.recordOp("mathjs." + name + "#internals");',
  "    }",
  "    return hooks.get(f, key);",
  "  },",
  "});",
];

function facadeSource(pin: string, names: string[]): string {
  return [
    "// Generated by grader/fast_mathjs.ts: the names this submission imports,",
    "// served by mathjs's lazily built instance, each recording its calls.",
    `import m from "${pin}/lib/browser/math.js";`,
    ...RECORDER,
    ...names.map((n) => `export const ${n} = rec(m.${n}, ${JSON.stringify(n)});`),
    'export default new Proxy(m, { get: (t, k) => typeof k === "string" ? rec(t[k], k) : t[k] });',
  ].join("\n") + "\n";
}

/** The package itself, every export recording its calls (none is handed out unwrapped). */
function recordingSource(pin: string, names: string[]): string {
  return [
    "// Generated by grader/fast_mathjs.ts: mathjs itself, every export recording its calls.",
    `import * as m from "${pin}";`,
    ...RECORDER,
    ...names.map((n) => `export const ${n} = rec(m.${n}, ${JSON.stringify(n)});`),
  ].join("\n") + "\n";
}

let mainNames: string[] | undefined;
/** Every name the package's main entry exports (it is loaded once, in this process, to list them). */
async function mathjsMainNames(): Promise<string[]> {
  mainNames ??= Object.keys(await import("mathjs")).filter((n) =>
    n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n)
  );
  return mainNames;
}

/**
 * Writes the staging folder's `deno.json`: the course's import map, with
 * "mathjs" pointed at a fast module for these names when the submission's
 * use fits (the module is written too), and tfjs pointed at the child's
 * recording tfjs (`grader/tf_record.ts`).
 *
 * @param stageDir The staging folder.
 * @param repoRoot The course repository (its deno.json is the base).
 * @param use How the submission uses mathjs ({@link mathjsUse}).
 * @param scopes Import-map scopes to add (see `grader/references.ts`).
 * @returns The path of the staging folder's deno.json.
 */
export async function writeStageConfig(
  stageDir: string,
  repoRoot: string,
  use: MathjsUse,
  scopes: Record<string, Record<string, string>> = {},
): Promise<string> {
  const config = JSON.parse(await Deno.readTextFile(join(repoRoot, "deno.json")));
  const pin: string = config.imports.mathjs; // e.g. npm:mathjs@15.2.0
  let imports = config.imports;
  if (use.mentioned) {
    await Deno.mkdir(join(stageDir, "vendor"), { recursive: true });
    await Deno.writeTextFile(
      join(stageDir, "vendor", "mathjs.js"),
      use.fits ? facadeSource(pin, use.names) : recordingSource(pin, await mathjsMainNames()),
    );
    // The package stays in the map under another name, so the map's npm
    // dependencies, and so the course's deno.lock, still match (the child runs
    // with --frozen against that lock instead of resolving from the registry).
    imports = { ...imports, mathjs: "./vendor/mathjs.js", "tensorlings:mathjs": pin };
  }
  const tf = await stageTfRecorder(stageDir, repoRoot, config.imports["@tensorflow/tfjs"]);
  imports = { ...imports, ...tf.imports };
  const path = join(stageDir, "deno.json");
  // The trusted scopes (references) and the recording tfjs's own; the student's files keep the top level.
  const allScopes = { ...tf.scopes, ...scopes };
  await Deno.writeTextFile(path, JSON.stringify({ imports, scopes: allScopes }, null, 2));
  return path;
}

if (import.meta.main) {
  const path = new URL("./mathjs_names.json", import.meta.url);
  await Deno.writeTextFile(path, JSON.stringify(await listMathjsNames(), null, 1) + "\n");
  console.log(`wrote ${path.pathname}`);
}
