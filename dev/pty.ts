/**
 * The learner's loop run under a pseudo-terminal (util-linux `script`), as
 * a person would see it: for the watch-mode tests and the latency benchmark.
 *
 * @module
 */
import { taskPermissions } from "./task_flags.ts";

/** Whether `script` (util-linux) is available to make a pty. */
export const hasScript: boolean = (() => {
  try {
    return new Deno.Command("script", { args: ["--version"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
})();

/** A loop running in a pty, whose screen output accumulates in `screen`. */
export class PtyLoop {
  screen = "";
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #done: Promise<void>;

  /**
   * Starts `learner/main.ts …args` in a kit under a pty, with the `lesson` task's
   * permissions (as `deno task lesson` does).
   *
   * @param kit The kit folder.
   * @param args The loop's arguments.
   * @param env Extra environment variables (e.g. EDITOR).
   * @param size The terminal's size (columns, rows); unset, the pty has none.
   */
  constructor(
    kit: string,
    args: string[],
    env: Record<string, string> = {},
    size?: { columns: number; rows: number },
  ) {
    const stty = size ? `stty cols ${size.columns} rows ${size.rows}; ` : "";
    const cmd = stty +
      [Deno.execPath(), "run", ...taskPermissions("lesson", kit), "learner/main.ts", ...args].join(
        " ",
      );
    this.#child = new Deno.Command("script", {
      args: ["-qfec", cmd, "/dev/null"],
      cwd: kit,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1", TERM: "dumb", ...env },
    }).spawn();
    this.#writer = this.#child.stdin.getWriter();
    const decoder = new TextDecoder();
    const stdout = this.#child.stdout;
    this.#done = (async () => {
      for await (const chunk of stdout) this.screen += decoder.decode(chunk);
    })();
  }

  /** Waits until the output after `from` matches `pattern` (or fails after `ms`). */
  async waitFor(pattern: RegExp, from = 0, ms = 15000): Promise<number> {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      const m = pattern.exec(this.screen.slice(from));
      if (m) return from + m.index + m[0].length;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${pattern}; screen so far:\n${this.screen.slice(from)}`);
  }

  /**
   * Resizes the terminal (the loop gets SIGWINCH, as from a window resize).
   * Linux only: finds the pty through /proc.
   */
  async resize(columns: number, rows: number): Promise<void> {
    const tty = ptyOf(this.#child.pid);
    if (!tty) throw new Error("no pty found under the loop's process");
    const out = await new Deno.Command("stty", {
      args: ["-F", tty, "cols", String(columns), "rows", String(rows)],
    }).output();
    if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  }

  async press(keys: string): Promise<void> {
    await this.#writer.write(new TextEncoder().encode(keys));
  }

  async quit(): Promise<number> {
    await this.press("q");
    await this.#writer.close().catch(() => {});
    const status = await this.#child.status;
    await this.#done;
    await this.#child.stderr.cancel().catch(() => {});
    return status.code;
  }
}

/** The pseudo-terminal a descendant of `pid` has as its standard input. */
function ptyOf(pid: number): string | undefined {
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    try {
      const fd0 = Deno.readLinkSync(`/proc/${p}/fd/0`);
      if (fd0.startsWith("/dev/pts/")) return fd0;
    } catch {
      // gone, or not ours
    }
    try {
      for (const task of Deno.readDirSync(`/proc/${p}/task`)) {
        const kids = Deno.readTextFileSync(`/proc/${p}/task/${task.name}/children`).trim();
        if (kids) queue.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // gone
    }
  }
  return undefined;
}
