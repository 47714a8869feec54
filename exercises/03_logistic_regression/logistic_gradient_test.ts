// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { logisticGradient } from "./logistic_gradient.ts";

const X = [[1], [2], [-1], [-2]]; // [4, 1]
const y = [1, 1, 0, 0];

test("logisticGradient() from zero: p = ½ everywhere, so dW = (1/N) Xᵀ(½ − y)", () => {
  // p − y = [−½, −½, ½, ½]; Xᵀ(p − y) = −½ − 1 − ½ − 1 = −3; divided by N = 4.
  expectClose(logisticGradient(X, y, [0], 0), { dW: [-0.75], db: 0 }, {
    what: "logisticGradient([[1], [2], [-1], [-2]], [1, 1, 0, 0], [0], 0)",
  });
});

test("logisticGradient() with two features returns dW of shape [D]", () => {
  // z = [1, −1, 0]: p = [σ(1), σ(−1), ½], residuals p − y = [σ(1) − 1, σ(−1), −½].
  const s = 1 / (1 + Math.exp(-1)); // σ(1); σ(−1) = 1 − s
  const r = [s - 1, 1 - s, -0.5];
  expectClose(
    logisticGradient([[1, 0], [0, 1], [1, 1]], [1, 0, 1], [1, -1], 0),
    { dW: [(r[0] + r[2]) / 3, (r[1] + r[2]) / 3], db: (r[0] + r[1] + r[2]) / 3 },
    { rtol: 1e-12, what: "logisticGradient([[1, 0], [0, 1], [1, 1]], [1, 0, 1], [1, -1], 0)" },
  );
});

test("logisticGradient() stays finite at logits of ±1e4", () => {
  // z = [1e4, −1e4] against labels [0, 1]: two confident mistakes, p − y = [1, −1].
  expectClose(logisticGradient([[1], [-1]], [0, 1], [1e4], 0), { dW: [1], db: 0 }, {
    what: "logisticGradient([[1], [-1]], [0, 1], [1e4], 0)",
  });
});

test("logisticGradient() throws a RangeError when the shapes disagree", () => {
  expectThrows(
    () => logisticGradient([[1], [2]], [1, 0, 1], [0], 0),
    RangeError,
    "X [2, 1], y [3]",
  );
  expectThrows(() => logisticGradient([], [], [0], 0), RangeError, "X [0, 1], y [0]");
  expectThrows(() => logisticGradient([[1, 2]], [1], [0], 0), RangeError, "X [1, 2], w [1]");
});
