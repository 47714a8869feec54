// Do not edit: your work is checked against these.
import { expectClose, recordSeries, test } from "../../lib/testing.ts";
import { stochasticGradientDescent } from "./sgd.ts";

const X = [[1], [2], [3], [4]]; // [4, 1]
const y = [2, 4, 6, 8]; // y = 2x

test("stochasticGradientDescent() on one sample takes one per-sample step", () => {
  // J₀ = (ŷ₀ − 3)², at 0: ∂J₀/∂w = 2·(0 − 3)·2 = −12, ∂J₀/∂b = −6.
  expectClose(
    stochasticGradientDescent([[2]], [3], { learningRate: 0.1, epochs: 1, seed: 0 }),
    { w: [1.2], b: 0.6, losses: [9, 0] },
    { what: "stochasticGradientDescent([[2]], [3], { learningRate: 0.1, epochs: 1, seed: 0 })" },
  );
});

test("stochasticGradientDescent() visits the samples in a fresh seeded order each epoch", () => {
  // rng(42) orders epoch 1 as [0, 3, 1, 2] and epoch 2 as [3, 1, 0, 2].
  expectClose(
    stochasticGradientDescent(X, y, { learningRate: 0.02, epochs: 2, seed: 42 }),
    {
      w: [1.7742012185968639],
      b: 0.531053530841088,
      losses: [30, 0.6620053399142407, 0.0648498246235936],
    },
    {
      what: "stochasticGradientDescent(x = [1..4], y = 2x, { α: 0.02, epochs: 2, seed: 42 })",
    },
  );
});

test("stochasticGradientDescent() gives the same run for the same seed", () => {
  const options = { learningRate: 0.02, epochs: 5, seed: 9 };
  expectClose(stochasticGradientDescent(X, y, options), stochasticGradientDescent(X, y, options), {
    what: "two runs with seed 9",
  });
});

test("stochasticGradientDescent() learns y = 2x", () => {
  const { w, b, losses } = stochasticGradientDescent(X, y, {
    learningRate: 0.02,
    epochs: 300,
    seed: 1,
  });
  recordSeries("loss", losses);
  expectClose(losses.length, 301, { what: "losses.length after 300 epochs" });
  expectClose(5 * w[0] + b, 10, { rtol: 1e-4, what: "ŷ(5) after 300 epochs" });
});
