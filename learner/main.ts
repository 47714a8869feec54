/**
 * `deno task lesson`: the learner's loop. Parses arguments and hands off.
 *
 * @module
 */
import { parseCli, runMain } from "../lib/cli.ts";
import { resolve } from "node:path";
import { t } from "../lib/i18n.ts";
import {
  hintCommand,
  listText,
  readCommand,
  resetCommand,
  runOnce,
  unknownName,
  verifyCommand,
} from "./commands.ts";
import { interactive } from "./interactive.ts";
import { makeStyle } from "./report.ts";
import { Session } from "./session.ts";

/**
 * Runs the loop with command-line arguments.
 *
 * @param argv The arguments (without the program name).
 * @returns The exit status.
 */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCli(argv, {
    poll: { type: "boolean" },
    manual: { type: "boolean" },
    "no-typecheck": { type: "boolean" },
    quick: { type: "boolean" },
    "no-color": { type: "boolean" },
    lang: { type: "string" },
    root: { type: "string" },
  }, t("help"));
  if ("exit" in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (values.quick && positionals[0] !== "verify") {
    console.error(`${t("error.quickOnlyVerify")}\n\n${t("help")}`);
    return 2;
  }
  const root = resolve(values.root ?? Deno.cwd());
  try {
    if (!Deno.statSync(`${root}/exercises`).isDirectory) throw new Error();
  } catch {
    console.error(t("error.noRoot", { root }));
    return 2;
  }
  const tty = Deno.stdin.isTerminal() && Deno.stdout.isTerminal();
  const colour = !values["no-color"] && !Deno.env.get("NO_COLOR") && Deno.stdout.isTerminal();
  const session = await Session.open(root, makeStyle(colour), values.lang ?? "en");
  killWorkersOnSignals(session);
  try {
    if (session.movedCorrupt) console.error(t("state.corrupt", { path: session.movedCorrupt }));
    const [command, arg] = positionals;
    let outcome;
    switch (command) {
      case "list":
        outcome = { text: listText(session), code: 0 };
        break;
      case "hint":
        outcome = await hintCommand(session, arg);
        break;
      case "verify":
        outcome = await verifyCommand(session, { quick: values.quick });
        break;
      case "read":
        outcome = await readCommand(
          session,
          arg,
          Deno.stdout.isTerminal() ? Math.min(100, Deno.consoleSize().columns) : 80,
        );
        break;
      case "reset":
        outcome = await resetCommand(session, arg);
        break;
      default: {
        if (command !== undefined) {
          const ex = session.find(command);
          if (!ex) {
            console.error(
              `${unknownName(session, "error.unknownCommand", command)}\n\n${t("help")}`,
            );
            return 2;
          }
          await session.jump(ex);
        }
        if (tty) {
          await interactive(session, {
            trigger: values.manual ? "manual" : values.poll ? "poll" : "events",
            typecheck: !values["no-typecheck"],
          });
          return 0;
        }
        const ex = session.current();
        if (!ex) {
          outcome = { text: t("next.courseDone"), code: 0 };
          break;
        }
        outcome = await runOnce(session, ex, { typecheck: !values["no-typecheck"] });
      }
    }
    console.log(outcome.text);
    return outcome.code;
  } finally {
    await session.close();
  }
}

/**
 * Kills the worker processes when the loop is interrupted or its terminal
 * closes: a worker busy in a loop would not notice that its parent is gone.
 */
function killWorkersOnSignals(session: Session): void {
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const [signal, code] of Object.entries(signals)) {
    try {
      Deno.addSignalListener(signal as Deno.Signal, () => {
        session.close(); // the kills happen at once; no need to wait
        Deno.exit(code);
      });
    } catch {
      // this signal does not exist here (Windows)
    }
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
