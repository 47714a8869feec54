// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { rnnStep } from "./rnn_step.ts";

test("rnnStep() with zero weights returns tanh(b)", () => {
  expectClose(rnnStep([0.3, -2], [5], [[0, 0], [0, 0]], [[0], [0]], [0.5, -1]), [
    Math.tanh(0.5),
    Math.tanh(-1),
  ], { rtol: 1e-12, what: "rnnStep([0.3, -2], [5], zeros [2, 2], zeros [2, 1], [0.5, -1])" });
});

test("rnnStep() with H = 2, D = 3 and non-symmetric weights", () => {
  // a = W_h h + W_x x + b = [1·1 + 2·(−1), 0·1 + (−1)·(−1)] + [1 − 3, 2] + [0.5, −0.5] = [−2.5, 2.5]
  const h = [1, -1];
  const x = [1, 0, 1];
  const Wh = [[1, 2], [0, -1]];
  const Wx = [[1, 0, -3], [0, 4, 2]];
  expectClose(rnnStep(h, x, Wh, Wx, [0.5, -0.5]), [Math.tanh(-2.5), Math.tanh(2.5)], {
    rtol: 1e-12,
    what: "rnnStep([1, -1], [1, 0, 1], [[1, 2], [0, -1]], [[1, 0, -3], [0, 4, 2]], [0.5, -0.5])",
  });
});

test("rnnStep() saturates at ±1 for large pre-activations, never beyond", () => {
  expectClose(rnnStep([10], [10], [[5]], [[5]], [0]), [1], { what: "rnnStep([10], [10], ...)" });
  expectClose(rnnStep([10], [-10], [[-5]], [[5]], [0]), [-1], { what: "rnnStep([10], [-10])" });
});

test("rnnStep() leaves its arguments unchanged", () => {
  const args: [number[], number[], number[][], number[][], number[]] = [
    [0.1, 0.2],
    [1],
    [[1, 2], [3, 4]],
    [[1], [-1]],
    [0, 0],
  ];
  const before = structuredClone(args);
  rnnStep(...args);
  expectClose(args, before, { rtol: 0, atol: 0, what: "the arguments after rnnStep()" });
});

test("rnnStep() throws a RangeError when the shapes disagree", () => {
  const Wh = [[1, 0], [0, 1]];
  expectThrows(
    () => rnnStep([0, 0], [1, 2], Wh, [[1], [1]], [0, 0]),
    RangeError,
    "Wx [2, 1], x [2]",
  );
  expectThrows(
    () => rnnStep([0, 0, 0], [1], Wh, [[1], [1]], [0, 0]),
    RangeError,
    "Wh [2, 2], h [3]",
  );
  expectThrows(() => rnnStep([0, 0], [1], [[1, 0]], [[1], [1]], [0, 0]), RangeError, "Wh [1, 2]");
  expectThrows(() => rnnStep([0, 0], [1], Wh, [[1], [1]], [0]), RangeError, "b [1], h [2]");
});
