// Do not edit: your work is checked against these.
import { expectClose, expectThrows, reportProgress, test } from "../../lib/testing.ts";
import { tf } from "../../lib/tf.ts";
import { loadDigits, sliceDigits } from "../../lib/mnist.ts";
import { trainCnn } from "./train_cnn.ts";

const all = await loadDigits();

test("trainCnn() gives one label in 0…9 to each test image", async () => {
  const labels = await trainCnn(sliceDigits(all, 0, 200), sliceDigits(all, 9990, 10_000).images, {
    epochs: 1,
    batchSize: 50,
    seed: 1,
  });
  expectClose(labels.length, 10, { what: "labels for 10 test images" });
  expectClose(labels.every((l) => Number.isInteger(l) && l >= 0 && l <= 9), true, {
    what: "every label is an integer in 0…9",
  });
});

test("trainCnn() throws a RangeError when the images do not match the labels", async () => {
  const bad = { count: 2, images: new Float32Array(784), labels: Int32Array.from([1, 2]) };
  let threw: unknown = null;
  try {
    await trainCnn(bad, new Float32Array(784), { epochs: 1, batchSize: 2, seed: 1 });
  } catch (e) {
    threw = e;
  }
  expectThrows(
    () => {
      if (threw) throw threw;
    },
    RangeError,
    "trainCnn with 784 values for 2 labels",
  );
});

test("trainCnn() leaves no tensor behind", async () => {
  const before = tf.memory().numTensors;
  await trainCnn(sliceDigits(all, 0, 100), sliceDigits(all, 9990, 10_000).images, {
    epochs: 1,
    batchSize: 50,
    seed: 2,
  });
  expectClose(tf.memory().numTensors - before, 0, { what: "tensors left alive after trainCnn" });
});

test("trainCnn() reads 97 % of 2,000 held-out digits after 4 epochs on 8,000", async () => {
  const test = sliceDigits(all, 8000, 10_000);
  const labels = await trainCnn(sliceDigits(all, 0, 8000), test.images, {
    epochs: 4,
    batchSize: 64,
    seed: 42,
    onEpoch: (epoch, logs) => reportProgress({ step: epoch, epoch, epochs: 4, ...logs }),
  });
  const right = labels.filter((l, i) => l === test.labels[i]).length / test.count;
  expectClose(right >= 0.97, true, {
    what: `held-out accuracy ${(100 * right).toFixed(1)} % (≥ 97 %)`,
  });
}, { long: true });
