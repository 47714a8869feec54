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
import { finishText, liveText } from "./report.ts";
import { childEnv } from "./child_env.ts";
import { fitScreen, screenSize } from "./screen.ts";
import type { LiveRun, Verdict } from "./runner.ts";
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

/** A run shows its progress once it has taken this long (ms), or as soon as it trains. */
const LIVE_AFTER_MS = 200;
/** The screen is redrawn at most this often while a run reports (ms). */
const REDRAW_EVERY_MS = 50;

/** One run of the current exercise, which a newer one cancels. */
interface ActiveRun {
  abort: AbortController;
  done: Promise<void>;
  finished: boolean;
  live?: LiveRun;
  /** Whether the screen shows this run's progress yet. */
  shown: boolean;
}

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
  /** What comes next after a pass (or why the exercise is not done yet). */
  let footer = "";
  /** The latest type check listed errors for the current exercise. */
  let typeErrors = false;
  let note = "";
  let typeNote = "";
  let check: PendingCheck | undefined;
  let prompt: "none" | "jump" | "reset" = "none";
  let typed = "";
  let active: ActiveRun | undefined;
  let banner = "";
  let watcher: Watcher | undefined;
  let lastDraw = 0;
  let drawTimer: ReturnType<typeof setTimeout> | undefined;
  let lastLive = "";

  const statusLine = () => {
    if (!ex) return "";
    if (options.trigger === "manual") return t("watch.manual");
    if (options.trigger === "poll") return t("watch.pollingAsked", { file: ex.file });
    return watcher?.mode === "poll"
      ? t("watch.polling", { file: ex.file })
      : t("watch.watching", { file: ex.file });
  };
  const liveBody = () =>
    active?.live && active.shown && !active.finished && ex
      ? liveText(s.root, ex.file, active.live, s.style)
      : "";
  const render = () => {
    clearTimeout(drawTimer);
    drawTimer = undefined;
    lastDraw = performance.now();
    lastLive = liveBody();
    const head: string[] = [];
    const main: string[] = [];
    const tail: string[] = [];
    if (ex) {
      head.push(headerText(s, ex), "");
      if (banner) head.push(s.style.yellow(banner), "");
      main.push(lastLive || body);
      if (footer && !lastLive) main.push("", footer);
    } else main.push(finishText(s.style));
    if (typeNote) main.push("", typeNote);
    tail.push(s.style.dim(t("keys.help")), s.style.dim(statusLine()));
    if (prompt === "jump") tail.push(t("list.jump") + typed);
    if (prompt === "reset" && ex) tail.push(t("reset.confirm", { file: ex.file }));
    const { columns, rows } = screenSize();
    const lines = fitScreen(
      { head: head.join("\n"), body: main.join("\n"), note, tail: tail.join("\n") },
      columns,
      rows,
      (hidden) => s.style.dim(t("screen.more", { hidden, name: ex?.name ?? "" })),
    );
    // Home, each line over the last frame's and cleared to its end, then the rest
    // cleared: no blank frame in between, so twenty redraws a second do not flicker.
    write("\x1b[H" + lines.join("\x1b[K\r\n") + "\x1b[K\x1b[J");
  };

  /** Redraws soon, but not more often than every REDRAW_EVERY_MS. */
  const redraw = () => {
    const wait = lastDraw + REDRAW_EVERY_MS - performance.now();
    if (wait <= 0) render();
    else drawTimer ??= setTimeout(render, wait);
  };
  // Keeps "still running… (Ns)" current; draws only when the text changes.
  const ticker = setInterval(() => {
    const run = active;
    if (!run?.live || run.finished) return;
    if (!run.shown && performance.now() - run.live.t0 >= LIVE_AFTER_MS) run.shown = true;
    if (run.shown && liveBody() !== lastLive) redraw();
  }, 100);

  /** Runs the current exercise, cancelling a run still in progress. */
  const runCurrent = (): Promise<void> => {
    const prev = active;
    const run: ActiveRun = {
      abort: new AbortController(),
      done: Promise.resolve(),
      finished: false,
      shown: false,
    };
    active = run;
    if (prev && !prev.finished) {
      prev.abort.abort();
      if (prev.live && ex) {
        // Say so at once: the stopped run's progress and the last verdict are stale now.
        banner = t("live.cancelled");
        body = s.style.yellow(t("live.loading", { file: ex.file }));
        render();
      }
    }
    const stale = () => run.abort.signal.aborted;
    run.done = (async () => {
      await prev?.done; // an aborted run ends at once
      if (stale()) return;
      if (!ex) {
        run.finished = true;
        return render();
      }
      check?.cancel();
      typeNote = "";
      typeErrors = false;
      const target = ex;
      const v = await s.judge(target, {
        signal: run.abort.signal,
        onUpdate: (live, event) => {
          run.live = live;
          const training = event === "progress" ||
            (event === "start" && live.planned[live.current]?.long);
          if (training || performance.now() - live.t0 >= LIVE_AFTER_MS) run.shown = true;
          if (run.shown) redraw();
        },
      });
      run.finished = true;
      if (stale() || v.status === "cancelled") return;
      verdict = v;
      banner = "";
      body = await s.describe(target, v);
      if (stale()) return;
      footer = "";
      if (v.status === "pass") {
        const next = s.nextUnfinished(target.index);
        footer = next ? s.style.green(t("next.pass", { name: next.name })) : finishText(s.style);
      }
      render();
      // Warm the next worker only now: starting one costs the main thread time.
      s.runner.prepare(target);
      if (options.typecheck && v.status !== "error") {
        // Not awaited: the next save must not wait for the checker.
        const mine = startTypeCheck(s.root, target.file);
        check = mine;
        mine.result.then(async (errors) => {
          if (errors && check === mine && ex === target) {
            typeErrors = true;
            typeNote = s.style.yellow(t("typecheck.errors")) + "\n" + errors;
            if (v.status === "pass") {
              // Not done while type errors are listed.
              await s.unmark(target);
              footer = s.style.yellow(t("typecheck.notDone"));
            }
            render();
          }
        });
      }
    })();
    return run.done;
  };

  if (options.trigger !== "manual") {
    watcher = watchFiles(join(s.root, "exercises"), () => {
      note = "";
      runCurrent();
    }, { poll: options.trigger === "poll" });
  }
  if (ex) s.runner.prepare(ex);
  // Not awaited, here or for keys: a run may train for a minute, and q must still work.
  runCurrent();

  // A resized terminal is redrawn at once, wrapped to its new width.
  const onResize = () => {
    write("\x1b[H\x1b[2J");
    render();
  };
  let resizeListening = false;
  try {
    Deno.addSignalListener("SIGWINCH", onResize);
    resizeListening = true;
  } catch {
    // no SIGWINCH here (Windows)
  }

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
              runCurrent();
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
          if (key === "y" || key === "Y") runCurrent();
          else render();
          continue;
        }
        if (key === "q" || byte === 3 || byte === 4) return;
        if (!ex) continue;
        switch (key) {
          case "n":
            if (!active?.finished) note = t("next.running");
            else if (verdict?.status !== "pass") note = t("next.notYet");
            else if (typeErrors) note = t("next.notDoneTypes");
            else {
              const next = await s.advance(ex);
              note = "";
              if (!next) {
                render(); // the course is finished: stay here, with every key working
                break;
              }
              ex = next;
              watcher?.touch();
              runCurrent();
              break;
            }
            render();
            break;
          case "h":
            note = await s.hint(ex, true);
            render();
            break;
          case "t":
            note = await s.read(ex, Math.min(100, screenSize().columns));
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
            runCurrent();
            break;
          case "\r":
          case "\n":
          case " ":
            note = "";
            runCurrent();
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
    if (resizeListening) Deno.removeSignalListener("SIGWINCH", onResize);
    watcher?.close();
    check?.cancel();
    active?.abort.abort();
    clearInterval(ticker);
    clearTimeout(drawTimer);
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
      env: childEnv(),
      clearEnv: true,
    }).output();
  } catch (e) {
    say(t("editor.failed", { editor, message: e instanceof Error ? e.message : String(e) }));
  }
}
