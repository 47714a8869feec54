/**
 * Type-checks a learner's file in a child `deno check`, off the hot path:
 * the verdict is shown first, type errors follow when the checker is done.
 *
 * @module
 */
/** A running check that can be abandoned when the learner saves again. */
export interface PendingCheck {
  /** Resolves to the checker's diagnostics for the file, or `""` when clean. */
  result: Promise<string | null>;
  cancel(): void;
}

/**
 * Starts `deno check` on a file.
 *
 * @param root The kit's root folder (the checker runs there, with its deno.json).
 * @param file The file to check, relative to `root`.
 * @returns The pending check; `result` is `null` if it was cancelled or could not run.
 */
export function startTypeCheck(root: string, file: string): PendingCheck {
  let child: Deno.ChildProcess | undefined;
  try {
    child = new Deno.Command(Deno.execPath(), {
      args: ["check", "--quiet", file],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
      env: { NO_COLOR: "1" },
    }).spawn();
  } catch {
    return { result: Promise.resolve(null), cancel() {} };
  }
  let cancelled = false;
  const result = child.output().then((out) => {
    if (cancelled) return null;
    if (out.success) return "";
    const text = new TextDecoder().decode(out.stderr);
    return text.replaceAll(`file://${root}/`, "").replaceAll(root + "/", "").trim();
  }).catch(() => null);
  return {
    result,
    cancel() {
      cancelled = true;
      try {
        child?.kill("SIGKILL");
      } catch {
        // already finished
      }
    },
  };
}
