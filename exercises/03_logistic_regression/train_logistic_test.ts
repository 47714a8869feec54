// Do not edit: your work is checked against these.
import { expectClose, expectThrows, recordSeries, test } from "../../lib/testing.ts";
import { OVERLAPPING, SEPARABLE } from "../../lib/datasets.ts";
import { decisionBoundarySvg, savePlot } from "../../lib/plot.ts";
import { trainLogistic } from "./train_logistic.ts";

const X = [[1], [2], [-1], [-2]]; // [4, 1]
const y = [1, 1, 0, 0];

test("trainLogistic() with 0 epochs returns the start and its loss, log 2", () => {
  expectClose(trainLogistic(X, y, { learningRate: 0.5, epochs: 0 }), {
    w: [0],
    b: 0,
    losses: [Math.LN2],
  }, {
    what: "trainLogistic(x = [1, 2, -1, -2], y = [1, 1, 0, 0], { learningRate: 0.5, epochs: 0 })",
  });
});

test("trainLogistic() takes one full step per epoch", () => {
  // At 0 the gradient is dW = [−0.75], db = 0 (p = ½ everywhere), so one step of 0.5 gives w = 0.375.
  const { w, b, losses } = trainLogistic(X, y, { learningRate: 0.5, epochs: 1 });
  expectClose({ w, b, losses: losses.length }, { w: [0.375], b: 0, losses: 2 }, {
    what: "trainLogistic(…, { learningRate: 0.5, epochs: 1 })",
  });
});

test("trainLogistic() lowers the loss, and the last loss is that of the returned w and b", () => {
  const X2 = [[0.5, 1], [1, -1], [-1, 0.5], [-0.5, -2], [2, 0], [-2, 1]]; // [6, 2], not separable
  const y2 = [1, 1, 0, 0, 1, 1];
  const { w, b, losses } = trainLogistic(X2, y2, { learningRate: 0.5, epochs: 100 });
  recordSeries("loss", losses);
  const z = X2.map((row) => row[0] * w[0] + row[1] * w[1] + b);
  const recomputed = z.reduce(
    (s, zi, i) => s + Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - y2[i] * zi,
    0,
  ) / z.length;
  const rises = losses.findIndex((l, k) => k > 0 && l > losses[k - 1]);
  expectClose(
    { length: losses.length, last: losses[100], rises },
    { length: 101, last: recomputed, rises: -1 },
    {
      rtol: 1e-9,
      what: "{ losses.length, losses[100] vs the loss of w and b, first epoch that rose }",
    },
  );
});

test("trainLogistic() finds a boundary between two clouds of points (drawn in .tensorlings/plots/)", () => {
  const right: number[] = [];
  for (const [name, data] of [["separable", SEPARABLE], ["overlapping", OVERLAPPING]] as const) {
    const { w, b } = trainLogistic(data.X, data.y, { learningRate: 0.5, epochs: 1000 });
    // Your own boundary, drawn before anything is checked: open the SVG to see it.
    savePlot(
      new URL(`../../.tensorlings/plots/train_logistic_boundary_${name}.svg`, import.meta.url),
      decisionBoundarySvg(`${name} clouds, your w and b after 1000 steps`, data.X, data.y, w, b),
    );
    const hits = data.X.filter((x, i) =>
      (x[0] * w[0] + x[1] * w[1] + b >= 0 ? 1 : 0) === data.y[i]
    );
    right.push(hits.length / data.X.length);
  }
  // A line separates the first pair of clouds; 8 of the 40 points of the second are on the wrong side.
  expectClose(right, [1, 0.8], {
    what: "[accuracy on the separable clouds, on the overlapping ones]",
  });
});

test("trainLogistic() throws a RangeError when X and y differ in length", () => {
  expectThrows(
    () => trainLogistic([[1], [2]], [1, 0, 1], { learningRate: 0.1, epochs: 1 }),
    RangeError,
    "trainLogistic(X [2, 1], y [3], …)",
  );
});
