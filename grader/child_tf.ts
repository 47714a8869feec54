/**
 * The child's tfjs: staged over `lib/tf.ts` in every staging folder (and
 * served for "@tensorflow/tfjs" too), so a student's code gets the kit's own
 * tfjs (`lib/tf.ts`, staged as `vendor/tf_base.ts`: same backend, same
 * kernels), while the child records which ops each call uses. The record
 * decides the forbidden-op rule, whatever the code looks like (`const T = tf;
 * T.matMul(…)`, `tf.losses["meanSquared" + "Error"]`, a tensor's own
 * `.matMul`): tfjs runs every op in an engine scope named after it, every
 * gradient through `engine.gradients`, every kernel through
 * `engine.runKernel`, and those are replaced here, once, by locked recording
 * versions. The recording function, and the few built-ins used here, come
 * from the child (`grader/child.ts`) on a locked global, captured before any
 * student code ran.
 *
 * @module
 */
import { tf as real } from "../lib/tf.ts";

type Fn = (...args: unknown[]) => unknown;
interface ChildHooks {
  recordOp(name: unknown): void;
  apply: typeof Reflect.apply;
  lock(o: object, key: string, value: unknown): void;
}
const hooks = (globalThis as Record<symbol, unknown>)[Symbol.for("tensorlings.child")] as
  | ChildHooks
  | undefined;
// Outside the child's own isolate (a Worker a student started, say) there is nothing to record
// with: this tfjs refuses to load there rather than run unrecorded.
if (!hooks) throw new Error("tfjs is available to the graded code only in its own process");
const record = hooks.recordOp;
const apply = hooks.apply;
const lock = hooks.lock;
// Captured now, before any student code runs: a replaced built-in must not blind a record.
const endsWith = String.prototype.endsWith;
const startsWith = String.prototype.startsWith;
const regexTest = RegExp.prototype.test;
const strSlice = String.prototype.slice;
const ownDescriptor = Reflect.getOwnPropertyDescriptor;

const engine = real.engine() as unknown as Record<string, Fn>;
const { startScope, gradients, runKernel } = engine;
/** A fused op's activation runs inside its kernel (`fused.matMul({…, activation: "sigmoid"})`). */
function recordActivation(attrs: unknown): void {
  const a = attrs !== null && typeof attrs === "object"
    ? (attrs as { activation?: unknown }).activation
    : undefined;
  if (typeof a === "string") record("activation:" + a);
}
const recordScope = function (this: unknown, name: unknown) {
  // Only an op's own scope ("<op>__op"; the child keeps "<op>"): names a student gives tf.tidy
  // say nothing about ops, and a training loop that names one per step would flood the record.
  if (typeof name === "string" && apply(endsWith, name, ["__op"])) record(name);
  return apply(startScope, this, arguments);
};
const recordGradients = function (this: unknown) {
  record("gradients");
  return apply(gradients, this, arguments);
};
const recordKernel = function (this: unknown, name: unknown, _inputs: unknown, attrs: unknown) {
  record("kernel:" + name);
  recordActivation(attrs);
  return apply(runKernel, this, arguments);
};
// On the engine, and on its class, whose methods are the same functions unrecorded.
for (const target of [engine, Object.getPrototypeOf(engine) as Record<string, Fn>]) {
  lock(target, "startScope", recordScope);
  lock(target, "gradients", recordGradients);
  lock(target, "runKernel", recordKernel);
}
// Every registered gradient records too: a tape walked by hand (startTape, then each node's
// gradient) or `getGradient(…).gradFunc` differentiates without engine.gradients.
const registries = (globalThis as { _tfGlobals?: Map<string, unknown> })._tfGlobals;
const grads = registries?.get("gradRegistry");
if (grads instanceof Map) {
  for (const config of grads.values() as Iterable<{ gradFunc: Fn }>) {
    const gradFunc = config.gradFunc;
    lock(config, "gradFunc", function (this: unknown) {
      record("gradients");
      return apply(gradFunc, this, arguments);
    });
  }
}
// A kernel called directly (`getKernel(name, backend).kernelFunc(...)`) skips runKernel: every
// kernel registered so far (tfjs's, and the kit's, registered when lib/tf.ts loaded) records too,
// whatever its backend. The webgl backend never starts here, but its kernels are registered, and
// many take a plain CPU path when handed a stand-in backend.
const kernelRegistry = registries?.get("kernelRegistry");
const allKernels = kernelRegistry instanceof Map
  ? [...(kernelRegistry.values() as Iterable<{ kernelName: string; kernelFunc: unknown }>)]
  : real.engine().backendNames().flatMap((b) => real.getKernelsForBackend(b));
for (const config of allKernels) {
  const kernel = config.kernelFunc as unknown as Fn;
  const label = "kernel:" + config.kernelName;
  const wrapper = function (this: unknown, args: unknown) {
    record(label);
    if (args !== null && typeof args === "object") {
      recordActivation((args as { attrs?: unknown }).attrs);
    }
    return apply(kernel, this, arguments);
  };
  // The kit's mark stays readable; the kernel it replaced (`original`) does not, since it would
  // run unrecorded.
  if ((kernel as { kit?: unknown }).kit === true) (wrapper as { kit?: boolean }).kit = true;
  lock(config, "kernelFunc", wrapper);
}
// The wasm backend's module exports every kernel twice over: as `_<Kernel>` on the module and as
// `<Kernel>` on its raw exports (`asm`). Code that reads either computes without runKernel, so
// reading one records the kernel. The backend's own calls read them too, once per kernel, under
// the name that kernel already recorded through runKernel; its writes (emscripten swaps each stub
// for the raw export on first use) are let through to the stub, which keeps working.
// The function table (`__indirect_function_table`) and emscripten's `dynCall_*` trampolines call
// any function in the module by its index, XNNPACK's micro-kernels among them: the backend never
// reads them after it started, so a read records "kernel:*", which stands for every kernel
// (grader/tf_record.ts ANY_KERNEL), as does making a second module (below).
const ANY_KERNEL = "kernel:*";
/** What reading `key` of the raw exports records: its kernel, "kernel:*", or nothing. */
function exportLabel(key: string | symbol): string | null {
  if (typeof key !== "string") return null;
  if (key === "__indirect_function_table" || apply(startsWith, key, ["dynCall_"])) {
    return ANY_KERNEL;
  }
  if (!apply(regexTest, /^_?[A-Z]/, [key])) return null;
  return "kernel:" + (apply(regexTest, /^_/, [key]) ? apply(strSlice, key, [1]) : key);
}
const wasmModule = (real.findBackend("wasm") as { wasm?: Record<string, unknown> } | undefined)
  ?.wasm;
if (wasmModule) {
  for (const key of Object.keys(wasmModule)) {
    const value = wasmModule[key];
    if (typeof value !== "function") continue;
    const label = /^dynCall_/.test(key)
      ? ANY_KERNEL
      : /^_[A-Z_]/.test(key)
      ? "kernel:" + key.slice(1)
      : null;
    if (label === null) continue;
    Object.defineProperty(wasmModule, key, {
      get() {
        record(label);
        return value;
      },
      set() {},
      configurable: false,
    });
  }
  const raw = wasmModule.asm;
  if (raw !== null && typeof raw === "object") {
    lock(
      wasmModule,
      "asm",
      new Proxy(raw, {
        get(t, key) {
          const label = exportLabel(key);
          if (label !== null) record(label);
          return (t as Record<string | symbol, unknown>)[key];
        },
        // Object.getOwnPropertyDescriptors(asm) reads every export without a get.
        getOwnPropertyDescriptor(t, key) {
          const label = exportLabel(key);
          if (label !== null) record(label);
          return apply(ownDescriptor, Reflect, [t, key]) as PropertyDescriptor | undefined;
        },
      }),
    );
  }
}
// The backend's factory makes a second wasm module, whose exports none of the above wraps. tfjs
// called it once, before any graded code ran, and never again while the backend stays registered.
const factories = (engine as unknown as { registryFactory?: Record<string, { factory?: Fn }> })
  .registryFactory;
const wasmFactory = factories?.wasm;
if (wasmFactory && typeof wasmFactory.factory === "function") {
  const make = wasmFactory.factory;
  lock(wasmFactory, "factory", function (this: unknown) {
    record(ANY_KERNEL);
    return apply(make, this, arguments);
  });
}
for (const name of Object.keys(real)) {
  const proto = (real as unknown as Record<string, { prototype?: Record<string, Fn> }>)[name]
    ?.prototype;
  if (!/.Optimizer$/.test(name) || !proto || !Object.hasOwn(proto, "applyGradients")) continue;
  const step = proto.applyGradients;
  const op = "train." + name.slice(0, -"Optimizer".length).toLowerCase();
  lock(proto, "applyGradients", function (this: unknown) {
    record(op);
    return apply(step, this, arguments);
  });
}

// A layers model compiled with a loss or metric by name computes it with the layers' own functions,
// which open no op scope (`loss: "meanSquaredError"`, then `evaluate`): compiling records.
const layersModel = (real as unknown as { LayersModel?: { prototype?: Record<string, Fn> } })
  .LayersModel?.prototype;
if (layersModel && Object.hasOwn(layersModel, "compile")) {
  const compile = layersModel.compile;
  lock(layersModel, "compile", function (this: unknown) {
    record("layers.compile");
    return apply(compile, this, arguments);
  });
}

/** Namespaces whose functions are recorded by path (`losses.meanSquaredError`). */
const NESTED: Record<string, true> = {
  losses: true,
  metrics: true,
  train: true,
  fused: true,
  // The cpu backend's plain implementations (`shared.sigmoidImpl`), which the package re-exports.
  shared: true,
  // Functions that compute without an op scope of their own (`image.nonMaxSuppressionAsync`,
  // `kernel_impls.nonMaxSuppressionV3Impl`). grader/tf_record.ts's VENDOR exports each of these
  // from here, so `import { image } from "@tensorflow/tfjs"` records too.
  image: true,
  kernel_impls: true,
  backend_util: true,
  linalg: true,
  signal: true,
  spectral: true,
  sparse: true,
};
const wrapped: Record<string, unknown> = Object.create(null);
function recorded<T extends object>(target: T, path: string): T {
  const handler: ProxyHandler<T> = {
    // Object.getOwnPropertyDescriptor(tf, "shared").value reads through here, not through get.
    getOwnPropertyDescriptor(t, key) {
      const d = Reflect.getOwnPropertyDescriptor(t, key);
      if (!d || !("value" in d) || (d.configurable === false && d.writable === false)) return d;
      return { ...d, value: handler.get!(t, key, t) };
    },
    get(t, key) {
      const value = (t as Record<string | symbol, unknown>)[key];
      if (typeof key !== "string") return value;
      const p = path ? path + "." + key : key;
      if (typeof value === "function") {
        return wrapped[p] ??= new Proxy(value, {
          apply(f, self, args) {
            record(p);
            return apply(f, self, args);
          },
        });
      }
      if (!path && NESTED[key] === true && value !== null && typeof value === "object") {
        return recorded(value, p);
      }
      return value;
    },
  };
  return new Proxy(target, handler);
}

/** tfjs, recording the functions called through it. */
export const tf: typeof real = recorded(real, "");
