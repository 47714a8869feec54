/**
 * The environment of every process the loop starts (test workers, the type
 * checker, git, the editor): the learner's, without the variables that make
 * Deno or Rust print diagnostics meant for their developers (a
 * `RUST_BACKTRACE` set for some other project ends a type check in
 * "Stack backtrace:").
 *
 * @module
 */

/** Variables removed from children's environment. */
export const NOISY_ENV: readonly string[] = [
  "RUST_BACKTRACE",
  "RUST_LIB_BACKTRACE",
  "RUST_LOG",
  "DENO_LOG",
  "DENO_TRACE_PERMISSIONS",
];

/**
 * The environment for a child process; pass it with `clearEnv: true`.
 *
 * @param extra Variables to set on top.
 * @returns The learner's environment without {@link NOISY_ENV}, plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env = Deno.env.toObject();
  for (const name of NOISY_ENV) delete env[name];
  return { ...env, ...extra };
}
