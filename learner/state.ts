/**
 * The learner's progress, kept in `.tensorlings/state.json` under the kit's
 * root. Written atomically; a file that cannot be read as a state is moved
 * aside (never deleted) and the state is rebuilt.
 *
 * @module
 */
import { join } from "node:path";

/** Progress through the course. */
export interface State {
  version: 1;
  /** Names of exercises whose public tests passed. */
  done: string[];
  /** The exercise the learner is on (by name). */
  current?: string;
  /** Hint levels already shown, by exercise name. */
  hints: Record<string, number>;
}

/** The result of loading: the state, and where a corrupt file was moved. */
export interface Loaded {
  state: State;
  /** Set when the file was unreadable and has been moved to this path. */
  movedCorrupt?: string;
}

/** The folder for the loop's own files (state, backups, plots). */
export function dataDir(root: string): string {
  return join(root, ".tensorlings");
}

function isState(x: unknown): x is State {
  if (x === null || typeof x !== "object") return false;
  const s = x as Record<string, unknown>;
  return s.version === 1 && Array.isArray(s.done) && s.done.every((d) => typeof d === "string") &&
    (s.current === undefined || typeof s.current === "string") &&
    s.hints !== null && typeof s.hints === "object" && !Array.isArray(s.hints);
}

/** A state for someone starting the course. */
export function freshState(): State {
  return { version: 1, done: [], hints: {} };
}

/**
 * Loads the state file, or starts fresh when there is none.
 *
 * @param root The kit's root folder.
 * @returns The state, and the path a corrupt file was moved to, if any.
 */
export async function loadState(root: string): Promise<Loaded> {
  const path = join(dataDir(root), "state.json");
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { state: freshState() };
    throw e;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isState(parsed)) return { state: parsed };
  } catch {
    // fall through: not JSON
  }
  const moved = `${path}.corrupt-${Date.now()}`;
  await Deno.rename(path, moved);
  return { state: freshState(), movedCorrupt: moved };
}

/**
 * Saves the state atomically (write a temporary file, then rename).
 *
 * @param root The kit's root folder.
 * @param state The state to save.
 */
export async function saveState(root: string, state: State): Promise<void> {
  const dir = dataDir(root);
  await Deno.mkdir(dir, { recursive: true });
  const tmp = join(dir, `state.json.tmp-${Deno.pid}`);
  await Deno.writeTextFile(tmp, JSON.stringify(state, null, 2) + "\n");
  await Deno.rename(tmp, join(dir, "state.json"));
}
