/**
 * Forward time of scaled dot-product attention written from scratch (the
 * reference solution of lesson 06's `attention` exercise, plain arrays)
 * against the same computation in TensorFlow.js, side by side in one run,
 * at T = 64 and 256 with d_k = d_v = 64 (self-attention: Q = K = V = X).
 * Prints medians. tfjs is timed two ways: from arrays to arrays (what the
 * exercise's signature does: upload, compute, download), and on tensors
 * already in place (compute and read back one number).
 *
 *   deno run -A bench/attention.ts [--runs 30]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "../lib/tf.ts";
import { randomMatrix, rng } from "../lib/random.ts";
import { attention } from "../solutions/06_attention/attention.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "30" } },
});
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`error: --runs must be a positive integer: current value is ${values.runs}`);
  Deno.exit(2);
}
const D = 64;

/** softmax(X Xᵀ/√d) X on tensors: [T, d]. */
const tfAttention = (x: tf.Tensor2D) =>
  tf.tidy(() => tf.matMul(tf.softmax(tf.div(tf.matMul(x, x, false, true), Math.sqrt(D))), x));

const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

console.log(`backend: ${tf.getBackend()}; ${RUNS} runs each, alternating; medians in ms`);
console.log("T    from scratch   tfjs arrays→arrays   tfjs on tensors   scratch / tfjs arrays");
for (const T of [64, 256]) {
  const x = randomMatrix(rng(T), T, D); // [T, d]
  const xt = tf.tensor2d(x);
  const scratch: number[] = [];
  const arrays: number[] = [];
  const tensors: number[] = [];
  // Warm up both (JIT, wasm kernels), and check they agree.
  const ours = attention(x, x, x).output;
  const theirs = tf.tidy(() => tfAttention(tf.tensor2d(x)).arraySync() as number[][]);
  const worst = Math.max(
    ...ours.flatMap((row, i) => row.map((v, c) => Math.abs(v - theirs[i][c]))),
  );
  if (!(worst < 1e-3)) throw new Error(`the two disagree by ${worst}`);
  for (let i = 0; i < RUNS; i++) {
    scratch.push(time(() => attention(x, x, x)));
    arrays.push(time(() => tf.tidy(() => tfAttention(tf.tensor2d(x)).arraySync())));
    tensors.push(time(() => {
      const out = tfAttention(xt);
      out.dataSync();
      out.dispose();
    }));
  }
  xt.dispose();
  const [s, a, t] = [median(scratch), median(arrays), median(tensors)];
  console.log(
    `${String(T).padEnd(4)} ${s.toFixed(2).padStart(12)} ${a.toFixed(2).padStart(20)} ${
      t.toFixed(2).padStart(17)
    } ${(s / a).toFixed(1).padStart(22)}×`,
  );
}
