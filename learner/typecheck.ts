/**
 * Type-checks a learner's file in a child `deno check`, off the hot path:
 * the verdict is shown first, type errors follow when the checker is done.
 *
 * @module
 */
import { childEnv } from "./child_env.ts";

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
      env: childEnv({ NO_COLOR: "1" }),
      clearEnv: true,
    }).spawn();
  } catch {
    return { result: Promise.resolve(null), cancel() {} };
  }
  let cancelled = false;
  const result = child.output().then((out) => {
    if (cancelled) return null;
    if (out.success) return "";
    const text = checkDiagnostics(new TextDecoder().decode(out.stderr));
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

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Keeps only what the checker says about the code: no download lines or
 * progress, no boxed warnings about npm build scripts (advice for the
 * course's authors, not its learners), no "Stack backtrace:".
 *
 * @param stderr The checker's standard error.
 * @returns Its diagnostics.
 */
export function checkDiagnostics(stderr: string): string {
  const out: string[] = [];
  let inBox = false;
  for (const raw of stderr.replace(ANSI, "").replace(/\r/g, "\n").split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (/^\s*(Stack backtrace|Backtrace):?/.test(line)) break;
    if (/^\s*╭/.test(line)) inBox = true;
    if (inBox) {
      if (/^\s*╰/.test(line)) inBox = false;
      continue;
    }
    if (/^\s*(Download|Downloading|Initialize|Check|Warning)\b/.test(line)) continue;
    if (/\[\d{2}:\d{2}\]|━|█|\d+(\.\d+)?\s*[KMG]i?B\s*\/\s*\d/.test(line)) continue; // a progress bar
    out.push(line);
  }
  return out.join("\n").trim();
}
