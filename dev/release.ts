/**
 * `deno task release --out DIR`: writes the kit students get. It holds the
 * lessons, the stubs and public tests, the learner's loop and what it
 * needs; never `solutions/`, hidden tests, the grader or the course secret.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { copyKit, KIT_ENTRIES } from "./kit.ts";

const ROOT = resolve(new URL("..", import.meta.url).pathname);

/** Entries of the kit beyond the shared ones, and where they come from. */
const KIT_ONLY: Array<[from: string, to: string]> = [
  ["tests/kit_test.ts", "tests/kit_test.ts"],
  ["course/KIT_README.md", "README.md"],
];

/** The kit's deno.json: the repository's, with only the learner's tasks. */
async function kitConfig(): Promise<string> {
  const config = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  config.tasks = {
    lesson: config.tasks.lesson,
    test: "deno test --allow-read --allow-write --allow-run --allow-env --doc lib/ lessons/ tests/",
  };
  delete config.test;
  config.lint = { exclude: ["exercises/", ".tensorlings/"] };
  return JSON.stringify(config, null, 2) + "\n";
}

/**
 * Writes a student kit.
 *
 * @param out The folder to create; it must not exist or be empty.
 * @returns The files written, relative to `out`.
 */
export async function release(out: string): Promise<string[]> {
  let existing: Deno.DirEntry[] = [];
  try {
    existing = [...Deno.readDirSync(out)];
  } catch {
    // does not exist yet: good
  }
  if (existing.length > 0) {
    throw new Error(`${out} is not empty: choose a new folder so nothing is overwritten`);
  }
  await copyKit(ROOT, out, KIT_ENTRIES.filter((e) => e !== "README.md" && e !== "deno.json"));
  for (const [from, to] of KIT_ONLY) {
    await Deno.mkdir(join(out, to, ".."), { recursive: true });
    await Deno.copyFile(join(ROOT, from), join(out, to));
  }
  await Deno.writeTextFile(join(out, "deno.json"), await kitConfig());
  const files: string[] = [];
  const walk = async (dir: string, rel: string) => {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) await walk(join(dir, e.name), `${rel}${e.name}/`);
      else files.push(`${rel}${e.name}`);
    }
  };
  await walk(out, "");
  return files.sort();
}

if (import.meta.main) {
  const { values } = parseArgs({ args: Deno.args, options: { out: { type: "string" } } });
  if (!values.out) {
    console.error("error: give the folder to write the kit to: deno task release --out DIR");
    Deno.exit(2);
  }
  try {
    const files = await release(resolve(values.out));
    console.log(`wrote a student kit of ${files.length} files to ${resolve(values.out)}`);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    Deno.exit(1);
  }
}
