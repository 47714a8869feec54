/**
 * `deno task grade-all <submissions> --out DIR`: grades a class, then
 * writes the gradebook. `deno task grade-merge DIR… --out DIR` merges the
 * outputs of a sharded run into one gradebook.
 *
 * @module
 */
import { killChildrenOnSignal } from "./judge.ts";
import { parseCli, runMain } from "../lib/cli.ts";
import { join, resolve } from "node:path";
import { loadContent } from "../learner/content.ts";
import { gradeClass } from "./batch.ts";
import { buildGradebook, readRecords, writeGradebook } from "./gradebook.ts";
import { clean } from "./sanitize.ts";
import { ConfigError, loadLatePolicy } from "./late.ts";
import { loadSecret } from "./seed.ts";

const REPO = resolve(new URL("..", import.meta.url).pathname);

const HELP_ALL = `Grade every submission in a folder (each subfolder or .zip is one student).

Usage: deno task grade-all <submissions> --out DIR [options]

Options:
  --out DIR          where results/, gradebook.csv, gradebook.json and report.html go
  --jobs N           submissions graded at once (default: the number of cores)
  --shard i/n        grade only shard i of n (students in ID order); merge with grade-merge
  --config FILE      grading config: due date, late policy, hand-in times (see README)
  --secret FILE      the course secret for per-student inputs (default: grader/secret.key)
  --only NAME[,NAME] grade only these exercises
  -h, --help         show this text

A re-run resumes: students whose submission and grader are unchanged are not graded again.`;

const HELP_MERGE = `Merge the outputs of a sharded grade-all run into one gradebook.

Usage: deno task grade-merge <dir> [<dir>…] --out DIR`;

function progressBar(done: number, total: number, startedMs: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const elapsed = (performance.now() - startedMs) / 1000;
  const eta = done ? (elapsed / done) * (total - done) : 0;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}  ${
    elapsed.toFixed(0)
  } s, ETA ${eta.toFixed(0)} s`;
}

/**
 * `grade-all`.
 *
 * @param argv Arguments without the program name.
 * @returns The exit status.
 */
export async function gradeAllMain(argv: string[]): Promise<number> {
  killChildrenOnSignal();
  const parsed = parseCli(argv, {
    out: { type: "string" },
    jobs: { type: "string" },
    shard: { type: "string" },
    config: { type: "string" },
    secret: { type: "string" },
    only: { type: "string" },
  }, HELP_ALL);
  if ("exit" in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.out) {
    console.error(`error: give one submissions folder and --out DIR\n\n${HELP_ALL}`);
    return 2;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    console.error(`error: --jobs must be a whole number >= 1: current value is ${values.jobs}`);
    return 2;
  }
  let shard: [number, number] | undefined;
  if (values.shard) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
      console.error(
        `error: --shard must look like 2/5 (shard 2 of 5): current value is ${values.shard}`,
      );
      return 2;
    }
    shard = [Number(m[1]), Number(m[2])];
  }
  const dir = resolve(positionals[0]);
  if (!(await Deno.stat(dir).catch(() => null))?.isDirectory) {
    console.error(`error: ${dir} is not a folder of submissions`);
    return 1;
  }
  let late = null;
  try {
    late = values.config ? await loadLatePolicy(values.config) : null;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const secretPath = values.secret ?? Deno.env.get("TENSORLINGS_SECRET_FILE") ??
    join(REPO, "grader", "secret.key");
  const { key: secret, created } = await loadSecret(secretPath);
  if (created) {
    console.error(
      `note: created a new course secret in ${secretPath}; keep it, and keep it private`,
    );
  }
  const outDir = resolve(values.out);
  const content = await loadContent(REPO);
  const started = performance.now();
  const tty = Deno.stderr.isTerminal();
  let lastLine = 0;
  const summary = await gradeClass(dir, {
    repoRoot: REPO,
    outDir,
    jobs,
    shard,
    secret,
    late,
    only: values.only?.split(",").map((x) => x.trim()).filter(Boolean),
    misconceptionTexts: content.misconceptions,
    onProgress: (done, total, record) => {
      const line = progressBar(done, total, started);
      if (tty) Deno.stderr.writeSync(new TextEncoder().encode(`\r${line}`));
      else if (done === total || performance.now() - lastLine > 5000) {
        lastLine = performance.now();
        console.error(line);
      }
      if (record.status === "error") {
        const msg = `${clean(record.id, 200)}: ${clean(record.error)}`;
        console.error(tty ? `\r\x1b[K${msg}` : msg);
      }
    },
  });
  if (tty) console.error("");
  for (const name of summary.skipped) {
    console.error(`skipped ${clean(name, 200)}: not a folder or a .zip file`);
  }
  const gb = await buildGradebook(await readRecords([outDir]), REPO);
  await writeGradebook(gb, outDir);
  console.log(
    `${summary.total} submissions: ${summary.graded} graded (${summary.exercisesGraded} exercises; ` +
      `${summary.partly} of them only where the grade inputs changed), ${summary.reused} unchanged ` +
      `since the last run, ${summary.errors} could not be graded. ` +
      `Wrote ${join(outDir, "gradebook.csv")}, gradebook.json and report.html in ${
        ((performance.now() - started) / 1000).toFixed(1)
      } s.`,
  );
  return 0;
}

/**
 * `grade-merge`.
 *
 * @param argv Arguments without the program name.
 * @returns The exit status.
 */
export async function mergeMain(argv: string[]): Promise<number> {
  const parsed = parseCli(argv, { out: { type: "string" } }, HELP_MERGE);
  if ("exit" in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length === 0 || !values.out) {
    console.error(`error: give the shard output folders and --out DIR\n\n${HELP_MERGE}`);
    return 2;
  }
  let records;
  try {
    records = await readRecords(positionals.map((p) => resolve(p)));
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
  const outDir = resolve(values.out);
  await Deno.mkdir(join(outDir, "results"), { recursive: true });
  for (const r of records) {
    await Deno.writeTextFile(
      join(outDir, "results", `${encodeURIComponent(r.id)}.json`),
      JSON.stringify(r, null, 1) + "\n",
    );
  }
  await writeGradebook(await buildGradebook(records, REPO), outDir);
  console.log(
    `merged ${records.length} students from ${positionals.length} folders into ${outDir}`,
  );
  return 0;
}

if (import.meta.main) {
  const [command, ...rest] = Deno.args;
  await runMain(() => command === "merge" ? mergeMain(rest) : gradeAllMain(rest));
  // The tasks call this file as `class_main.ts all …` or `class_main.ts merge …`.
}
