/**
 * `deno task new <lesson> <name> [--entry fnName]`: scaffolds every file an
 * exercise needs and adds it to the manifest. Each file carries a
 * `TODO(author)` marker that the completeness check rejects until it is
 * filled in, so an exercise cannot land half-written.
 *
 * Files written (all named after the exercise):
 * `exercises/<lesson>/<name>.ts` and `<name>_test.ts`,
 * `solutions/<lesson>/<name>.ts`, `course/<lesson>/<name>/hidden.ts` and
 * `variants.ts`, `locales/en/<lesson>/<name>.json`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { LESSONS } from "../course/manifest.ts";
import { AUTHOR_TODO } from "./completeness.ts";

const HELP = `deno task new <lesson> <name> [--entry fnName]

  lesson   a lesson folder (03_logistic_regression) or its number (03)
  name     the exercise, snake_case (sigmoid)
  --entry  the function the learner writes (default: the name in camelCase)`;

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The files of a new exercise, path → text. */
function templates(lesson: string, name: string, entry: string): Record<string, string> {
  const n = lesson.slice(0, 2);
  return {
    [`exercises/${lesson}/${name}.ts`]: `import type { Vector } from "../../lib/types.ts";

/**
 * ${AUTHOR_TODO}: one line saying what ${entry} computes.
 *
 *   ${AUTHOR_TODO}: the formula, in one line.
 *
 * @param x ${AUTHOR_TODO}: what it is, and its shape.
 * @returns ${AUTHOR_TODO}: what it is, and its shape.
 * @throws {RangeError} ${AUTHOR_TODO}: when (or remove this line).
 */
export function ${entry}(x: Vector): Vector {
  // TODO: ${AUTHOR_TODO}: 1–3 lines telling the learner what to write.
  throw new Error("Not implemented: ${entry} (lesson ${n})");
}
`,
    [`exercises/${lesson}/${name}_test.ts`]: `// Do not edit: your work is checked against these.
import { expectClose, test } from "../../lib/testing.ts";
import { ${entry} } from "./${name}.ts";

test("${entry}() ${AUTHOR_TODO}: what this checks, as a sentence", () => {
  expectClose(${entry}([1, 2]), [1, 2], { what: "${entry}([1, 2])" });
});
`,
    [`solutions/${lesson}/${name}.ts`]: `import type { Vector } from "../../lib/types.ts";

/** ${AUTHOR_TODO}: the stub's JSDoc, word for word. */
export function ${entry}(x: Vector): Vector {
  return x; // ${AUTHOR_TODO}: the reference solution
}
`,
    [`course/${lesson}/${name}/hidden.ts`]:
      `import type { ${entry} } from "../../../exercises/${lesson}/${name}.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";

/** Hidden cases of \`${entry}\`. */
export default cases<typeof ${entry}>([
  {
    id: "random-input",
    name: "${entry}() ${AUTHOR_TODO}: what this case checks",
    points: 2,
    args: (r) => [randomVector(r, 2 + r.int(10))],
  },
]);
`,
    [`course/${lesson}/${name}/variants.ts`]:
      `import type { ${entry} } from "../../../exercises/${lesson}/${name}.ts";
import { variants } from "../../define.ts";

/** Known-wrong variants of \`${entry}\`. */
export default variants<typeof ${entry}>({
  // ${AUTHOR_TODO}: inputs on which every variant differs from the answer and from each other.
  probes: [[[1, 2, 3]]],
  variants: [
    // { id: "${name}.some_mistake", section: "lesson-heading", fn: (x) => ... },
  ],
});
`,
    [`locales/en/${lesson}/${name}.json`]: JSON.stringify(
      {
        hints: [
          `${AUTHOR_TODO}: a nudge`,
          `${AUTHOR_TODO}: the formula`,
          `${AUTHOR_TODO}: nearly the answer (code that type-checks)`,
        ],
        misconceptions: {},
      },
      null,
      2,
    ) + "\n",
  };
}

/**
 * Adds an entry to a lesson's exercise list in the manifest's source.
 *
 * @param source The text of `course/manifest.ts`.
 * @param lesson The lesson folder.
 * @param line The entry, e.g. `plain("sigmoid", "sigmoid", "todo-author-section")`.
 * @returns The new text.
 * @throws {Error} When the lesson is not found in the text.
 */
export function addToManifest(source: string, lesson: string, line: string): string {
  const at = source.indexOf(`dir: "${lesson}"`);
  if (at < 0) throw new Error(`course/manifest.ts has no lesson with dir "${lesson}"`);
  const open = source.indexOf("exercises: [", at) + "exercises: [".length;
  let depth = 1;
  let i = open;
  for (; i < source.length && depth > 0; i++) {
    if (source[i] === "[") depth++;
    else if (source[i] === "]") depth--;
  }
  const close = i - 1; // the list's closing bracket
  const inner = source.slice(open, close);
  const body = inner.trim()
    ? `${inner.replace(/,?\s*$/, ",")}\n      ${line},\n    `
    : `\n      ${line},\n    `;
  return source.slice(0, open) + body + source.slice(close);
}

/**
 * Scaffolds an exercise in a course repository.
 *
 * @param root The repository.
 * @param lessonArg A lesson folder or its two-digit number.
 * @param name The exercise's name (snake_case).
 * @param entry The function's name.
 * @returns The files written.
 * @throws {Error} With what to do, for a bad lesson or name or an existing exercise.
 */
export async function scaffold(
  root: string,
  lessonArg: string,
  name: string,
  entry = camel(name),
): Promise<string[]> {
  const lesson = LESSONS.find((l) => l.dir === lessonArg || l.dir.startsWith(`${lessonArg}_`));
  if (!lesson) {
    throw new Error(
      `no lesson "${lessonArg}": use one of ${LESSONS.map((l) => l.dir).join(", ")}`,
    );
  }
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    throw new Error(`"${name}" is not a snake_case name (letters, digits, _): e.g. conv2d_valid`);
  }
  if (!/^[a-z][A-Za-z0-9]*$/.test(entry)) {
    throw new Error(`"${entry}" is not a camelCase function name`);
  }
  if (LESSONS.some((l) => l.exercises.some((e) => e.name === name))) {
    throw new Error(`an exercise named "${name}" exists already: choose another name`);
  }
  const files = templates(lesson.dir, name, entry);
  for (const rel of Object.keys(files)) {
    try {
      await Deno.lstat(join(root, rel));
      throw new Error(`${rel} exists already: nothing was written`);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  for (const [rel, text] of Object.entries(files)) {
    await Deno.mkdir(join(root, rel, ".."), { recursive: true });
    await Deno.writeTextFile(join(root, rel), text, { createNew: true });
  }
  const manifest = join(root, "course", "manifest.ts");
  await Deno.writeTextFile(
    manifest,
    addToManifest(
      await Deno.readTextFile(manifest),
      lesson.dir,
      `plain("${name}", "${entry}", "todo-author-section")`,
    ),
  );
  return [...Object.keys(files), "course/manifest.ts"];
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    options: { entry: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 2) {
    console.log(HELP);
    Deno.exit(values.help ? 0 : 2);
  }
  try {
    const root = new URL("..", import.meta.url).pathname;
    const written = await scaffold(root, positionals[0], positionals[1], values.entry);
    console.log(`wrote ${written.join("\n      ")}`);
    console.log(
      `\nNext: fill in every ${AUTHOR_TODO} (deno run -A dev/completeness.ts lists them), ` +
        `write the lesson section, then run deno task diagnosis.`,
    );
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(1);
  }
}
