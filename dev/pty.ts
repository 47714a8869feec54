/**
 * The learner's loop run under a pseudo-terminal (util-linux `script`), as
 * a person would see it: for the watch-mode tests and the latency benchmark.
 *
 * @module
 */

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
   * Starts `deno run -A learner/main.ts …args` in a kit under a pty.
   *
   * @param kit The kit folder.
   * @param args The loop's arguments.
   * @param env Extra environment variables (e.g. EDITOR).
   */
  constructor(kit: string, args: string[], env: Record<string, string> = {}) {
    const cmd = [Deno.execPath(), "run", "-A", "learner/main.ts", ...args].join(" ");
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
