/**
 * TensorFlow.js, ready to use: the wasm backend (SIMD) when it loads, the
 * pure-JS cpu backend otherwise. Import `tf` from here, never the package
 * directly, so every lesson runs on the same backend.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

tf.enableProdMode();
try {
  if (!(await tf.setBackend("wasm"))) await tf.setBackend("cpu");
} catch {
  // The wasm binary could not be read (no read permission, unusual install).
  await tf.setBackend("cpu");
}
await tf.ready();

export { tf };
