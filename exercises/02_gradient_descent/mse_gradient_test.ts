// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { mseGradient } from "./mse_gradient.ts";

test("mseGradient() is zero at a perfect fit", () => {
  // y = 2x + 1 exactly, so nothing should change.
  expectClose(mseGradient([[1], [2]], [3, 5], [2], 1), { dW: [0], db: 0 }, {
    what: "mseGradient([[1], [2]], [3, 5], [2], 1)",
  });
});

test("mseGradient() from zero on x = [1..4], y = 2x points downhill", () => {
  // ŷ = 0, so ŷ − y = −y: dW = (2/4)(−1·2 − 2·4 − 3·6 − 4·8), db = (2/4)(−20).
  expectClose(mseGradient([[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0), { dW: [-30], db: -10 }, {
    what: "mseGradient([[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0)",
  });
});

test("mseGradient() with two features returns dW of shape [D]", () => {
  // ŷ = [1, 1, 2], ŷ − y = [0, −1, −1]; Xᵀ(ŷ − y) = [−1, −2].
  const X = [[1, 0], [0, 1], [1, 1]]; // [3, 2]
  expectClose(mseGradient(X, [1, 2, 3], [1, 1], 0), { dW: [-2 / 3, -4 / 3], db: -4 / 3 }, {
    what: "mseGradient(X [3, 2], [1, 2, 3], [1, 1], 0)",
  });
});

test("mseGradient() throws a RangeError when X and y differ in length", () => {
  expectThrows(
    () => mseGradient([[1], [2]], [1, 2, 3], [0], 0),
    RangeError,
    "mseGradient(X [2, 1], y [3], …)",
  );
});
