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
const quote = JSON.stringify; // only ever given a primitive string or number: no toJSON is consulted
const parse = JSON.parse;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const objectKeys = Object.keys;
const SetCtor = Set;
const setAdd = Set.prototype.add;
const setClear = Set.prototype.clear;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size")!.get!;
const setValues = Set.prototype.values;
const setIterNext = Object.getPrototypeOf(new Set().values()).next;
const strEndsWith = String.prototype.endsWith;
const strSlice = String.prototype.slice;
const reflectApply = Reflect.apply;
const defineProperty = Object.defineProperty;
const freeze = Object.freeze;
const invoke = (f: unknown, self: unknown, ...args: unknown[]): unknown =>
  reflectApply(f as (...a: unknown[]) => unknown, self, args);
const encoder = new TextEncoder();
const encode = encoder.encode.bind(encoder);
const decoder = new TextDecoder();
const decode = decoder.decode.bind(decoder);
const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const readFileSync = Deno.readFileSync.bind(Deno);
const now = performance.now.bind(performance);
// Deno.cpuUsage itself, not process.cpuUsage, which looks the (writable) Deno.cpuUsage up on
// every call: student code that replaces it cannot change what this reports.
const cpuUsage = (Deno as unknown as { cpuUsage?: () => { user: number; system: number } })
  .cpuUsage;
/**
 * This process's CPU time so far (ms): the grader reads a call's CPU time from it
 * when it cannot read /proc itself (and never believes more than it measures).
 */
const cpuNow = (): number | null => {
  if (typeof cpuUsage !== "function") return null;
  const u = invoke(cpuUsage, Deno) as { user: number; system: number };
  return (u.user + u.system) / 1000;
};
// Typed arrays' own subarray and length, for writing frames: student code may replace the
// prototype's, and the frame holds the nonce.
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const u8Subarray = typedArrayProto.subarray as (this: Uint8Array, at: number) => Uint8Array;
const u8Length = Object.getOwnPropertyDescriptor(typedArrayProto, "length")!.get!;
const F64 = Float64Array;
const NotCapable = Deno.errors.NotCapable;
const PermissionDenied = Deno.errors.PermissionDenied;
const MAX_NUMBERS = 4_000_000;
/** The longest answer frame, in characters (a bigger result is an error, not a frame). */
const MAX_FRAME = 48 * 1024 * 1024;
/** Deno's own wording when the sandbox refuses something, whatever the error's class. */
const DENIED = /^Requires \S+ access|NotCapable|PermissionDenied|--allow-[a-z]+ flag/;

/** Distinct names recorded per call (the heaviest honest calls record under 100). */
const MAX_OPS = 900;
/** Recorded once the bound is reached (grader/tf_record.ts reads it). */
const OPS_OVERFLOW = "ops-overflow";
// tfjs ops used during the current call, recorded by the child's tfjs (grader/child_tf.ts)
// through a locked global that carries this file's own copies of what it needs, so student
// code that replaces String.prototype, Reflect or Object methods cannot blind the record.
const used = new SetCtor<string>();
function recordOp(name: unknown): void {
  if (typeof name !== "string") return;
  // A bounded record, but never a silent one: past the bound, names a flood of made-up scope
  // names pushed out could be the forbidden op, so the record says it overflowed.
  if ((invoke(setSize, used) as number) >= MAX_OPS) {
    invoke(setAdd, used, OPS_OVERFLOW);
    return;
  }
  // tfjs names an op's engine scope "<op>__op".
  const op = invoke(strEndsWith, name, "__op") ? invoke(strSlice, name, 0, -4) : name;
  invoke(setAdd, used, invoke(strSlice, op, 0, 100));
}
/** Sets `o[key]` for good: neither writable nor configurable. */
const lockValue = (o: object, key: string, value: unknown) =>
  defineProperty(o, key, { value, writable: false, configurable: false });
defineProperty(globalThis, Symbol.for("tensorlings.child"), {
  value: freeze({
    recordOp,
    apply: reflectApply,
    construct: Reflect.construct,
    get: Reflect.get,
    lock: lockValue,
  }),
  writable: false,
  enumerable: false,
  configurable: false,
});

/** The ops recorded during this call. */
function usedOps(): string[] {
  const out: string[] = [];
  const it = invoke(setValues, used);
  let i = 0;
  for (let r = invoke(setIterNext, it) as IteratorResult<string>; !r.done;) {
    defineProperty(out, i++, {
      value: r.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    r = invoke(setIterNext, it) as IteratorResult<string>;
  }
  return out;
}

function writeAll(bytes: Uint8Array): void {
  const n = invoke(u8Length, bytes) as number;
  let at = 0;
  while (at < n) at += stdoutWrite(invoke(u8Subarray, bytes, at) as Uint8Array);
}

/**
 * Writes the answer as JSON text directly, reading only its own elements and
 * keys: prototypes, `toJSON` and setters the student may have planted play no
 * part. NaN, Infinity, undefined and bigints are tagged. Bounded in size.
 */
function encodeValue(value: unknown, budget: { n: number; chars: number }, depth = 0): string {
  if (depth > 10) throw new RangeError("the result is nested too deeply");
  if (--budget.n < 0) throw new RangeError("the result is too large");
  let out: string;
  if (value === null) out = "null";
  else if (typeof value === "boolean") out = value ? "true" : "false";
  else if (typeof value === "string") out = quote(value);
  else if (typeof value === "number") {
    out = value === value && value !== Infinity && value !== -Infinity
      ? quote(value)
      : `{"$num":${quote(String(value))}}`;
  } else if (typeof value === "undefined") out = `{"$undefined":true}`;
  else if (typeof value === "bigint") out = `{"$num":${quote(String(value))}}`;
  else if (isView(value) || isArray(value)) {
    const arr = value as ArrayLike<unknown>;
    const n = Number(arr.length);
    out = "[";
    for (let i = 0; i < n; i++) out += (i ? "," : "") + encodeValue(arr[i], budget, depth + 1);
    out += "]";
  } else if (typeof value === "object") {
    out = "{";
    let first = true;
    for (const k of objectKeys(value as object)) {
      const v = encodeValue((value as Record<string, unknown>)[k], budget, depth + 1);
      out += (first ? "" : ",") + quote(String(k)) + ":" + v;
      budget.chars -= String(k).length;
      first = false;
    }
    out += "}";
  } else out = `{"$type":${quote(typeof value)}}`;
  // Containers count their brackets; their elements counted themselves.
  budget.chars -= out.length > 64 && (out[0] === "[" || out[0] === "{") ? 2 : out.length;
  if (budget.chars < 0) throw new RangeError("the result is too large");
  return out;
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
  // What JSON cannot hold, tagged by the trusted side (lib/wire.ts): NaN, ±Infinity, undefined.
  if (typeof o.$num === "string") return Number(o.$num);
  if (o.$undefined === true) return undefined;
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
    // Deno reports some refusals as a TypeError ("Requires read access to …").
    permission: e instanceof NotCapable || e instanceof PermissionDenied || DENIED.test(message),
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

// Web storage and the Cache API need no permission and write, without a quota that binds the
// Cache API, into the children's cache folder, shared by a class run: a student could fill the
// disk under everyone else's grading. Nothing the course teaches uses them.
// A Worker is a second isolate without the child's recording hooks: tfjs run there would escape
// the forbidden-op rule (and nothing the course teaches needs one).
for (const k of ["caches", "localStorage", "sessionStorage", "Worker"]) {
  delete (globalThis as Record<string, unknown>)[k];
}

const first = await nextLine();
const hello = first ? parse(first) as { nonce: string; preload?: string[] } : { nonce: "" };
const nonce = hello.nonce;
// Heavy modules the exercises use (tfjs, mathjs) load while the grader prepares its cases.
await Promise.all((hello.preload ?? []).map((m) => import(m).catch(() => undefined)));

// From here on no new CommonJS module loads. Deno's require reads any file of the npm cache
// without --allow-read, so `createRequire(…)(<another tfjs bundle>)` would load a second copy of
// tfjs whose kernels, gradients and optimizers nothing records. The grader preloads every package
// the submission and its references use; built-ins, and modules already loaded, still resolve.
{
  const nodeModule = await import("node:module");
  const Mod = nodeModule.default as unknown as {
    _load: (...a: unknown[]) => unknown;
    _resolveFilename: (...a: unknown[]) => unknown;
    _cache: Record<string, unknown>;
    _extensions: Record<string, unknown>;
    prototype: Record<string, unknown>;
  };
  const isBuiltin = nodeModule.isBuiltin;
  const hasOwn = Object.hasOwn;
  const load = Mod._load;
  const resolveFile = Mod._resolveFilename;
  const cache = Mod._cache;
  const refuse = (what: string): never => {
    throw new Error(
      `refused by the grader: loading ${what} (only the modules the course loaded may be required)`,
    );
  };
  lockValue(Mod, "_load", function (this: unknown, request: unknown, parent: unknown) {
    if (typeof request !== "string") return refuse("a module");
    if (!(invoke(isBuiltin, undefined, request) as boolean)) {
      const file = invoke(resolveFile, Mod, request, parent, false);
      if (typeof file !== "string" || !(invoke(hasOwn, undefined, cache, file) as boolean)) {
        return refuse(request);
      }
    }
    return reflectApply(load, this, arguments);
  });
  lockValue(Mod.prototype, "load", () => refuse("a module by hand"));
  for (const ext of objectKeys(Mod._extensions)) {
    lockValue(Mod._extensions, ext, () => refuse("a module by hand"));
  }
}
const modules = new Map<string, Record<string, unknown>>();

type TfEngine = { state?: { numTensors?: number } };
// tfjs keeps its engine on a global: once loaded (before any student code), it is held here and
// the global locked, so student code cannot put a stand-in there to hide the tensors it leaks.
const preloadedEngine = (globalThis as { _tfengine?: TfEngine })._tfengine;
if (preloadedEngine) {
  defineProperty(globalThis, "_tfengine", {
    value: preloadedEngine,
    writable: false,
    configurable: false,
  });
}

/** How many tfjs tensors are alive, or null when tfjs is not loaded in this child. */
function tensorCounter(): (() => number) | null {
  const engine = preloadedEngine ?? (globalThis as { _tfengine?: TfEngine })._tfengine;
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
  let answer: Record<string, unknown>;
  invoke(setClear, used);
  const t0 = now();
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
      answer = { id: call.id, ok: true, value: null, ms: now() - t0 };
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
        ms: now() - t0,
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
    answer = { id: call.id, ok: false, error: describeError(e), ms: now() - t0 };
  }
  answer = { ...answer, ops: usedOps(), cpu: cpuNow() };
  let text: string;
  try {
    text = encodeValue(answer, { n: 3 * MAX_NUMBERS, chars: MAX_FRAME });
  } catch (e) {
    text = encodeValue({
      id: call.id,
      ok: false,
      error: describeError(e),
      ms: now() - t0,
      cpu: cpuNow(),
    }, {
      n: 1000,
      chars: 1_000_000,
    });
  }
  writeAll(encode(`\n${nonce} ${text}\n`));
}
