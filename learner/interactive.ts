/**
 * The learner's screen in a terminal: watches the exercise files, re-runs
 * the current exercise on every save, and answers single keys.
 *
 * @module
 */
import { join } from "node:path";
import { t } from "../lib/i18n.ts";
import type { ResolvedExercise } from "../course/types.ts";
import { headerText, listText } from "./commands.ts";
import type { Verdict } from "./runner.ts";
import type { Session } from "./session.ts";
import { type PendingCheck, startTypeCheck } from "./typecheck.ts";
import { type Watcher, watchFiles } from "./watch.ts";

/** How the screen learns that the learner saved. */
export type Trigger = "events" | "poll" | "manual";

/** Options for {@link interactive}. */
export interface InteractiveOptions {
  trigger: Trigger;
  typecheck: boolean;
}

const encoder = new TextEncoder();
const write = (s: string) => Deno.stdout.writeSync(encoder.encode(s));

/**
 * Runs the screen until the learner quits.
 *
 * @param s The session.
 * @param options Trigger and type-check settings.
 */
export async function interactive(s: Session, options: InteractiveOptions): Promise<void> {
  let ex: ResolvedExercise | undefined = s.current();
  let verdict: Verdict | undefined;
  let body = "";
  let note = "";
  let typeNote = "";
  let check: PendingCheck | undefined;
  let prompt: "none" | "jump" | "reset" = "none";
  let typed = "";
  let running = Promise.resolve();
  let watcher: Watcher | undefined;

  const statusLine = () => {
    if (!ex) return "";
    if (options.trigger === "manual") return t("watch.manual");
    return watcher?.mode === "poll"
      ? t("watch.polling", { file: ex.file })
      : t("watch.watching", { file: ex.file });
  };
  const render = () => {
    const parts = ["\x1b[2J\x1b[H"];
    if (ex) parts.push(headerText(s, ex), "", body);
    else parts.push(t("next.courseDone"));
    if (typeNote) parts.push("", typeNote);
    if (note) parts.push("", note);
    parts.push("", s.style.dim(t("keys.help")), s.style.dim(statusLine()));
    if (prompt === "jump") parts.push(t("list.jump") + typed);
    if (prompt === "reset" && ex) parts.push(t("reset.confirm", { file: ex.file }));
    write(parts.join("\n").replaceAll("\n", "\r\n"));
  };

  const runCurrent = () => {
    running = running.then(async () => {
      if (!ex) return render();
      check?.cancel();
      typeNote = "";
      const target = ex;
      verdict = await s.judge(target);
      body = await s.describe(target, verdict);
      if (verdict.status === "pass") {
        const next = s.nextUnfinished(target.index);
        body += "\n\n" + s.style.green(
          next ? t("next.pass", { name: next.name }) : t("next.courseDone"),
        );
      }
      render();
      // Warm the next worker only now: starting one costs the main thread time.
      s.runner.prepare(target);
      if (options.typecheck && verdict.status !== "error") {
        // Not awaited: the next save must not wait for the checker.
        const mine = startTypeCheck(s.root, target.file);
        check = mine;
        mine.result.then((errors) => {
          if (errors && check === mine && ex === target) {
            typeNote = s.style.yellow(t("typecheck.errors")) + "\n" + errors;
            render();
          }
        });
      }
    });
    return running;
  };

  if (options.trigger !== "manual") {
    watcher = watchFiles(join(s.root, "exercises"), () => {
      note = "";
      runCurrent();
    }, { poll: options.trigger === "poll" });
  }
  if (ex) s.runner.prepare(ex);
  await runCurrent();

  Deno.stdin.setRaw(true);
  const reader = Deno.stdin.readable.getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done || !value) break;
      for (const byte of value) {
        const key = String.fromCharCode(byte);
        if (prompt === "jump") {
          if (key === "\r" || key === "\n") {
            prompt = "none";
            const target = s.exercises[Number(typed) - 1];
            typed = "";
            if (target) {
              ex = target;
              await s.jump(target);
              note = t("jump.done", { name: target.name });
              watcher?.touch();
              await runCurrent();
            } else render();
          } else if (/[0-9]/.test(key)) {
            typed += key;
            render();
          } else if (byte === 127 || byte === 8) {
            typed = typed.slice(0, -1);
            render();
          } else if (byte === 27 || byte === 3) {
            prompt = "none";
            typed = "";
            render();
          }
          continue;
        }
        if (prompt === "reset") {
          prompt = "none";
          note = key === "y" || key === "Y" ? await s.reset(ex!) : t("reset.cancelled");
          if (key === "y" || key === "Y") await runCurrent();
          else render();
          continue;
        }
        if (key === "q" || byte === 3 || byte === 4) return;
        if (!ex) continue;
        switch (key) {
          case "n":
            if (verdict?.status === "pass") {
              ex = await s.advance(ex);
              note = "";
              await runCurrent();
            }
            break;
          case "h":
            note = await s.hint(ex);
            render();
            break;
          case "l":
            note = listText(s);
            prompt = "jump";
            render();
            break;
          case "r":
            prompt = "reset";
            render();
            break;
          case "e":
            await openEditor(s, ex, (msg) => (note = msg));
            Deno.stdin.setRaw(true);
            await runCurrent();
            break;
          case "\r":
          case "\n":
          case " ":
            note = "";
            await runCurrent();
            break;
        }
      }
    }
  } finally {
    reader.releaseLock();
    try {
      Deno.stdin.setRaw(false);
    } catch {
      // stdin already closed
    }
    watcher?.close();
    check?.cancel();
    write("\r\n");
  }
}

async function openEditor(
  s: Session,
  ex: ResolvedExercise,
  say: (msg: string) => void,
): Promise<void> {
  const editor = Deno.env.get("VISUAL") || Deno.env.get("EDITOR");
  if (!editor) return say(t("editor.none"));
  Deno.stdin.setRaw(false);
  const [cmd, ...args] = editor.split(/\s+/);
  try {
    await new Deno.Command(cmd, {
      args: [...args, join(s.root, ex.file)],
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).output();
  } catch (e) {
    say(t("editor.failed", { editor, message: e instanceof Error ? e.message : String(e) }));
  }
}
