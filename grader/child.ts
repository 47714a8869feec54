/**
 * The untrusted side of the judge. It runs in its own sandboxed process,
 * imports the student's modules, calls them with the arguments it is sent
 * and writes back only their outputs. It never holds expected values,
 * hidden tests or reference solutions.
 *
 * Protocol (one JSON object per line on stdin, answers on stdout):
 * the first line is `{ "nonce": "…", "preload": [modules] }`; then each line is a call
 * `{ id, file, entry, args }`, or `{ id, file, entry, load: true }` to import
 * a module before its first call (and check that it exports `entry`); each answer is a line `<nonce> <json>`.
 * Student code may print anything: only lines starting with the nonce,
 * which it never sees, count.
 *
 * @module
 */
import { reviveFunctions } from "../lib/fixtures.ts";

// Capture what this file relies on before any student code can replace it.
const stringify = JSON.stringify;
const parse = JSON.parse;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const objectKeys = Object.keys;
const encoder = new TextEncoder();
const encode = encoder.encode.bind(encoder);
const decoder = new TextDecoder();
const decode = decoder.decode.bind(decoder);
const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const readFileSync = Deno.readFileSync.bind(Deno);
const F64 = Float64Array;
const NotCapable = Deno.errors.NotCapable;
const PermissionDenied = Deno.errors.PermissionDenied;
const MAX_NUMBERS = 4_000_000;

function writeAll(bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += stdoutWrite(bytes.subarray(at));
}

/** Copies a returned value into plain data (numbers, strings, arrays, records). */
function toPlain(value: unknown, budget: { n: number }, depth = 0): unknown {
  if (depth > 8) throw new RangeError("the result is nested too deeply");
  if (--budget.n < 0) throw new RangeError("the result is too large");
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    // JSON has no NaN or Infinity: tag them.
    return value === value && value !== Infinity && value !== -Infinity
      ? value
      : { $num: String(value) };
  }
  if (typeof value === "undefined") return { $undefined: true };
  if (typeof value === "bigint") return { $num: String(value) };
  if (isView(value)) {
    const out: unknown[] = [];
    const arr = value as unknown as ArrayLike<number>;
    const n = arr.length;
    for (let i = 0; i < n; i++) out[i] = toPlain(arr[i], budget, depth + 1);
    return out;
  }
  if (isArray(value)) {
    const out: unknown[] = [];
    const n = value.length;
    for (let i = 0; i < n; i++) out[i] = toPlain(value[i], budget, depth + 1);
    return out;
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of objectKeys(value as object)) {
      out[k] = toPlain((value as Record<string, unknown>)[k], budget, depth + 1);
    }
    return out;
  }
  return { $type: typeof value };
}

const OVERFLOW = /^Maximum call stack size exceeded/;

/**
 * Rebuilds the large numeric arguments the grader sent by reference
 * (`{ $tensor: path, shape }`, see grader/tensors.ts) as number[] or number[][].
 */
function reviveTensors(value: unknown): unknown {
  if (isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveTensors(value[i]);
    return value;
  }
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (typeof o.$tensor === "string" && isArray(o.shape)) {
    const bytes = readFileSync(o.$tensor);
    if (typeof o.dtype === "string") {
      const copy = new Uint8Array(bytes).buffer; // a fresh, exactly sized copy: the student's to keep
      switch (o.dtype) {
        case "float32":
          return new Float32Array(copy);
        case "int32":
          return new Int32Array(copy);
        case "uint8":
          return new Uint8Array(copy);
        default:
          return new F64(copy);
      }
    }
    const data = new F64(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    const [n, d] = o.shape as number[];
    if (d === undefined) {
      const out: number[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = data[i];
      return out;
    }
    const rows: number[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row: number[] = new Array(d);
      for (let j = 0; j < d; j++) row[j] = data[i * d + j];
      rows[i] = row;
    }
    return rows;
  }
  for (const k of objectKeys(o)) o[k] = reviveTensors(o[k]);
  return o;
}

function describeError(
  e: unknown,
): { name: string; message: string; permission: boolean; stackOverflow: boolean } {
  let name = "Error";
  let message = "";
  try {
    name = String((e as Error)?.name ?? "Error").slice(0, 100);
    message = String((e as Error)?.message ?? e).slice(0, 2000);
  } catch {
    message = "an error that could not be read";
  }
  return {
    name,
    message,
    permission: e instanceof NotCapable || e instanceof PermissionDenied,
    // V8's own RangeError for runaway recursion: it is not a deliberate rejection of the input.
    stackOverflow: e instanceof RangeError && OVERFLOW.test(message),
  };
}

const reader = Deno.stdin.readable.getReader();
// The line being read (without a line end yet), and the rest of the last chunk. Only new text
// is searched for a line end, so a long line (a large argument) costs linear time.
let partial = "";
let rest = "";
async function nextLine(): Promise<string | null> {
  while (true) {
    const nl = rest.indexOf("\n");
    if (nl >= 0) {
      const line = partial + rest.slice(0, nl);
      partial = "";
      rest = rest.slice(nl + 1);
      return line;
    }
    partial += rest;
    const { value, done } = await reader.read();
    if (done) return null;
    rest = decode(value, { stream: true });
  }
}

const first = await nextLine();
const hello = first ? parse(first) as { nonce: string; preload?: string[] } : { nonce: "" };
const nonce = hello.nonce;
// Heavy modules the exercises use (tfjs, mathjs) load while the grader prepares its cases.
await Promise.all((hello.preload ?? []).map((m) => import(m).catch(() => undefined)));
const modules = new Map<string, Record<string, unknown>>();

/** How many tfjs tensors are alive, or null when tfjs is not loaded in this child. */
function tensorCounter(): (() => number) | null {
  const engine = (globalThis as { _tfengine?: { state?: { numTensors?: number } } })._tfengine;
  return engine?.state ? () => engine.state!.numTensors ?? 0 : null;
}

while (true) {
  const line = await nextLine();
  if (line === null) break;
  const call = parse(line) as {
    id: number;
    file: string;
    entry: string;
    args: unknown[];
    load?: boolean;
    returnArgs?: boolean;
    countTensors?: boolean;
  };
  let answer: unknown;
  const t0 = performance.now();
  try {
    let mod = modules.get(call.file);
    if (!mod) {
      mod = await import(call.file) as Record<string, unknown>;
      modules.set(call.file, mod);
    }
    const fn = mod[call.entry];
    if (typeof fn !== "function") {
      answer = {
        id: call.id,
        ok: false,
        error: { name: "MissingExport", message: call.entry, permission: false },
      };
    } else if (call.load) {
      // Only load the module (its own time limit covers imports such as mathjs).
      answer = { id: call.id, ok: true, value: null, ms: performance.now() - t0 };
    } else {
      const args = reviveTensors(reviveFunctions(call.args)) as unknown[];
      // tfjs, when this child loaded it (lib/tf.ts keeps the engine on globalThis).
      const tfMemory = call.countTensors ? tensorCounter() : null;
      const before = tfMemory?.() ?? 0;
      const value = await fn(...args);
      const plain = toPlain(value, { n: MAX_NUMBERS });
      answer = {
        id: call.id,
        ok: true,
        value: plain,
        ms: performance.now() - t0,
        ...(call.returnArgs
          ? {
            argsAfter: toPlain(args.map((a) => typeof a === "function" ? null : a), {
              n: MAX_NUMBERS,
            }),
          }
          : {}),
        ...(tfMemory ? { tensorsLeaked: tfMemory() - before } : {}),
      };
    }
  } catch (e) {
    answer = { id: call.id, ok: false, error: describeError(e), ms: performance.now() - t0 };
  }
  writeAll(encode(`\n${nonce} ${stringify(answer)}\n`));
}
