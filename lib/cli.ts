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

/**
 * Runs a command's main function and exits with its status. Anything it
 * throws is printed as one `error: …` line (the stack only with
 * `TENSORLINGS_DEBUG=1`) and exits 1, so a full disk or an unwritable
 * folder reads as a sentence, not a stack trace.
 *
 * @param main The command.
 */
export async function runMain(main: () => Promise<number>): Promise<never> {
  try {
    Deno.exit(await main());
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    console.error(`error: ${err.message}`);
    let debug = false;
    try {
      debug = Deno.env.get("TENSORLINGS_DEBUG") === "1";
    } catch {
      // no env permission: no stack
    }
    if (debug) console.error(err.stack);
    else console.error("(set TENSORLINGS_DEBUG=1 to see where it happened)");
    Deno.exit(1);
  }
}
