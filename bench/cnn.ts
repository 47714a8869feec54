/**
 * `deno run -A bench/cnn.ts [--runs N] [--target 0.97]`: how long the small
 * CNN of lesson 04 takes to reach the target accuracy on held-out digits,
 * on the wasm backend (SIMD, with the kit's Conv2DBackpropFilter) and on the
 * pure-JS cpu backend, alternating in one run. Trained on the first 8,000 of
 * the kit's digits, tested on the other 2,000 after each epoch; weights are
 * seeded, so every run of a backend learns the same way.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { tf } from "../lib/tf.ts";
import { loadDigits, sliceDigits } from "../lib/mnist.ts";
import { median } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string", default: "3" },
    target: { type: "string", default: "0.97" },
    "max-epochs": { type: "string", default: "10" },
    backends: { type: "string", default: "wasm,cpu" },
  },
});
const RUNS = Number(values.runs);
const TARGET = Number(values.target);
const MAX_EPOCHS = Number(values["max-epochs"]);

const all = await loadDigits();
const train = sliceDigits(all, 0, 8000);
const test = sliceDigits(all, 8000, 10_000);

/** The lesson's CNN: two conv + max-pool stages, then a dense softmax layer. */
function model(seed: number): tf.Sequential {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed + k });
  const m = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 8,
        kernelSize: 5,
        activation: "relu",
        kernelInitializer: init(1),
      }), // [B, 24, 24, 8]
      tf.layers.maxPooling2d({ poolSize: 2 }), // [B, 12, 12, 8]
      tf.layers.conv2d({
        filters: 16,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: init(2),
      }), // [B, 10, 10, 16]
      tf.layers.maxPooling2d({ poolSize: 2 }), // [B, 5, 5, 16]
      tf.layers.flatten(), // [B, 400]
      tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: init(3) }), // [B, 10]
    ],
  });
  m.compile({ optimizer: tf.train.adam(0.003), loss: "sparseCategoricalCrossentropy" });
  return m;
}

/** Seconds of training until the held-out accuracy reaches TARGET (evaluation excluded). */
async function timeToTarget(backend: string): Promise<{ s: number; epochs: number; acc: number }> {
  await tf.setBackend(backend);
  const m = model(42);
  const xs = tf.tensor4d(train.images, [train.count, 28, 28, 1]);
  const ys = tf.tensor1d(train.labels, "float32");
  const xt = tf.tensor4d(test.images, [test.count, 28, 28, 1]);
  let s = 0;
  let acc = 0;
  let epoch = 0;
  while (epoch < MAX_EPOCHS && acc < TARGET) {
    epoch++;
    const t0 = performance.now();
    await m.fit(xs, ys, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
    s += (performance.now() - t0) / 1000;
    const pred = tf.tidy(() => (m.predict(xt) as tf.Tensor).argMax(-1).dataSync());
    acc = Array.from(pred).filter((p, i) => p === test.labels[i]).length / test.count;
  }
  tf.dispose([xs, ys, xt]);
  m.dispose();
  return { s, epochs: epoch, acc };
}

const backends = values.backends!.split(",");
const results = new Map<string, Array<{ s: number; epochs: number; acc: number }>>();
for (let run = 0; run < RUNS; run++) {
  for (const b of backends) {
    const r = await timeToTarget(b);
    (results.get(b) ?? results.set(b, []).get(b)!).push(r);
    console.log(
      `run ${run + 1} ${b}: ${r.s.toFixed(1)} s, ${r.epochs} epochs, held-out accuracy ${
        (100 * r.acc).toFixed(2)
      } %`,
    );
  }
}
const med = (b: string) => median(results.get(b)!.map((r) => r.s));
for (const b of backends) {
  const rs = results.get(b)!;
  const reached = rs.every((r) => r.acc >= TARGET);
  console.log(
    `${b}: median ${med(b).toFixed(1)} s to ${reached ? "reach" : "NOT reach"} ${100 * TARGET} % ` +
      `(epochs ${rs.map((r) => r.epochs).join(", ")})`,
  );
}
if (backends.includes("wasm") && backends.includes("cpu")) {
  console.log(`cpu / wasm: ${(med("cpu") / med("wasm")).toFixed(1)}×`);
}
