// Do not edit: your work is checked against these.
import { tf } from "../../lib/tf.ts";
import { expectClose, expectNoLeaks, expectThrows, test } from "../../lib/testing.ts";
import { tfGradient } from "./tf_gradient.ts";

// tfjs computes in float32: about 7 significant digits.
const TOL = { rtol: 1e-4, atol: 1e-5 };

test("tfGradient() on x = 1..4, y = 2x at w = 0, b = 0 is dW = [-30], db = -10", async () => {
  const got = await tfGradient([[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0);
  expectClose(got, { dW: [-30], db: -10 }, {
    ...TOL,
    what: "tfGradient(x = 1..4, y = 2x, [0], 0)",
  });
});

test("tfGradient() of two features matches the gradient worked out by hand", async () => {
  // ŷ = [-0.25, 0.75, 0.75], ŷ − y = [-1.25, 0.75, 1.75]
  const X = [[1, 2], [0, -1], [2, 1]]; // [3, 2]
  const got = await tfGradient(X, [1, 0, -1], [0.5, -0.5], 0.25);
  expectClose(got, { dW: [1.5, -1], db: 2.5 / 3 }, {
    ...TOL,
    what: "tfGradient(X [3, 2], [1, 0, -1], [0.5, -0.5], 0.25)",
  });
});

test("tfGradient() is zero at a perfect fit", async () => {
  const X = [[1, 2], [3, 4], [5, 0], [-1, 1]]; // [4, 2]
  const y = X.map(([a, c]) => 2 * a - c + 0.5); // w = [2, -1], b = 0.5
  const got = await tfGradient(X, y, [2, -1], 0.5);
  expectClose(got, { dW: [0, 0], db: 0 }, { ...TOL, what: "tfGradient at w = [2, -1], b = 0.5" });
});

test("tfGradient() leaves no tensors behind", async () => {
  const before = tf.memory().numTensors;
  await tfGradient([[1, 2], [3, 4]], [1, 2], [0.1, 0.2], 0.3);
  expectNoLeaks(
    before,
    tf.memory().numTensors,
    "tfGradient([[1, 2], [3, 4]], [1, 2], [0.1, 0.2], 0.3)",
  );
});

test("tfGradient() throws a RangeError when y and X disagree in length", () => {
  expectThrows(
    () => tfGradient([[1], [2], [3]], [1, 2], [0], 0),
    RangeError,
    "tfGradient(X [3, 1], y [2], …)",
  );
});
