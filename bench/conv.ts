/**
 * What vectorised kernels buy: the learner-facing from-scratch `conv2d`
 * (the reference solution of lesson 04, nested arrays and loops) against
 * `tf.conv2d` on the wasm backend (XNNPACK, SIMD) and on the cpu backend,
 * on the same inputs. Prints the median time of each and the ratios.
 *
 *   deno run -A bench/conv.ts [--runs 9]
 *
 * tfjs is timed twice: the kernel alone (x and w already tensors, the result
 * read back with `dataSync`), and end to end from nested arrays (building the
 * tensors and `arraySync`), as a caller holding nested arrays pays it.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "../lib/tf.ts";
import { rng } from "../lib/random.ts";
import { conv2d, type Tensor4 } from "../solutions/04_convolution/conv2d.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string", default: "9" } },
});
const RUNS = Number(values.runs);

/** Standard normals of a shape [A, B, C, D]. */
function normals(seed: number, [a, b, c, d]: number[]): Tensor4 {
  const r = rng(seed);
  return Array.from(
    { length: a },
    () =>
      Array.from(
        { length: b },
        () => Array.from({ length: c }, () => Array.from({ length: d }, () => r.normal())),
      ),
  );
}

/** Median wall time of `fn` over RUNS runs, after three warm-ups (wasm settles after ~3), in ms. */
function time(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const CASES: { name: string; x: number[]; w: number[]; s: [number, number] }[] = [
  {
    name: "x [32, 28, 28, 1], w [5, 5, 1, 8], same",
    x: [32, 28, 28, 1],
    w: [5, 5, 1, 8],
    s: [1, 1],
  },
  {
    name: "x [32, 14, 14, 8], w [3, 3, 8, 16], same",
    x: [32, 14, 14, 8],
    w: [3, 3, 8, 16],
    s: [1, 1],
  },
];

/**
 * Both tfjs timings on the current backend: [kernel, end to end]. Nothing is
 * returned from `tf.tidy`: it walks whatever it returns, element by element,
 * looking for tensors, and that walk would dominate the timing.
 */
function timeTf(x: Tensor4, w: Tensor4, b: number[], s: [number, number]): [number, number] {
  const [xt, wt, bt] = [tf.tensor4d(x), tf.tensor4d(w), tf.tensor1d(b)];
  const kernel = time(() =>
    tf.tidy(() => {
      tf.add(tf.conv2d(xt, wt, s, "same"), bt).dataSync();
    })
  );
  tf.dispose([xt, wt, bt]);
  const whole = time(() => {
    let y: unknown;
    tf.tidy(() => {
      y = tf.add(tf.conv2d(tf.tensor4d(x), tf.tensor4d(w), s, "same"), tf.tensor1d(b)).arraySync();
    });
    return y;
  });
  return [kernel, whole];
}

console.log(
  `conv2d, median of ${RUNS} runs (ms); tfjs ${tf.version.tfjs}, default backend ${tf.getBackend()}`,
);
console.log(
  "| input | from scratch | tf wasm kernel | tf cpu kernel | scratch / wasm | tf wasm from nested arrays |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const c of CASES) {
  const x = normals(1, c.x);
  const w = normals(2, c.w);
  const b = new Array(c.w[3]).fill(0.1);
  const scratch = time(() => conv2d(x, w, b, c.s, "same"));
  await tf.setBackend("wasm");
  const [wasm, wasmWhole] = timeTf(x, w, b, c.s);
  await tf.setBackend("cpu");
  const [cpu] = timeTf(x, w, b, c.s);
  await tf.setBackend("wasm");
  const f = (v: number) => v.toFixed(1);
  console.log(
    `| ${c.name} | ${f(scratch)} | ${f(wasm)} | ${f(cpu)} | ${f(scratch / wasm)}× | ${
      f(wasmWhole)
    } |`,
  );
}
