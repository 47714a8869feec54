/**
 * Hidden-case helpers shared by the exercises of lesson 04 (grader only:
 * never in the kit). Every reference is computed by TensorFlow.js itself.
 *
 * @module
 */
import { tf } from "../../lib/tf.ts";
import type { Rng } from "../../lib/random.ts";
import type { Case } from "../define.ts";
import type { Padding, T4 } from "./_variants.ts";

export type { Padding, T4 };

/** float32 results against float64 answers; sums of up to ~100 products of normals. */
export const F32 = { rtol: 1e-4, atol: 1e-4 };

/** The end of the last {@link onCpu} queued: each waits for the one before it. */
let cpuTurn: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` on tfjs's cpu backend, the plain-JavaScript implementation of the
 * documented formulas, and disposes the tensors it made. The wasm backend is
 * not a reference here: its conv2d returns zeros for some "same" geometries
 * where the stride exceeds the kernel (tensorflow/tfjs#8405; the lesson shows
 * one), and its Conv2DBackpropFilter is the kit's own (lib/tf.ts), not tfjs's.
 *
 * The backend is one setting for the whole process, and `grade-all` grades
 * several submissions at once in it, so calls take turns: otherwise one call's
 * switch back to wasm could land between another's switch to cpu and its `fn`,
 * and that reference would be computed on wasm (and the process could be left
 * on cpu). Code that runs meanwhile outside `onCpu` computes on cpu, which only
 * costs time.
 */
export function onCpu<R>(fn: () => R): Promise<R> {
  const run = async (): Promise<R> => {
    const previous = tf.getBackend();
    await tf.setBackend("cpu");
    try {
      let out: R | undefined;
      tf.tidy(() => {
        out = fn();
      });
      return out as R;
    } finally {
      await tf.setBackend(previous);
    }
  };
  const result = cpuTurn.then(run);
  cpuTurn = result.catch(() => {});
  return result;
}

/** A [N, H, W, C] array of standard normals. */
export const randomT4 = (r: Rng, [n, h, w, c]: number[]): T4 =>
  Array.from(
    { length: n },
    () =>
      Array.from({ length: h }, () =>
        Array.from({ length: w }, () => Array.from({ length: c }, () => r.normal()))),
  );

/** The output length and padding along one axis, read off tfjs's own convolution. */
export async function tfOutputSize(
  ...args: unknown[]
): Promise<{ out: number; padBefore: number; padAfter: number }> {
  const [h, k, s, padding] = args as [number, number, number, Padding];
  const read = await onCpu(() => {
    // x = 1 everywhere and tap p weighs 2^p: out[0] has bit p set iff tap p reads the input,
    // and the first tap that does reads x[0], so the lowest set bit is padBefore.
    const x = tf.ones([1, h, 1, 1]) as tf.Tensor4D;
    const w = tf.tensor4d(Array.from({ length: k }, (_, p) => 2 ** p), [k, 1, 1, 1]);
    return tf.conv2d(x, w, [s, 1], padding).dataSync();
  });
  const out = read.length;
  const first = Math.round(read[0]);
  const padBefore = Math.log2(first & -first);
  // The last window spans (out − 1)·s − padBefore … + K − 1: what lies past H − 1 is padding.
  const padAfter = Math.max(0, (out - 1) * s - padBefore + k - h);
  return { out, padBefore, padAfter };
}

/** tf.conv2d(x, w, strides, padding) + b, as nested arrays. */
export function tfConv2d(...args: unknown[]): Promise<T4> {
  const [x, w, b, strides, padding] = args as [T4, T4, number[], [number, number], Padding];
  return onCpu(() =>
    tf.add(tf.conv2d(tf.tensor4d(x), tf.tensor4d(w), strides, padding), tf.tensor1d(b))
      .arraySync() as T4
  );
}

/** tf.maxPool or tf.avgPool, as nested arrays. */
export const tfPool = (mode: "max" | "avg") => (...args: unknown[]): Promise<T4> => {
  const [x, size, strides, padding] = args as [T4, [number, number], [number, number], Padding];
  return onCpu(() => {
    const t = tf.tensor4d(x);
    const y = mode === "max"
      ? tf.maxPool(t, size, strides, padding)
      : tf.avgPool(t, size, strides, padding);
    return y.arraySync() as T4;
  });
};

/** ∂/∂w of Σ conv2d(x, w) ⊙ dy, by `tf.grad`. */
export function tfFilterGrad(...args: unknown[]): Promise<T4> {
  const [x, dy, shape, strides, padding] = args as [
    T4,
    T4,
    [number, number, number, number],
    [number, number],
    Padding,
  ];
  return onCpu(() => {
    const xt = tf.tensor4d(x);
    const dyt = tf.tensor4d(dy);
    const f = (w: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(xt, w as tf.Tensor4D, strides, padding), dyt));
    return tf.grad(f)(tf.zeros(shape)).arraySync() as T4;
  });
}

/** The output length along one axis (the formula of convOutputSize), for shaping dy. */
export const outLen = (h: number, k: number, s: number, padding: Padding): number =>
  padding === "valid" ? Math.floor((h - k) / s) + 1 : Math.ceil(h / s);

/** Honest shapes: H ≠ W, batch ≥ 2, several channels, a stride per axis. */
export interface Geometry {
  n: number;
  h: number;
  w: number;
  cIn: number;
  kh: number;
  kw: number;
  cOut: number;
  strides: [number, number];
  padding: Padding;
}

/** A random geometry; `over` fixes any part of it. */
export function geometry(r: Rng, over: Partial<Geometry> = {}): Geometry {
  const h = 4 + r.int(6);
  return {
    n: 2 + r.int(2),
    h,
    w: h + 1 + r.int(4), // never square
    cIn: 2 + r.int(2),
    kh: 2 + r.int(3),
    kw: 1 + r.int(3),
    cOut: 2 + r.int(2),
    strides: [1 + r.int(2), 2 + r.int(2)], // differ per axis
    padding: r.next() < 0.5 ? "valid" : "same",
    ...over,
  };
}

/** A pooling exercise's signature (`maxPool2d`, `avgPool2d`): x, the window, strides, padding. */
type PoolFn = (x: T4, window: number[], strides: number[], padding: Padding) => T4;

/**
 * The hidden cases max_pool and avg_pool share, each against tf's own pooling on the same input:
 * `same` with even and odd windows, per-axis strides, odd sizes, an image smaller than the window,
 * all-negative images (where a zero-padded max differs), purity, and the RangeErrors.
 *
 * @param name The function's name, for the case names.
 * @param mode Which tfjs pooling is the reference.
 * @returns The cases (ids stable: they seed the inputs).
 */
export function poolCases(name: string, mode: "max" | "avg"): Case<PoolFn>[] {
  /** The arguments for a geometry: x from standard normals, the window KH × KW. */
  const argsOf = (r: Rng, g: Geometry): Parameters<PoolFn> => [
    randomT4(r, [g.n, g.h, g.w, g.cIn]),
    [g.kh, g.kw],
    g.strides,
    g.padding,
  ];
  const reference = tfPool(mode);
  return [
    {
      id: "same-with-even-window-on-non-square-batch",
      name: `${name}() under same with an even window on a batch of non-square images`,
      points: 1,
      args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 2, kw: 4, strides: [1, 1] })),
      expect: reference,
      tol: F32,
    },
    {
      id: "same-with-strides-2-3",
      name: `${name}() under same with a 3×3 window and strides [2, 3]`,
      points: 0.75,
      args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 3, kw: 3, strides: [2, 3] })),
      expect: reference,
      tol: F32,
    },
    {
      id: "same-with-odd-size-and-stride-2",
      name: `${name}() under same with an odd size, stride 2 and a 2×2 window`,
      points: 1,
      args: (r) =>
        argsOf(r, geometry(r, { padding: "same", h: 7, w: 9, kh: 2, kw: 2, strides: [2, 2] })),
      expect: reference,
      tol: F32,
    },
    {
      id: "valid-random-geometry",
      name: `${name}() under valid on a random geometry with a stride per axis`,
      points: 1,
      args: (r) => argsOf(r, geometry(r, { padding: "valid" })),
      expect: reference,
      tol: F32,
    },
    {
      id: "same-with-image-smaller-than-window",
      name: `${name}() under same with an image smaller than the window`,
      points: 1,
      args: (r) =>
        argsOf(r, geometry(r, { padding: "same", h: 2, w: 3, kh: 4, kw: 5, strides: [1, 2] })),
      expect: reference,
      tol: F32,
    },
    {
      id: "same-on-negative-images",
      name: `${name}() under same on images whose values are all negative`,
      points: 1,
      args: (r) => {
        const [x, ...rest] = argsOf(r, geometry(r, { padding: "same", kh: 3, kw: 2 }));
        return [
          x.map((im) => im.map((row) => row.map((px) => px.map((v) => -1 - Math.abs(v))))),
          ...rest,
        ];
      },
      expect: reference,
      tol: F32,
    },
    {
      id: "leaves-its-arguments-unchanged",
      name: `${name}() leaves x unchanged (it returns new arrays)`,
      points: 1,
      property: "pure",
      args: (r) => argsOf(r, geometry(r)),
      expect: reference,
      tol: F32,
    },
    {
      id: "throws-for-window-0",
      name: `${name}() throws a RangeError for a window of size 0`,
      points: 1,
      args: (r) => {
        const [x, , s, p] = argsOf(r, geometry(r));
        return [x, [0, 2], s, p];
      },
      throws: "RangeError",
    },
    {
      id: "throws-for-stride-0",
      name: `${name}() throws a RangeError for stride 0`,
      points: 0.5,
      args: (r) => {
        const [x, k, , p] = argsOf(r, geometry(r));
        return [x, k, [1, 0], p];
      },
      throws: "RangeError",
    },
    {
      id: "throws-for-unknown-padding",
      name: `${name}() throws a RangeError for a padding other than valid or same`,
      points: 0.5,
      args: (r) => {
        const [x, k, s] = argsOf(r, geometry(r));
        return [x, k, s, "full" as "same"];
      },
      throws: "RangeError",
    },
    {
      id: "throws-when-window-exceeds-image-under-valid",
      name: `${name}() throws a RangeError under valid when the window is taller than the image`,
      points: 0.5,
      args: (r) => argsOf(r, geometry(r, { padding: "valid", h: 2, w: 5, kh: 3, kw: 2 })),
      throws: "RangeError",
    },
    // The other axis, and sizes that are not integers, a quarter point each: the cases above put
    // the bad value on one axis only, so a check of that axis alone passed them.
    {
      id: "throws-when-window-exceeds-image-width-under-valid",
      name: `${name}() throws a RangeError under valid when the window is wider than the image`,
      points: 0.25,
      args: (r) => argsOf(r, geometry(r, { padding: "valid", h: 5, w: 2, kh: 2, kw: 3 })),
      throws: "RangeError",
    },
    {
      id: "throws-for-a-fractional-window",
      name: `${name}() throws a RangeError for a window width that is not an integer (1.5)`,
      points: 0.25,
      args: (r) => {
        const [x, , s, p] = argsOf(r, geometry(r));
        return [x, [2, 1.5], s, p];
      },
      throws: "RangeError",
    },
    {
      id: "throws-for-a-fractional-stride",
      name: `${name}() throws a RangeError for a stride down that is not an integer (1.5)`,
      points: 0.25,
      args: (r) => {
        const [x, k, , p] = argsOf(r, geometry(r));
        return [x, k, [1.5, 1], p];
      },
      throws: "RangeError",
    },
  ];
}
