/**
 * Watches the exercise files and calls back once per real change: file
 * events are debounced, an editor's burst of events (write, rename, chmod)
 * becomes one call, and a save that did not change the content is ignored.
 * When file events do not arrive (WSL, network folders) a poll of the files'
 * modification times finds the change instead.
 *
 * @module
 */

/** How the watcher learns of changes. */
export type WatchMode = "events" | "poll";

/** Options for {@link watchFiles}. */
export interface WatchOptions {
  /** Quiet time after the last event before calling back (ms). */
  debounceMs?: number;
  /** Poll interval (ms); polling also backs up file events. */
  pollMs?: number;
  /** Force polling only. */
  poll?: boolean;
}

/** A running watcher. */
export interface Watcher {
  /** `events` while file events work, `poll` when only polling does. */
  readonly mode: WatchMode;
  /** Forget a file's last content so the next save runs even if unchanged. */
  touch(): void;
  close(): void;
}

async function fingerprint(path: string): Promise<string> {
  try {
    const data = await Deno.readFile(path);
    const digest = await crypto.subtle.digest("SHA-1", data);
    return btoa(String.fromCharCode(...new Uint8Array(digest)));
  } catch {
    return "missing";
  }
}

/**
 * Calls `onChange` when the content of any `.ts` file under `dir` changes.
 *
 * @param dir The folder to watch (recursively).
 * @param onChange Called with the changed file's path.
 * @param options Debounce, poll interval, poll-only.
 * @returns The watcher.
 */
export function watchFiles(
  dir: string,
  onChange: (path: string) => void,
  options: WatchOptions = {},
): Watcher {
  const debounceMs = options.debounceMs ?? 15;
  const pollMs = options.pollMs ?? 400;
  const seen = new Map<string, string>(); // path → content fingerprint
  const mtimes = new Map<string, number>();
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let mode: WatchMode = options.poll ? "poll" : "events";
  let fsWatcher: Deno.FsWatcher | undefined;

  const flush = async () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    for (const path of paths) {
      try {
        // So the poll does not report again what an event already reported.
        mtimes.set(path, Deno.statSync(path).mtime?.getTime() ?? 0);
      } catch {
        mtimes.delete(path);
      }
      const fp = await fingerprint(path);
      if (seen.get(path) === fp) continue;
      seen.set(path, fp);
      if (!closed) onChange(path);
    }
  };
  const schedule = (path: string) => {
    if (!path.endsWith(".ts")) return;
    pending.add(path);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const walk = (d: string, out: string[]) => {
    try {
      for (const e of Deno.readDirSync(d)) {
        const p = `${d}/${e.name}`;
        if (e.isDirectory) walk(p, out);
        else if (e.isFile && e.name.endsWith(".ts")) out.push(p);
      }
    } catch {
      // A folder removed while walking: nothing to watch there.
    }
    return out;
  };
  // Baseline: what is on disk now does not count as a change.
  const baseline = walk(dir, []);
  for (const p of baseline) {
    mtimes.set(p, Deno.statSync(p).mtime?.getTime() ?? 0);
    fingerprint(p).then((fp) => seen.has(p) || seen.set(p, fp));
  }

  const pollTimer = setInterval(() => {
    for (const p of walk(dir, [])) {
      let m = 0;
      try {
        m = Deno.statSync(p).mtime?.getTime() ?? 0;
      } catch {
        continue;
      }
      if (mtimes.get(p) !== m) {
        mtimes.set(p, m);
        // A change found by polling before any event: events are not arriving.
        if (!pending.has(p) && timer === undefined) mode = "poll";
        schedule(p);
      }
    }
  }, pollMs);

  if (!options.poll) {
    try {
      fsWatcher = Deno.watchFs(dir, { recursive: true });
      (async () => {
        try {
          for await (const ev of fsWatcher!) {
            if (ev.kind === "access") continue;
            for (const p of ev.paths) {
              mode = "events";
              schedule(p);
            }
          }
        } catch {
          mode = "poll";
        }
      })();
    } catch {
      mode = "poll";
    }
  }

  return {
    get mode() {
      return mode;
    },
    touch() {
      seen.clear();
    },
    close() {
      closed = true;
      clearInterval(pollTimer);
      if (timer !== undefined) clearTimeout(timer);
      try {
        fsWatcher?.close();
      } catch {
        // already closed
      }
    },
  };
}
