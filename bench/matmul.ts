/**
 * Why the kit wraps the wasm backend's matrix products (`lib/tf.ts`): a
 * product asked to transpose an operand (`transposeA`/`transposeB`, which
 * every gradient of a product asks for) against the same product through the
 * kit's wrapper, which transposes first and multiplies without the flag.
 * Alternating, side by side in one run; prints medians and ratios.
 *
 *   deno run -A bench/matmul.ts [--runs 15]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "../lib/tf.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "15" } },
});
const RUNS = Number(values.runs);

const kernel = tf.getKernel("BatchMatMul", "wasm");
const original = (kernel?.kernelFunc as { original?: tf.KernelFunc } | undefined)?.original;
if (tf.getBackend() !== "wasm" || !kernel || !original) {
  console.error("error: this benchmark needs the wasm backend with the kit's wrapper (lib/tf.ts)");
  Deno.exit(1);
}
const wrapped = kernel.kernelFunc;
const backend = tf.backend();
/** One product through the kernel function `func` (called directly, as the engine would), in ms. */
function timed(func: tf.KernelFunc, a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): number {
  const t0 = performance.now();
  const out = func({ inputs: { a, b }, backend, attrs: { transposeA: ta, transposeB: tb } });
  backend.readSync((out as tf.TensorInfo).dataId);
  const ms = performance.now() - t0;
  backend.disposeData((out as tf.TensorInfo).dataId);
  return ms;
}

const shapes: Array<[string, number[], number[], boolean, boolean]> = [
  ["256 × 256 · (256 × 256)ᵀ", [256, 256], [256, 256], false, true],
  ["(256 × 256)ᵀ · 256 × 256", [256, 256], [256, 256], true, false],
  ["dense layer's dW: (800 × 64)ᵀ · 800 × 3634", [800, 64], [800, 3634], true, false],
  ["dense layer's dX: 800 × 3634 · (64 × 3634)ᵀ", [800, 3634], [64, 3634], false, true],
];
console.log(`wasm backend, ${RUNS} runs each, alternating; medians`);
for (const [name, as, bs, ta, tb] of shapes) {
  const a = tf.randomNormal(as, 0, 1, "float32", 1);
  const b = tf.randomNormal(bs, 0, 1, "float32", 2);
  const plain: number[] = [];
  const kit: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const p = timed(original, a, b, ta, tb);
    const k = timed(wrapped, a, b, ta, tb);
    if (i >= 2) plain.push(p), kit.push(k); // two warm-ups
  }
  const [mp, mk] = [median(plain), median(kit)];
  console.log(
    `${name}: tfjs's kernel ${mp.toFixed(2)} ms, the kit's ${mk.toFixed(2)} ms (${
      (mp / mk).toFixed(1)
    }× faster)`,
  );
  tf.dispose([a, b]);
}
