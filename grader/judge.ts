/**
 * The trusted side's handle on the untrusted child process: starts it in
 * the sandbox, sends one call at a time, reads back only nonce-framed
 * answers, and enforces time and memory limits. A child that times out,
 * crashes or exits is replaced for the next call, so one bad case never
 * stops the rest.
 *
 * @module
 */
import { holdOwnerLock, sweepOwned, tempRoot } from "./owned.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packTensors, TENSOR_MIN_NUMBERS } from "./tensors.ts";
import { toWire } from "../lib/wire.ts";

/** One call of a student's function. */
export interface Call {
  /** file: URL of the student's module (inside the staging folder). */
  file: string;
  entry: string;
  /** Serialisable arguments; functions as `{ $fn, params }`. */
  args: unknown[];
  timeLimitMs: number;
  /** Send back the arguments as they are after the call (to check that it changed none). */
  returnArgs?: boolean;
  /** Count the tfjs tensors alive before and after the call (to check that it leaks none). */
  countTensors?: boolean;
  /**
   * `performance.now()` time at which the call is stopped whatever its limits: the
   * submission's time budget, which a child that waits instead of computing (and so never
   * uses its CPU time) would otherwise outlast by its wall-clock backstops.
   */
  deadline?: number;
}

/** How a call ended. */
export type CallStatus =
  | "ok"
  | "threw"
  | "timeout"
  | "stalled"
  | "exit"
  | "oom"
  | "crash"
  | "flood";

/** What came back from a call. */
export interface Answer {
  status: CallStatus;
  /** The returned value, decoded (NaN and Infinity restored). */
  value?: unknown;
  /** With `returnArgs`: the arguments after the call (functions left out). */
  argsAfter?: unknown[];
  /** With `countTensors`: tensors alive after the call minus before it. */
  tensorsLeaked?: number;
  error?: {
    name: string;
    message: string;
    permission: boolean;
    /** V8's "Maximum call stack size exceeded" (runaway recursion). */
    stackOverflow?: boolean;
  };
  ms: number;
  /** `load` when the module could not be imported (or lacks the entry), before any call. */
  phase?: "load" | "call";
  /** tfjs ops the child recorded during the call (and the module's import), see `grader/child_tf.ts`. */
  ops?: string[];
}

/** Sandbox settings. */
export interface JudgeOptions {
  /** The staging folder: the only place the student's code may read. */
  stageDir: string;
  /** The course repository (for deno.json, deno.lock and the child script). */
  repoRoot: string;
  /** Deno's cache folder (npm packages, the tfjs wasm binary); the child caches in {@link childCacheDir}. */
  denoDir: string;
  /** OS data-segment cap in MiB (prlimit --data); at least 640. */
  memoryMiB?: number;
  /** V8 old-space cap in MiB. */
  heapMiB?: number;
  /** Time allowed to start the child and import a module (ms). */
  loadLimitMs?: number;
  /** The import map the child uses (default: the repository's deno.json). */
  configPath?: string;
  /**
   * Numeric arrays with at least this many numbers travel as binary files, not JSON
   * (grader/tensors.ts); `Infinity` sends everything as JSON.
   */
  tensorMinNumbers?: number;
}

/** The longest answer frame read back (bytes); the child caps its frames below this. */
const MAX_FRAME_BYTES = 160 * 1024 * 1024;
/** What a child may print during one call besides its answer (stdout and stderr) before it is stopped. */
export const OUTPUT_CAP_BYTES = 32 * 1024 * 1024;
const KILL_GRACE_MS = 250;
/** How far an honest child's own CPU count may lie above /proc's, which rounds down to ticks (ms). */
const PROC_TICK_SLACK_MS = 50;
/** The wall-clock backstop of a call: this many times its CPU-time limit, plus a second. */
const WALL_FACTOR = 3;

/** Whether this process may read /proc itself (Deno allows it only with --allow-all). */
let procReadable: boolean | undefined;

/** User + system CPU time (ms) from the text of `/proc/<pid>/stat`. */
function parseStat(stat: string): number | null {
  // The command name (field 2) may hold spaces; the fields after its ")" are plain.
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 (12 and 13 here), in clock ticks (100 per second).
  const ms = (Number(f[11]) + Number(f[12])) * 10;
  return Number.isFinite(ms) ? ms : null;
}

/** {@link cpuMs} without waiting: null unless this process may read /proc itself. */
function cpuMsNow(pid: number): number | null {
  if (procReadable === false) return null;
  try {
    const ms = parseStat(Deno.readTextFileSync(`/proc/${pid}/stat`));
    procReadable = true;
    return ms;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) procReadable = false;
    return null;
  }
}

/**
 * CPU time (user + system, ms) a process has used so far, from
 * `/proc/<pid>/stat`. Deno lets only a process run with `--allow-all` read
 * /proc, and the grader's tasks run with less: then `cat` (which their
 * `--allow-run` allows) reads it. Null where neither can (not Linux, or the
 * process is gone).
 *
 * @param pid The process.
 * @returns Milliseconds, or null.
 */
export async function cpuMs(pid: number): Promise<number | null> {
  const direct = cpuMsNow(pid);
  if (direct !== null || procReadable || Deno.build.os !== "linux") return direct;
  try {
    const out = await new Deno.Command("cat", {
      args: [`/proc/${pid}/stat`],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).output();
    return out.success ? parseStat(new TextDecoder().decode(out.stdout)) : null;
  } catch {
    return null;
  }
}

let neutralDeno: string | undefined;
/**
 * The Deno binary the child runs. When it lives inside the course repository,
 * a link (or copy) outside it, so the child's `Deno.execPath()` and
 * `process.argv` say nothing about where the course lives.
 *
 * @param repoRoot The course repository.
 * @param exec The Deno binary this process runs (for tests).
 * @returns The binary to start the child with.
 */
export function childDeno(repoRoot: string, exec = Deno.execPath()): string {
  if (!exec.startsWith(repoRoot.replace(/\/$/, "") + "/")) return exec;
  if (neutralDeno) return neutralDeno;
  const dir = Deno.makeTempDirSync({ prefix: "tensorlings-deno-" });
  const target = join(dir, "deno");
  try {
    Deno.linkSync(exec, target);
  } catch {
    Deno.copyFileSync(exec, target);
    Deno.chmodSync(target, 0o755);
  }
  return (neutralDeno = target);
}

/** Finds Deno's cache folder, as the running Deno sees it. */
export async function denoCacheDir(): Promise<string> {
  const guess = Deno.env.get("DENO_DIR") ??
    (Deno.build.os === "linux" && Deno.env.get("HOME")
      ? `${Deno.env.get("XDG_CACHE_HOME") ?? `${Deno.env.get("HOME")}/.cache`}/deno`
      : undefined);
  if (guess && (await Deno.stat(join(guess, "npm")).catch(() => null))?.isDirectory) return guess;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json"],
    stdout: "piped",
    stderr: "null",
  }).output();
  return JSON.parse(new TextDecoder().decode(out.stdout)).denoDir;
}

/** This process's cache folder for its children, by the cache it stands in for. */
const childCaches = new Map<string, string>();
const CHILD_CACHE_PREFIX = "tensorlings-cache-";
/** The open lock files of this process's cache folders (the OS releases them when it ends). */
const ownerLocks: Deno.FsFile[] = [];

/**
 * The Deno cache folder a sandboxed child runs with: a private folder whose
 * `npm` is a link to the real cache's packages, so the child finds tfjs and
 * mathjs there, while what Deno writes as it runs the student's files (their
 * transpiled code in `gen/`, V8's compiled code, the import analysis) lands
 * in the private folder, shared by this process's children and removed when
 * the process ends. Run against the real cache, every graded submission left
 * copies of the student's code there, under a staging path never used again
 * (gigabytes over a term's grading). The owner holds a lock on a file in the
 * folder while it runs, so the next grader that starts removes the folders of
 * graders that were killed, and never one in use (no process IDs involved:
 * reading /proc takes permissions the grader's tasks do not have, and another
 * container's IDs mean nothing here).
 *
 * @param denoDir The real cache (it holds `npm/`).
 * @returns The private folder's path.
 */
export function childCacheDir(denoDir: string): string {
  const known = childCaches.get(denoDir);
  if (known && existsSync(known)) return known;
  sweepOwned(tempRoot(), CHILD_CACHE_PREFIX, (d) => [...childCaches.values()].includes(d));
  const dir = Deno.makeTempDirSync({ prefix: CHILD_CACHE_PREFIX });
  ownerLocks.push(holdOwnerLock(dir));
  Deno.symlinkSync(join(denoDir, "npm"), join(dir, "npm"));
  if (childCaches.size === 0) {
    globalThis.addEventListener("unload", () => {
      for (const d of childCaches.values()) {
        try {
          Deno.removeSync(d, { recursive: true });
        } catch {
          // already gone
        }
      }
    });
  }
  childCaches.set(denoDir, dir);
  return dir;
}

const wasmFilesOf = new Map<string, string[]>();
/**
 * The wasm backend's binaries (`dist/*.wasm`), under every registry in the npm
 * cache: the only files a child reads itself (its modules load without a read
 * permission), and all it may read there. That is least privilege, not the
 * guard against a second copy of tfjs: Deno's `require` reads the npm cache
 * whatever `--allow-read` says, so `grader/child.ts` stops CommonJS loading.
 *
 * @param denoDir The real cache (it holds `npm/`).
 * @returns The files (none when the package is not cached: the child then runs on the cpu backend).
 */
export function wasmBinaries(denoDir: string): string[] {
  const known = wasmFilesOf.get(denoDir);
  if (known) return known;
  const pin = /@tensorflow\/tfjs-backend-wasm@([^"/]+)/.exec(
    Deno.readTextFileSync(new URL("../deno.json", import.meta.url)),
  )?.[1];
  const files: string[] = [];
  try {
    for (const registry of Deno.readDirSync(join(denoDir, "npm"))) {
      const dist = join(
        denoDir,
        "npm",
        registry.name,
        "@tensorflow",
        "tfjs-backend-wasm",
        pin ?? "",
        "dist",
      );
      try {
        for (const f of Deno.readDirSync(dist)) {
          if (f.isFile && f.name.endsWith(".wasm")) files.push(join(dist, f.name));
        }
      } catch {
        // not under this registry
      }
    }
  } catch {
    // no npm cache
  }
  wasmFilesOf.set(denoDir, files);
  return files;
}

/** The sandboxed children alive in this process. */
const liveProcs = new Set<Deno.ChildProcess>();
let signalsHooked = false;
/**
 * A child's CPU-time ceiling (s, `prlimit --cpu`): far above any submission's budget, it only ends
 * a child its grader can no longer stop (the grader crashed, or was killed outright) and that
 * ignores the signals it was sent.
 */
const CHILD_CPU_CEILING_S = 1800;

/**
 * Makes Ctrl-C, SIGTERM and SIGHUP to this process kill every sandboxed child
 * before it exits (a child may ignore those signals itself and would be left
 * spinning). For the command-line tools.
 */
export function killChildrenOnSignal(): void {
  if (signalsHooked || Deno.build.os === "windows") return;
  signalsHooked = true;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    Deno.addSignalListener(sig, () => {
      for (const p of liveProcs) {
        try {
          p.kill("SIGKILL");
        } catch {
          // already gone
        }
      }
      Deno.exit(sig === "SIGINT" ? 130 : 143);
    });
  }
}

let prlimitPath: string | null | undefined;
function prlimit(): string | null {
  if (prlimitPath !== undefined) return prlimitPath;
  try {
    const ok = new Deno.Command("prlimit", { args: ["--version"], stdout: "null", stderr: "null" })
      .outputSync().success;
    prlimitPath = ok ? "prlimit" : null;
  } catch {
    prlimitPath = null;
  }
  return prlimitPath;
}

/** Restores the tags the child uses for values JSON cannot carry. */
function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.$num === "string") return Number(o.$num);
    if (o.$undefined === true) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x);
    return out;
  }
  return v;
}

interface Live {
  proc: Deno.ChildProcess;
  writer: WritableStreamDefaultWriter<Uint8Array>;
  exited: boolean;
  exitCode: Promise<number>;
  stderrTail: string;
  /** Resolves when stderr has been read to its end. */
  stderrDone: Promise<void>;
  /** Modules this child has imported. */
  loaded: Set<string>;
  /** Bytes printed besides answers (stdout and stderr) since the current call began. */
  noise: number;
  /** Set when the child printed past the output cap and was stopped. */
  flooded: boolean;
  /** The child's CPU time (ms) as its last answer reported it (0 before any). */
  cpuMs: number;
  waiters: Map<
    number,
    (
      a: {
        ok: boolean;
        value?: unknown;
        error?: Answer["error"];
        ms?: number;
        argsAfter?: unknown;
        tensorsLeaked?: number;
        tagged?: boolean;
        ops?: string[];
      },
    ) => void
  >;
}

/** A sandboxed child process that runs calls one at a time. */
export class Judge {
  #opts: Required<JudgeOptions>;
  #live: Live | null = null;
  #nextId = 1;
  /** What every child of this judge preloads (set by {@link start}; a child started later too). */
  #preload: string[] | null = null;
  /** How many children were started, and how long each took to answer its first call. */
  readonly stats = { childStarts: 0, noiseBytes: 0, floods: 0 };
  /** Whether the OS memory cap is in force (prlimit found). */
  readonly memoryCapped: boolean;
  #lockPath: string | null;

  /** @param opts Sandbox settings. */
  constructor(opts: JudgeOptions) {
    this.#opts = {
      memoryMiB: 1024,
      heapMiB: 512,
      loadLimitMs: 8_000,
      configPath: "",
      tensorMinNumbers: TENSOR_MIN_NUMBERS,
      ...opts,
    };
    this.memoryCapped = prlimit() !== null;
    const lock = join(opts.repoRoot, "deno.lock");
    this.#lockPath = existsSync(lock) ? lock : null;
  }

  /**
   * Starts the child now (rather than at the first call), loading these
   * modules while the caller prepares its cases. A child loads no CommonJS
   * module once it runs graded code (`grader/child.ts`), so the preload must
   * hold every package the code may import; each child this judge starts
   * later (after a timeout, say) preloads the same. Without a call to this,
   * children preload the staged `lib/tf.ts` when there is one.
   *
   * @param preload Module specifiers or URLs to import in the child.
   */
  start(preload: string[] = []): void {
    this.#preload = preload;
    if (!this.#live || this.#live.exited) this.#live = this.#spawn();
  }

  /** The modules a new child preloads. */
  #preloads(): string[] {
    if (this.#preload) return this.#preload;
    const tf = join(this.#opts.stageDir, "lib", "tf.ts");
    return existsSync(tf) ? [pathToFileURL(tf).href] : [];
  }

  /**
   * Copies the child's script and the lock into the staging folder, so nothing
   * the child can see (its own path, stack traces, `process.argv`) names the
   * course's folder.
   */
  #stageChild(): string {
    const o = this.#opts;
    const dir = join(o.stageDir, "judge");
    const script = join(dir, "child.ts");
    if (!existsSync(script)) {
      Deno.mkdirSync(dir, { recursive: true });
      Deno.copyFileSync(join(o.repoRoot, "grader", "child.ts"), script);
      if (this.#lockPath) Deno.copyFileSync(this.#lockPath, join(dir, "deno.lock"));
    }
    return script;
  }

  #spawn(): Live {
    const o = this.#opts;
    const preload = this.#preloads();
    const wasmFiles = wasmBinaries(o.denoDir);
    const script = this.#stageChild();
    const denoArgs = [
      "run",
      "--no-check",
      "--cached-only",
      "--no-prompt",
      "--quiet",
      // With the course's lock the child skips resolving npm packages from the
      // registry metadata (about 60 ms per child); without one, it resolves.
      ...(this.#lockPath ? [`--lock=${join(o.stageDir, "judge", "deno.lock")}`, "--frozen"] : [
        "--no-lock",
      ]),
      "--config",
      o.configPath || join(o.repoRoot, "deno.json"),
      `--allow-read=${[o.stageDir, ...wasmFiles].join(",")}`,
      `--v8-flags=--max-old-space-size=${o.heapMiB}`,
      script,
    ];
    const limiter = prlimit();
    const deno = childDeno(o.repoRoot);
    const [cmd, args] = limiter
      ? [limiter, [
        `--data=${o.memoryMiB * 1024 * 1024}`,
        `--cpu=${CHILD_CPU_CEILING_S}`,
        "--",
        deno,
        ...denoArgs,
      ]]
      : [deno, denoArgs];
    const proc = new Deno.Command(cmd, {
      args,
      cwd: o.stageDir,
      clearEnv: true,
      env: { DENO_DIR: childCacheDir(o.denoDir), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.stats.childStarts++;
    liveProcs.add(proc);
    proc.status.then(() => liveProcs.delete(proc)).catch(() => {});
    const nonce = crypto.randomUUID();
    const live: Live = {
      proc,
      writer: proc.stdin.getWriter(),
      exited: false,
      exitCode: proc.status.then((s) => s.code),
      stderrTail: "",
      stderrDone: Promise.resolve(),
      loaded: new Set(),
      noise: 0,
      cpuMs: 0,
      flooded: false,
      waiters: new Map(),
    };
    live.exitCode.then(() => {
      live.exited = true;
    });
    const prefix = new TextEncoder().encode(nonce + " ");
    const noise = (n: number) => {
      live.noise += n;
      this.stats.noiseBytes += n;
      if (live.noise > OUTPUT_CAP_BYTES && !live.flooded) {
        live.flooded = true;
        this.stats.floods++;
        this.#kill(live);
      }
    };
    (async () => {
      // Linear: each byte is looked at once. A line that does not start with the
      // nonce is only counted; a frame's bytes are kept until its newline.
      const head = new Uint8Array(prefix.length); // the current line's first bytes
      let headLen = 0;
      let frame: Uint8Array[] | null = null; // the current line, when it is a frame
      let frameLen = 0;
      const endLine = () => {
        if (frame) {
          const bytes = new Uint8Array(frameLen);
          let at = 0;
          for (const c of frame) {
            bytes.set(c, at);
            at += c.length;
          }
          try {
            const text = new TextDecoder().decode(bytes.subarray(prefix.length));
            const msg = JSON.parse(text);
            // Tags are objects such as {"$num":"NaN"}; without one, the value is plain already
            // (a string holding the text would be escaped as {\"$).
            msg.tagged = text.includes('{"$');
            if (typeof msg.cpu === "number" && Number.isFinite(msg.cpu)) live.cpuMs = msg.cpu;
            live.waiters.get(msg.id)?.(msg);
          } catch {
            // A malformed frame cannot come from the child's own code; ignore it.
          }
        }
        // head is reused: a frame took a copy of it.
        headLen = 0;
        frame = null;
        frameLen = 0;
      };
      for await (const chunk of proc.stdout) {
        let i = 0;
        while (i < chunk.length) {
          if (headLen === 0 && frame === null && chunk[i] !== prefix[0]) {
            // A line that cannot be a frame: skip it, and the noise lines after it, in one tight
            // pass up to a newline followed by the nonce's first byte (a flood of short lines
            // costs a pass over its bytes, not a line's work each).
            let j = i;
            const n = chunk.length;
            while (j < n && !(chunk[j] === 10 && (j + 1 === n || chunk[j + 1] === prefix[0]))) j++;
            if (j === n) {
              noise(j - i);
              headLen = prefix.length; // the rest of this line, in the next chunk, is noise too
              break;
            }
            noise(j - i + 1);
            i = j + 1;
            continue;
          }
          const nl = chunk.indexOf(10, i);
          const end = nl < 0 ? chunk.length : nl;
          let part = chunk.subarray(i, end);
          if (headLen < prefix.length && frame === null) {
            const take = Math.min(prefix.length - headLen, part.length);
            head.set(part.subarray(0, take), headLen);
            headLen += take;
            part = part.subarray(take);
            if (headLen === prefix.length) {
              if (head.every((b, k) => b === prefix[k])) {
                frame = [head.slice()];
                frameLen = headLen;
              } else noise(headLen);
            }
          }
          if (frame) {
            frame.push(part.slice());
            frameLen += part.length;
            if (frameLen > MAX_FRAME_BYTES) {
              noise(frameLen);
              frame = null;
              headLen = prefix.length; // the rest of this line is noise
            }
          } else if (headLen === prefix.length) noise(part.length);
          if (nl < 0) break;
          if (!frame && headLen < prefix.length) noise(headLen + 1);
          else noise(frame ? 0 : 1);
          endLine();
          i = nl + 1;
        }
      }
    })().catch(() => {});
    live.stderrDone = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of proc.stderr) {
        noise(chunk.length);
        live.stderrTail = (live.stderrTail + decoder.decode(chunk, { stream: true })).slice(-16384);
      }
    })().catch(() => {});
    live.writer.write(new TextEncoder().encode(JSON.stringify({ nonce, preload }) + "\n"))
      .catch(() => {});
    return live;
  }

  async #kill(live: Live): Promise<void> {
    if (live.exited) return;
    try {
      live.proc.kill("SIGTERM");
    } catch {
      // already gone
    }
    const gone = await Promise.race([
      live.exitCode.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), KILL_GRACE_MS)),
    ]);
    if (!gone) {
      // It ignored SIGTERM.
      try {
        live.proc.kill("SIGKILL");
      } catch {
        // already gone
      }
      await live.exitCode;
    }
  }

  /**
   * Calls a student's function in the child. The module is imported first,
   * under its own time limit, so the case's limit measures only the call.
   *
   * @param call The module, function, arguments and time limit.
   * @returns The answer; never throws for anything the student's code does.
   */
  async call(call: Call): Promise<Answer> {
    const loaded = await this.load(call.file, call.entry);
    if (loaded.status !== "ok") return loaded;
    const answer: Answer = { ...(await this.#send(call, false)), phase: "call" };
    // Ops the module ran while being imported count for the exercise too.
    if (loaded.ops?.length) answer.ops = [...new Set([...loaded.ops, ...(answer.ops ?? [])])];
    return answer;
  }

  /**
   * Imports a module in the child (once per child) under the load time
   * limit, and checks that it exports the entry function.
   *
   * @param file file: URL of the student's module.
   * @param entry The function it must export.
   * @returns `ok`, or how the import failed (`phase: "load"`).
   */
  async load(file: string, entry: string, deadline?: number): Promise<Answer> {
    if (!this.#live || this.#live.exited) this.#live = this.#spawn();
    if (this.#live.loaded.has(file)) return { status: "ok", ms: 0, phase: "load" };
    const call = { file, entry, args: [], timeLimitMs: this.#opts.loadLimitMs, deadline };
    const loaded = await this.#send(call, true);
    if (loaded.status === "ok") this.#live?.loaded.add(file);
    return { ...loaded, phase: "load" };
  }

  /** The time allowed to import a module (ms). */
  get loadLimitMs(): number {
    return this.#opts.loadLimitMs;
  }

  async #send(call: Call, load: boolean): Promise<Answer> {
    if (!this.#live || this.#live.exited) this.#live = this.#spawn();
    const live = this.#live;
    const id = this.#nextId++;
    const packed = load ? { args: [], files: [] } : await packTensors(
      call.args,
      join(this.#opts.stageDir, "data"),
      `call-${id}`,
      this.#opts.tensorMinNumbers,
    );
    const t0 = performance.now();
    // Where this process may not read /proc itself, the CPU time the child reported at the end
    // of its last call stands for its time now (it idles between calls; a child that computes
    // between them only shortens its own allowance).
    const cpu0 = cpuMsNow(live.proc.pid) ?? (Deno.build.os === "linux" ? live.cpuMs : null);
    live.noise = 0;
    const line = JSON.stringify(
      load ? { id, file: call.file, entry: call.entry, load: true } : {
        id,
        file: call.file,
        entry: call.entry,
        args: toWire(packed.args), // −∞ masks and NaN arrive as themselves, not null
        ...(call.returnArgs ? { returnArgs: true } : {}),
        ...(call.countTensors ? { countTensors: true } : {}),
      },
    ) + "\n";
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const outcome = await new Promise<Answer>((resolve) => {
      live.waiters.set(id, (msg) => {
        const ops = Array.isArray(msg.ops) ? msg.ops.map(String).slice(0, 1000) : undefined;
        resolve(
          msg.ok
            ? {
              status: "ok",
              value: msg.tagged ? decodeValue(msg.value) : msg.value,
              ms: msg.ms ?? performance.now() - t0,
              ...(msg.argsAfter !== undefined
                ? { argsAfter: decodeValue(msg.argsAfter) as unknown[] }
                : {}),
              ...(typeof msg.tensorsLeaked === "number"
                ? { tensorsLeaked: msg.tensorsLeaked }
                : {}),
              ops,
            }
            : { status: "threw", error: msg.error, ms: msg.ms ?? performance.now() - t0, ops },
        );
      });
      // The limit is on the child's own CPU time, so a busy machine (other children,
      // the trusted side's own work) cannot make a case time out; a wall-clock
      // backstop catches a child that waits without computing.
      const backstop = Math.min(
        t0 + call.timeLimitMs * WALL_FACTOR + 1000,
        call.deadline ?? Infinity,
      );
      const check = async () => {
        const used = cpu0 === null ? null : await cpuMs(live.proc.pid);
        if (settled) return;
        // A start above what /proc says now was not the child's true count (its report can be
        // forged by the code it runs): then the call is timed on the wall clock. /proc counts in
        // clock ticks (10 ms, user and system each rounded down), so an honest report may lie a
        // little above it.
        const cpu = used === null || cpu0 === null || cpu0 > used + PROC_TICK_SLACK_MS
          ? performance.now() - t0
          : Math.max(0, used - cpu0);
        const left = Math.min(call.timeLimitMs - cpu, backstop - performance.now());
        if (left <= 0) resolve({ status: "timeout", ms: performance.now() - t0 });
        else timer = setTimeout(check, Math.max(20, left));
      };
      timer = setTimeout(check, Math.max(0, Math.min(call.timeLimitMs, backstop - t0)));
      live.exitCode.then(async (code) => {
        // Let a frame written just before the exit, and the last of stderr, arrive first.
        await Promise.race([live.stderrDone, new Promise((r) => setTimeout(r, 500))]);
        await new Promise((r) => setTimeout(r, 10));
        const oom = /out of memory|Allocation failed|heap limit|Cannot allocate|memory allocation/i
          .test(live.stderrTail);
        // Deno ends a process whose only work left is a promise nothing can settle.
        const stalled = /promise never resolved|resolution is still pending/i.test(live.stderrTail);
        // A refusal the child did not survive (a worker's, say) is still a refusal.
        const denied = /Requires \S+ access to[^\n]*/.exec(live.stderrTail);
        if (denied && !live.flooded) {
          const error = { name: "NotCapable", message: denied[0].slice(0, 300), permission: true };
          return resolve({ status: "crash", error, ms: performance.now() - t0 });
        }
        const status = live.flooded
          ? "flood"
          : oom
          ? "oom"
          : stalled
          ? "stalled"
          : code === 0
          ? "exit"
          : "crash";
        resolve({ status, ms: performance.now() - t0 });
      });
      live.writer.write(new TextEncoder().encode(line)).catch(() => {});
    });
    settled = true;
    clearTimeout(timer);
    live.waiters.delete(id);
    for (const f of packed.files) await Deno.remove(f).catch(() => {});
    if (outcome.status !== "ok" && outcome.status !== "threw") {
      // Timed out (kill it) or already exiting (make sure): the next call gets a fresh child.
      await this.#kill(live);
      this.#live = null;
    } else if (live.flooded) {
      // It answered, but printed past the cap meanwhile: the child goes, the case fails.
      await this.#kill(live);
      this.#live = null;
      return { ...outcome, status: "flood" };
    }
    return outcome;
  }

  /** The current child's process ID (for tests), or -1 when none runs. */
  pid(): number {
    return this.#live && !this.#live.exited ? this.#live.proc.pid : -1;
  }

  /** The last stderr of the current child (for messages). */
  get stderrTail(): string {
    return this.#live?.stderrTail ?? "";
  }

  /** Stops the child. */
  async close(): Promise<void> {
    if (!this.#live) return;
    const live = this.#live;
    this.#live = null;
    await live.writer.close().catch(() => {});
    await this.#kill(live);
  }
}
