// Do not edit: your work is checked against these.
import { expectClose, expectThrows, recordSeries, test } from "../../lib/testing.ts";
import { miniBatchGradientDescent } from "./minibatch_gd.ts";

const X = [[1], [2], [3], [4]]; // [4, 1]
const y = [2, 4, 6, 8]; // y = 2x

test("miniBatchGradientDescent() with batchSize = N takes one full-batch step per epoch", () => {
  // The same step as batch gradient descent: w = 3, b = 1.
  expectClose(
    miniBatchGradientDescent(X, y, { learningRate: 0.1, epochs: 1, batchSize: 4, seed: 3 }),
    { w: [3], b: 1, losses: [30, 13.5] },
    { what: "miniBatchGradientDescent(x = [1..4], y = 2x, { …, epochs: 1, batchSize: 4 })" },
  );
});

test("miniBatchGradientDescent() keeps a batch smaller than batchSize", () => {
  // One sample and batchSize 4: the only batch has 1 sample, and it still counts.
  expectClose(
    miniBatchGradientDescent([[2]], [3], { learningRate: 0.1, epochs: 1, batchSize: 4, seed: 0 }),
    { w: [1.2], b: 0.6 },
    {
      what: "miniBatchGradientDescent([[2]], [3], { learningRate: 0.1, epochs: 1, batchSize: 4 })",
    },
  );
});

test("miniBatchGradientDescent() splits a fresh seeded order into batches each epoch", () => {
  // rng(7) orders epoch 1 as [3, 1 | 2, 4 | 0] and epoch 2 as [4, 0 | 3, 1 | 2].
  const X5 = [[1, 0], [0, 1], [1, 1], [2, -1], [-1, 2]]; // [5, 2]
  expectClose(
    miniBatchGradientDescent(X5, [1, 2, 3, 0, 4], {
      learningRate: 0.1,
      epochs: 2,
      batchSize: 2,
      seed: 7,
    }),
    { w: [0.170048, 1.382688], b: 1.138208, losses: [6, 0.3801696, 0.108403099648] },
    {
      what: "miniBatchGradientDescent(X [5, 2], y, { α: 0.1, epochs: 2, batchSize: 2, seed: 7 })",
    },
  );
});

test("miniBatchGradientDescent() learns y = 2x", () => {
  const { w, b, losses } = miniBatchGradientDescent(X, y, {
    learningRate: 0.05,
    epochs: 300,
    batchSize: 3,
    seed: 1,
  });
  recordSeries("loss", losses);
  expectClose(5 * w[0] + b, 10, { rtol: 1e-4, what: "ŷ(5) after 300 epochs" });
});

test("miniBatchGradientDescent() throws a RangeError for batchSize 0", () => {
  expectThrows(
    () => miniBatchGradientDescent(X, y, { learningRate: 0.1, epochs: 1, batchSize: 0, seed: 0 }),
    RangeError,
    "miniBatchGradientDescent(…, { batchSize: 0 })",
  );
});
