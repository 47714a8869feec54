/**
 * The permission flags a task of `deno.json` runs with, so tests and dev
 * tools can start a script exactly as the task would (the tests themselves
 * run with `-A`, which opens doors the tasks keep shut: /proc, writes
 * outside the kit).
 *
 * @module
 */
import { join } from "node:path";

/**
 * The permission flags of a task (`-A`, `--allow-…`, `--deny-…`), in order.
 *
 * @param task The task's name, e.g. `lesson` or `grade`.
 * @param root The folder whose `deno.json` defines it.
 * @returns Its flags.
 * @throws Error when the task is not defined there.
 */
export function taskPermissions(task: string, root: string): string[] {
  const config = JSON.parse(Deno.readTextFileSync(join(root, "deno.json")));
  const command = config?.tasks?.[task];
  if (typeof command !== "string") throw new Error(`${root}/deno.json has no task "${task}"`);
  return command.split(/\s+/).filter((w) => /^(-A|--allow-|--deny-)/.test(w));
}
