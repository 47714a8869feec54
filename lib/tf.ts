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

tf.enableProdMode();
try {
  if (!(await tf.setBackend("wasm"))) await tf.setBackend("cpu");
} catch {
  // The wasm binary could not be read (no read permission, unusual install).
  await tf.setBackend("cpu");
}
await tf.ready();

export { tf };
