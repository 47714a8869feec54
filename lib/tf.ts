/**
 * TensorFlow.js, ready to use: the wasm backend (SIMD) when it loads, the
 * pure-JS cpu backend otherwise. Import `tf` from here, never the package
 * directly, so every lesson runs on the same backend.
 *
 * The wasm backend has no kernel for the gradient of a convolution with
 * respect to its filter (`Conv2DBackpropFilter`), so training a CNN would
 * fail there, nor for the gradient of `tf.gather`; the kit registers both,
 * written out below (lesson 04 derives the first). It also replaces the
 * backend's kernels where they are several times slower than they need be
 * (products with a transposed operand, the gradients of a convolution's
 * input and of max pooling: `bench/kernels.ts`). Each is tested against the
 * cpu backend in `lib/tf_test.ts`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-wasm";

type ConvAttrs = {
  strides: [number, number] | number;
  pad: "valid" | "same" | number;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
};
type Shape4 = [number, number, number, number];
/** A wasm kernel by name (it exists: the backend is imported above). */
const wasmKernel = (name: string): tf.KernelFunc => tf.getKernel(name, "wasm")!.kernelFunc;
/** Runs the wasm kernel `name` on tensors that live on the backend. */
const run = (name: string, backend: unknown, inputs: tf.NamedTensorInfoMap, attrs: object) =>
  wasmKernel(name)({
    inputs,
    backend: backend as BackendWasm,
    attrs: attrs as tf.NamedAttrMap,
  }) as tf.TensorInfo;

/**
 * dW[p, q, c, o] = Σ_{n, i, j} x[n, i·sh + p − top, j·sw + q − left, c] · dy[n, i, j, o]
 * (zero outside x), for NHWC tensors: the filter gradient of `tf.conv2d`, which
 * the wasm backend lacks. The input windows are laid out as the columns of a
 * matrix (im2col), so the sum is one matrix product, cols · dy. (The kit
 * registers a faster one on top of it, {@link filterGradByConvolution}.)
 */
const conv2DBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as ConvAttrs & { filterShape: Shape4 };
  if (a.dataFormat === "NCHW") {
    throw new Error("Conv2DBackpropFilter (wasm): only NHWC is supported");
  }
  const c = tf.backend_util.computeConv2DInfo(
    x.shape as Shape4,
    a.filterShape,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = c;
  const { outChannels: O, filterHeight: KH, filterWidth: KW, strideHeight: SH, strideWidth: SW } =
    c;
  const xv = wasm.typedArrayFromHeap(x) as Float32Array; // [N, H, W, C]
  const M = c.batchSize * OH * OW; // one row per output position
  const K = KH * KW * C; // one column per filter tap
  const cols = new Float32Array(K * M); // [K, M]: tap-major, zero where the window leaves x
  for (let n = 0, m = 0; n < c.batchSize; n++) {
    for (let i = 0; i < OH; i++) {
      for (let j = 0; j < OW; j++, m++) {
        for (let p = 0; p < KH; p++) {
          const xi = i * SH + p - c.padInfo.top;
          if (xi < 0 || xi >= H) continue;
          for (let q = 0; q < KW; q++) {
            const xj = j * SW + q - c.padInfo.left;
            if (xj < 0 || xj >= W) continue;
            const from = ((n * H + xi) * W + xj) * C;
            const tap = (p * KW + q) * C;
            for (let ch = 0; ch < C; ch++) cols[(tap + ch) * M + m] = xv[from + ch];
          }
        }
      }
    }
  }
  const colsInfo = wasm.makeOutput([1, K, M], "float32", undefined, cols);
  const dyInfo = { ...dy, shape: [1, M, O] }; // the same data, viewed as [1, M, O]
  const product = run("BatchMatMul", backend, { a: colsInfo, b: dyInfo }, {
    transposeA: false,
    transposeB: false,
  }); // [1, K, O]
  wasm.disposeData(colsInfo.dataId);
  return { ...product, shape: a.filterShape }; // [KH, KW, C, O], the same data
};

if (!tf.getKernel("Conv2DBackpropFilter", "wasm")) {
  tf.registerKernel({
    kernelName: "Conv2DBackpropFilter",
    backendName: "wasm",
    kernelFunc: conv2DBackpropFilter,
  });
}

/**
 * The same filter gradient as a convolution: with x read as [C, H, W, N]
 * (channels as the batch, the batch as channels) and dy as a filter
 * [OH, OW, N, O] dilated by the stride, dW is `conv2d(xᵀ, dyᵀ)` of shape
 * [C, KH, KW, O], which the wasm backend computes with XNNPACK (2–3× faster
 * than the column matrix for the lesson's CNN, `bench/kernels.ts`). When the
 * forward pass left rows or columns of x unread (a stride that does not fit),
 * that view would need negative padding, and `original` computes it.
 */
function filterGradByConvolution(original: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as ConvAttrs & { filterShape: Shape4 };
    if (a.dataFormat === "NCHW") return original({ inputs, backend, attrs });
    const c = tf.backend_util.computeConv2DInfo(
      x.shape as Shape4,
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    const { filterHeight: KH, filterWidth: KW, strideHeight: SH, strideWidth: SW } = c;
    const { top, left } = c.padInfo;
    // The padding after x that makes the dilated dy fit KH × KW times.
    const bottom = KH + SH * (c.outHeight - 1) - c.inHeight - top;
    const right = KW + SW * (c.outWidth - 1) - c.inWidth - left;
    if (bottom < 0 || right < 0) return original({ inputs, backend, attrs });
    const xT = run("Transpose", backend, { x }, { perm: [3, 1, 2, 0] }); // [C, H, W, N]
    const dyT = run("Transpose", backend, { x: dy }, { perm: [1, 2, 0, 3] }); // [OH, OW, N, O]
    const sums = run("Conv2D", backend, { x: xT, filter: dyT }, {
      strides: [1, 1],
      dilations: [SH, SW],
      dataFormat: "NHWC",
      pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    }); // [C, KH, KW, O]
    const dw = run("Transpose", backend, { x: sums }, { perm: [1, 2, 0, 3] }); // [KH, KW, C, O]
    for (const t of [xT, dyT, sums]) wasm.disposeData(t.dataId);
    return dw;
  };
}

/**
 * dx[n, i, j, c] = Σ_{p, q, o} dy[n, i + top − p, j + left − q, o] · w[p, q, c, o]: the
 * input gradient of `tf.conv2d`. For stride 1 that is a convolution of dy,
 * padded by KH − 1 − top above (and so on), with the filter turned half a
 * circle and its channels swapped, which XNNPACK computes about 5× faster than
 * the wasm backend's own loop (`bench/kernels.ts`). Other strides, NCHW, and
 * paddings wider than the filter keep the backend's kernel.
 */
function conv2DBackpropInput(original: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const a = attrs as unknown as ConvAttrs & { inputShape: Shape4 };
    const c = a.dataFormat === "NCHW" ? null : tf.backend_util.computeConv2DInfo(
      a.inputShape,
      filter.shape as Shape4,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    const p = c?.padInfo;
    if (
      !c || !p || c.strideHeight !== 1 || c.strideWidth !== 1 ||
      Math.max(p.top, p.bottom) > c.filterHeight - 1 ||
      Math.max(p.left, p.right) > c.filterWidth - 1
    ) {
      return original({ inputs, backend, attrs });
    }
    const { filterHeight: KH, filterWidth: KW, inChannels: C, outChannels: O } = c;
    const w = wasm.typedArrayFromHeap(filter) as Float32Array; // [KH, KW, C, O]
    const turned = new Float32Array(w.length); // [KH, KW, O, C], rotated by 180°
    for (let i = 0; i < KH; i++) {
      for (let j = 0; j < KW; j++) {
        for (let ch = 0; ch < C; ch++) {
          const from = (((KH - 1 - i) * KW + (KW - 1 - j)) * C + ch) * O;
          for (let o = 0; o < O; o++) turned[((i * KW + j) * O + o) * C + ch] = w[from + o];
        }
      }
    }
    const f = wasm.makeOutput([KH, KW, O, C], "float32", undefined, turned);
    const dx = run("Conv2D", backend, { x: dy, filter: f }, {
      strides: [1, 1],
      dilations: [1, 1],
      dataFormat: "NHWC",
      pad: [[0, 0], [KH - 1 - p.top, KH - 1 - p.bottom], [KW - 1 - p.left, KW - 1 - p.right], [
        0,
        0,
      ]],
    });
    wasm.disposeData(f.dataId);
    return dx;
  };
}

/**
 * The gradient of `tf.maxPool`: each window's dy goes to the first position of
 * its largest value (row by row; windows cut by padding look only inside x),
 * summed where windows overlap, exactly as tfjs's cpu kernel defines it. The
 * wasm backend's kernel is about 3× slower for the lesson's CNN
 * (`bench/kernels.ts`); this one reads each window once, all channels together.
 */
function maxPoolGrad(original: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (input.dtype !== "float32" || dy.dtype !== "float32") {
      return original({ inputs, backend, attrs });
    }
    const a = attrs as unknown as ConvAttrs & { filterSize: [number, number] | number };
    const c = tf.backend_util.computePool2DInfo(
      input.shape as Shape4,
      a.filterSize,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = c;
    const { strideHeight: SH, strideWidth: SW } = c;
    const { effectiveFilterHeight: FH, effectiveFilterWidth: FW } = c;
    const { top, left } = c.padInfo;
    const x = wasm.typedArrayFromHeap(input) as Float32Array;
    const g = wasm.typedArrayFromHeap(dy) as Float32Array;
    const dx = new Float32Array(x.length);
    const best = new Float32Array(C);
    const at = new Int32Array(C);
    for (let n = 0, o = 0; n < N; n++) {
      for (let i = 0; i < OH; i++) {
        const r0 = Math.max(0, i * SH - top);
        const r1 = Math.min(H, i * SH - top + FH);
        for (let j = 0; j < OW; j++, o += C) {
          const c0 = Math.max(0, j * SW - left);
          const c1 = Math.min(W, j * SW - left + FW);
          best.fill(-Infinity);
          at.fill(-1);
          for (let r = r0; r < r1; r++) {
            for (let col = c0; col < c1; col++) {
              const base = ((n * H + r) * W + col) * C;
              for (let d = 0; d < C; d++) {
                if (x[base + d] > best[d]) {
                  best[d] = x[base + d];
                  at[d] = base + d;
                }
              }
            }
          }
          for (let d = 0; d < C; d++) if (at[d] >= 0) dx[at[d]] += g[o + d];
        }
      }
    }
    return wasm.makeOutput(input.shape, "float32", undefined, dx);
  };
}

/** Replaces a wasm kernel with `make(original)`, once (a second import of this module keeps it). */
function improve(kernelName: string, make: (original: tf.KernelFunc) => tf.KernelFunc): void {
  const kernel = tf.getKernel(kernelName, "wasm");
  if (!kernel || (kernel.kernelFunc as { kit?: boolean }).kit) return;
  const better: tf.KernelFunc & { kit?: boolean; original?: tf.KernelFunc } = make(
    kernel.kernelFunc,
  );
  better.kit = true;
  better.original = kernel.kernelFunc; // for bench/kernels.ts, which measures both
  tf.unregisterKernel(kernelName, "wasm");
  tf.registerKernel({ ...kernel, kernelFunc: better });
}
improve("Conv2DBackpropFilter", filterGradByConvolution);
improve("Conv2DBackpropInput", conv2DBackpropInput);
improve("MaxPoolGrad", maxPoolGrad);

/**
 * out[s, …] = Σ_{i : ids[i] = s} x[i, …] for s in 0…numSegments − 1 (ids outside
 * that range are dropped, as tfjs's cpu kernel does): the gradient of
 * `tf.gather(table, ids)` with respect to the table, one row added per id.
 */
const unsortedSegmentSum: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const inner = x.shape.slice(segmentIds.shape.length); // the shape of one summed slice
  const width = inner.reduce((a, b) => a * b, 1);
  const xv = wasm.typedArrayFromHeap(x) as Float32Array | Int32Array;
  const ids = wasm.typedArrayFromHeap(segmentIds) as Int32Array;
  const out = x.dtype === "int32"
    ? new Int32Array(numSegments * width)
    : new Float32Array(numSegments * width);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    for (let k = 0, from = i * width, to = s * width; k < width; k++) out[to + k] += xv[from + k];
  }
  return wasm.makeOutput([numSegments, ...inner], x.dtype, undefined, out);
};

if (!tf.getKernel("UnsortedSegmentSum", "wasm")) {
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName: "wasm",
    kernelFunc: unsortedSegmentSum,
  });
}

/**
 * The wasm backend's matrix product is about ten times slower when asked to
 * transpose an operand (`transposeA`/`transposeB`: 27 ms against 3 ms for
 * 256 × 256, `bench/kernels.ts`), and every gradient of a product asks for one
 * (dA = dC·Bᵀ, dB = Aᵀ·dC). Transposing the operand first and multiplying
 * without the flag gives the same numbers in a tenth of the time, so the kit
 * wraps both product kernels (`BatchMatMul`, and `_FusedMatMul` that dense
 * layers use) to do that.
 */
function withoutTransposeFlags(original: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    const wasm = backend as BackendWasm;
    const made: tf.TensorInfo[] = [];
    const flip = (t: tf.TensorInfo): tf.TensorInfo => {
      const rank = t.shape.length;
      const out = run("Transpose", backend, { x: t }, {
        perm: [...Array(rank - 2).keys(), rank - 1, rank - 2],
      });
      made.push(out);
      return out;
    };
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const result = original({
      inputs: { ...inputs, a: transposeA ? flip(a) : a, b: transposeB ? flip(b) : b },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
    for (const t of made) wasm.disposeData(t.dataId);
    return result;
  };
}
improve("BatchMatMul", withoutTransposeFlags);
improve("_FusedMatMul", withoutTransposeFlags);

tf.enableProdMode();
try {
  if (!(await tf.setBackend("wasm"))) await tf.setBackend("cpu");
} catch {
  // The wasm binary could not be read (no read permission, unusual install).
  await tf.setBackend("cpu");
}
await tf.ready();

export { tf };
