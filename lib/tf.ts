/**
 * TensorFlow.js, ready to use: the wasm backend (SIMD) when it loads, the
 * pure-JS cpu backend otherwise. Import `tf` from here, never the package
 * directly, so every lesson runs on the same backend.
 *
 * The wasm backend has no kernel for the gradient of a convolution with
 * respect to its filter (`Conv2DBackpropFilter`), so training a CNN would
 * fail there; the kit registers one, written out below (lesson 04 derives it).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-wasm";

/**
 * dW[p, q, c, o] = Σ_{n, i, j} x[n, i·sh + p − top, j·sw + q − left, c] · dy[n, i, j, o]
 * (zero outside x), for NHWC tensors: the filter gradient of `tf.conv2d`. The
 * input windows are laid out as the columns of a matrix (im2col), so the sum is
 * one matrix product, cols · dy, which the wasm backend computes with SIMD.
 */
const conv2DBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as {
    strides: [number, number] | number;
    pad: "valid" | "same" | number;
    dataFormat: "NHWC" | "NCHW";
    dimRoundingMode?: "floor" | "round" | "ceil";
    filterShape: [number, number, number, number];
  };
  if (a.dataFormat === "NCHW") {
    throw new Error("Conv2DBackpropFilter (wasm): only NHWC is supported");
  }
  const c = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
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
  const product = tf.getKernel("BatchMatMul", "wasm")!.kernelFunc({
    inputs: { a: colsInfo, b: dyInfo },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as tf.TensorInfo; // [1, K, O]
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
 * 256 × 256, `bench/matmul.ts`), and every gradient of a product asks for one
 * (dA = dC·Bᵀ, dB = Aᵀ·dC). Transposing the operand first and multiplying
 * without the flag gives the same numbers in a tenth of the time, so the kit
 * wraps both product kernels (`BatchMatMul`, and `_FusedMatMul` that dense
 * layers use) to do that.
 */
function withoutTransposeFlags(kernelName: string): void {
  const kernel = tf.getKernel(kernelName, "wasm");
  const transpose = tf.getKernel("Transpose", "wasm");
  if (!kernel || !transpose || (kernel.kernelFunc as { kit?: boolean }).kit) return;
  const original = kernel.kernelFunc;
  const wrapped: tf.KernelFunc & { kit?: boolean; original?: tf.KernelFunc } = (
    { inputs, backend, attrs },
  ) => {
    const { transposeA, transposeB } = attrs as { transposeA?: boolean; transposeB?: boolean };
    if (!transposeA && !transposeB) return original({ inputs, backend, attrs });
    const wasm = backend as BackendWasm;
    const made: tf.TensorInfo[] = [];
    const flip = (t: tf.TensorInfo): tf.TensorInfo => {
      const rank = t.shape.length;
      const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
      const out = transpose.kernelFunc({ inputs: { x: t }, backend, attrs: { perm } });
      made.push(out as tf.TensorInfo);
      return out as tf.TensorInfo;
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
  wrapped.kit = true;
  wrapped.original = original; // for bench/matmul.ts, which measures both
  tf.unregisterKernel(kernelName, "wasm");
  tf.registerKernel({ ...kernel, kernelFunc: wrapped });
}
withoutTransposeFlags("BatchMatMul");
withoutTransposeFlags("_FusedMatMul");

tf.enableProdMode();
try {
  if (!(await tf.setBackend("wasm"))) await tf.setBackend("cpu");
} catch {
  // The wasm binary could not be read (no read permission, unusual install).
  await tf.setBackend("cpu");
}
await tf.ready();

export { tf };
