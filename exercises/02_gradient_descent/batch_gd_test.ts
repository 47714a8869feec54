// Do not edit: your work is checked against these.
import { expectClose, recordSeries, test } from "../../lib/testing.ts";
import { batchGradientDescent } from "./batch_gd.ts";

const X = [[1], [2], [3], [4]]; // [4, 1]
const y = [2, 4, 6, 8]; // y = 2x

test("batchGradientDescent() with 0 epochs returns the start and its loss", () => {
  expectClose(batchGradientDescent(X, y, { learningRate: 0.1, epochs: 0 }), {
    w: [0],
    b: 0,
    losses: [30],
  }, { what: "batchGradientDescent(x = [1..4], y = 2x, { learningRate: 0.1, epochs: 0 })" });
});

test("batchGradientDescent() takes one full step per epoch", () => {
  // The gradient at 0 is dW = [−30], db = −10, so one step of 0.1 lands on w = 3, b = 1.
  expectClose(batchGradientDescent(X, y, { learningRate: 0.1, epochs: 1 }), {
    w: [3],
    b: 1,
    losses: [30, 13.5],
  }, { what: "batchGradientDescent(x = [1..4], y = 2x, { learningRate: 0.1, epochs: 1 })" });
});

test("batchGradientDescent() with α = 0.1 learns y = 2x and predicts ŷ(5) = 10", () => {
  const { w, b, losses } = batchGradientDescent(X, y, { learningRate: 0.1, epochs: 500 });
  recordSeries("loss", losses);
  expectClose(losses.length, 501, { what: "losses.length after 500 epochs" });
  expectClose(5 * w[0] + b, 10, { rtol: 1e-6, what: "ŷ(5) after 500 epochs" });
});

test("batchGradientDescent() with a small step never increases the loss", () => {
  const { losses } = batchGradientDescent(X, y, { learningRate: 0.05, epochs: 50 });
  const rises = losses.findIndex((l, k) => k > 0 && l > losses[k - 1]);
  expectClose(rises, -1, { what: "the first epoch whose loss rose (-1: none)" });
});
