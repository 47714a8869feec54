/**
 * `deno task grade <submission>`: grades one submission against the hidden
 * tests. Parses arguments and hands off to {@link gradeSubmission}.
 *
 * @module
 */
import { killChildrenOnSignal } from "./judge.ts";
import { parseCli, runMain } from "../lib/cli.ts";
import { join, resolve } from "node:path";
import { loadContent } from "../learner/content.ts";
import { type Format, FORMATS, render } from "./formats.ts";
import { gradeSubmission } from "./grade.ts";
import { loadSecret } from "./seed.ts";
import { SubmissionError } from "./submission.ts";

const HELP_TEXT = `Grade a submission against the hidden tests.

Usage: deno task grade <submission> [options]

  <submission>           a folder holding exercises/, an exercises tree, or a .zip of either

Options:
  --format FORMAT        text (default), json, gradescope, junit
  --out FILE             write the result to FILE instead of standard output
  --student ID           grade with this student's own random inputs (needs the course secret)
  --secret FILE          the course secret (default: grader/secret.key, created on first use;
                         or $TENSORLINGS_SECRET_FILE)
  --only NAME[,NAME]     grade only these exercises
  -h, --help             show this text

The submission is never modified. Exit status: 0 graded, 1 cannot grade, 2 usage error.`;

const REPO = resolve(new URL("..", import.meta.url).pathname);

/**
 * Runs the command.
 *
 * @param argv Arguments without the program name.
 * @returns The exit status.
 */
export async function main(argv: string[]): Promise<number> {
  killChildrenOnSignal();
  const parsed = parseCli(argv, {
    format: { type: "string", default: "text" },
    out: { type: "string" },
    student: { type: "string" },
    secret: { type: "string" },
    only: { type: "string" },
  }, HELP_TEXT);
  if ("exit" in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(`error: give exactly one submission (got ${positionals.length})\n\n${HELP_TEXT}`);
    return 2;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    console.error(`error: unknown format "${values.format}": use one of ${FORMATS.join(", ")}`);
    return 2;
  }
  let secret: Uint8Array | null = null;
  if (values.student !== undefined) {
    const path = values.secret ?? Deno.env.get("TENSORLINGS_SECRET_FILE") ??
      join(REPO, "grader", "secret.key");
    const loaded = await loadSecret(path);
    if (loaded.created) {
      console.error(`note: created a new course secret in ${path}; keep it, and keep it private`);
    }
    secret = loaded.key;
  }
  const only = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
  const content = await loadContent(REPO);
  try {
    const result = await gradeSubmission(resolve(positionals[0]), {
      repoRoot: REPO,
      student: values.student,
      secret,
      only,
      misconceptionTexts: content.misconceptions,
    });
    const text = render(result, format);
    if (values.out) await Deno.writeTextFile(values.out, text);
    else await Deno.stdout.write(new TextEncoder().encode(text));
    return 0;
  } catch (e) {
    if (e instanceof SubmissionError) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
