/**
 * Why the kit replaces some of the wasm backend's kernels (`lib/tf.ts`): each
 * kernel the kit improves, on the shapes the lessons train with, through the
 * kernel it replaces and through the kit's, alternating, side by side in one
 * run. Prints medians and ratios.
 *
 * - `BatchMatMul` with a transposed operand (every gradient of a product asks
 *   for one): tfjs's kernel vs transposing first.
 * - `Conv2DBackpropFilter` (which tfjs's wasm backend lacks): the kit's column
 *   matrix vs the kit's convolution of x with dy.
 * - `Conv2DBackpropInput` and `MaxPoolGrad`: tfjs's kernels vs the kit's.
 *
 *   deno run -A bench/kernels.ts [--runs 31]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "../lib/tf.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "31" } },
});
const RUNS = Number(values.runs);
const backend = tf.backend();

/** The kit's kernel and the one it replaced. */
function pair(name: string): { kit: tf.KernelFunc; original: tf.KernelFunc } {
  const kit = tf.getKernel(name, "wasm")?.kernelFunc;
  const original = (kit as { original?: tf.KernelFunc } | undefined)?.original;
  if (tf.getBackend() !== "wasm" || !kit || !original) {
    console.error(
      `error: this benchmark needs the wasm backend with the kit's ${name} (lib/tf.ts)`,
    );
    Deno.exit(1);
  }
  return { kit, original };
}

/** One call of the kernel function (as the engine would call it), in ms, its output read. */
function timed(func: tf.KernelFunc, inputs: tf.NamedTensorInfoMap, attrs: object): number {
  const t0 = performance.now();
  const out = func({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as tf.TensorInfo;
  backend.readSync(out.dataId);
  const ms = performance.now() - t0;
  backend.disposeData(out.dataId);
  return ms;
}

/** Both kernels on the same inputs, alternating, two warm-ups each; prints the medians. */
function compare(
  kernel: string,
  what: string,
  inputs: Record<string, tf.Tensor>,
  attrs: object,
  names = ["tfjs's kernel", "the kit's"],
): void {
  const { kit, original } = pair(kernel);
  const [a, b]: number[][] = [[], []];
  for (let i = 0; i < RUNS + 2; i++) {
    const x = timed(original, inputs, attrs);
    const y = timed(kit, inputs, attrs);
    if (i >= 2) a.push(x), b.push(y);
  }
  const [ma, mb] = [median(a), median(b)];
  console.log(
    `${kernel}, ${what}: ${names[0]} ${ma.toFixed(2)} ms, ${names[1]} ${mb.toFixed(2)} ms (${
      (ma / mb).toFixed(1)
    }× faster)`,
  );
  tf.dispose(Object.values(inputs));
}

const normal = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, "float32", seed);
console.log(`wasm backend, ${RUNS} runs each, alternating; medians`);
const products: Array<[string, number[], number[], boolean, boolean]> = [
  ["256 × 256 · (256 × 256)ᵀ", [256, 256], [256, 256], false, true],
  ["(256 × 256)ᵀ · 256 × 256", [256, 256], [256, 256], true, false],
  ["dense layer's dW: (800 × 64)ᵀ · 800 × 3634", [800, 64], [800, 3634], true, false],
  ["dense layer's dX: 800 × 3634 · (64 × 3634)ᵀ", [800, 3634], [64, 3634], false, true],
];
for (const [what, as, bs, ta, tb] of products) {
  compare("BatchMatMul", what, { a: normal(as, 1), b: normal(bs, 2) }, {
    transposeA: ta,
    transposeB: tb,
  });
}
// Lesson 04's CNN, a batch of 16: conv 5×5×8 on 28×28×1, pool, conv 3×3×16 on 12×12×8, pool.
const layers: Array<[string, number[], number[]]> = [
  ["first layer, x [16,28,28,1], w [5,5,1,8]", [16, 28, 28, 1], [5, 5, 1, 8]],
  ["second layer, x [16,12,12,8], w [3,3,8,16]", [16, 12, 12, 8], [3, 3, 8, 16]],
];
for (const [what, xs, ws] of layers) {
  const out = [xs[0], xs[1] - ws[0] + 1, xs[2] - ws[1] + 1, ws[3]];
  compare("Conv2DBackpropFilter", what, { x: normal(xs, 3), dy: normal(out, 4) }, {
    strides: [1, 1],
    pad: "valid",
    dataFormat: "NHWC",
    filterShape: ws,
  }, ["the column matrix", "as a convolution"]);
}
compare("Conv2DBackpropInput", layers[1][0], {
  dy: normal([16, 10, 10, 16], 5),
  filter: normal([3, 3, 8, 16], 6),
}, { strides: [1, 1], pad: "valid", dataFormat: "NHWC", inputShape: [16, 12, 12, 8] });
for (
  const [what, xs] of [["after the first layer", [16, 24, 24, 8]], ["after the second", [
    16,
    10,
    10,
    16,
  ]]] as const
) {
  const x = tf.relu(normal([...xs], 7)); // ReLU outputs: many windows of tied zeros
  const dy = normal([xs[0], xs[1] / 2, xs[2] / 2, xs[3]], 8);
  compare("MaxPoolGrad", `2×2 pool ${what}, x [${xs}]`, { dy, input: x, output: x }, {
    filterSize: 2,
    strides: 2,
    pad: "valid",
  });
}
