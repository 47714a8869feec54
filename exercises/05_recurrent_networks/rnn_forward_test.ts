// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { rnnForward } from "./rnn_forward.ts";

test("rnnForward() of one unit carries the state: h₂ depends on h₁, h₃ on h₂", () => {
  // W_h = 0.5, W_x = 1, b = 0, h₀ = 0, inputs 1, 0, 0: only the first step has input.
  const h1 = Math.tanh(1);
  const h2 = Math.tanh(0.5 * h1);
  const h3 = Math.tanh(0.5 * h2);
  expectClose(rnnForward([[1], [0], [0]], [0], [[0.5]], [[1]], [0]), [[h1], [h2], [h3]], {
    rtol: 1e-12,
    what: "rnnForward([[1], [0], [0]], [0], [[0.5]], [[1]], [0])",
  });
});

test("rnnForward() starts from h₀ and returns T rows of H, the last one included", () => {
  // H = 2, D = 1, T = 2; W_h swaps the two units, so h₀ = [1, 0] reaches unit 1 at step 1.
  const Wh = [[0, 1], [1, 0]];
  const h1 = [Math.tanh(0 + 0.5), Math.tanh(1 - 0.5)];
  const h2 = [Math.tanh(h1[1] + 1), Math.tanh(h1[0] - 1)];
  expectClose(rnnForward([[0.5], [1]], [1, 0], Wh, [[1], [-1]], [0, 0]), [h1, h2], {
    rtol: 1e-12,
    what: "rnnForward([[0.5], [1]], [1, 0], [[0, 1], [1, 0]], [[1], [-1]], [0, 0])",
  });
});

test("rnnForward() of an empty sequence returns []", () => {
  expectClose(rnnForward([], [0, 0], [[1, 0], [0, 1]], [[1], [1]], [0, 0]), [], {
    what: "rnnForward([], [0, 0], ...)",
  });
});

test("rnnForward() throws a RangeError when the shapes disagree", () => {
  const Wh = [[1, 0], [0, 1]];
  const Wx = [[1], [1]];
  expectThrows(() => rnnForward([[1], [1, 2]], [0, 0], Wh, Wx, [0, 0]), RangeError, "xs row [2]");
  expectThrows(() => rnnForward([[1]], [0, 0, 0], Wh, Wx, [0, 0]), RangeError, "h0 [3], Wh [2, 2]");
  expectThrows(() => rnnForward([[1]], [0, 0], Wh, Wx, [0]), RangeError, "b [1], h0 [2]");
  expectThrows(() => rnnForward([[1]], [0, 0], Wh, [[1]], [0, 0]), RangeError, "Wx [1, 1], h0 [2]");
  expectThrows(() => rnnForward([], [0, 0], [[1]], Wx, [0, 0]), RangeError, "T = 0, Wh [1, 1]");
});
