/**
 * Argument parsing shared by the kit's commands: `node:util`'s parseArgs
 * with the house rules — a usage error prints `error: …` and the help text
 * and means exit status 2; `-h`/`--help` prints the help and means 0.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parsed arguments, or the exit status when the command should stop now. */
export type Parsed<O extends Options> =
  | {
    values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>["values"];
    positionals: string[];
  }
  | { exit: number };

/**
 * Parses a command's arguments.
 *
 * @param argv The arguments (without the program name).
 * @param options The options (`help`/`-h` is added).
 * @param help The command's help text.
 * @returns The values and positionals, or `{ exit }` after printing help or a usage error.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCli } from "./cli.ts";
 * const p = parseCli(["x", "--out", "o"], { out: { type: "string" } }, "usage");
 * assert.ok(!("exit" in p) && p.values.out === "o" && p.positionals[0] === "x");
 * ```
 */
export function parseCli<O extends Options>(argv: string[], options: O, help: string): Parsed<O> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n\n${help}`);
    return { exit: 2 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    return { exit: 0 };
  }
  return parsed as unknown as Parsed<O>;
}
