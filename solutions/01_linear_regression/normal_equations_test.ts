// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { fitNormalEquations } from "./normal_equations.ts";

test("fitNormalEquations() recovers an exact line, bias included", () => {
  // y = 3x − 1
  expectClose(fitNormalEquations([[1], [2], [3], [4]], [2, 5, 8, 11]), { w: [3], b: -1 }, {
    what: "fitNormalEquations([[1], [2], [3], [4]], [2, 5, 8, 11])",
  });
});

test("fitNormalEquations() recovers two weights and the bias", () => {
  const X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]]; // [5, 2]
  const y = X.map(([x1, x2]) => 2 * x1 - x2 + 1); // [5]
  expectClose(fitNormalEquations(X, y), { w: [2, -1], b: 1 }, {
    what: "fitNormalEquations(X [5, 2], y = 2·x1 − x2 + 1)",
  });
});

test("fitNormalEquations() of points off a line gives the least-squares line", () => {
  expectClose(fitNormalEquations([[0], [1], [2]], [1, 3, 2]), { w: [0.5], b: 1.5 }, {
    what: "fitNormalEquations([[0], [1], [2]], [1, 3, 2])",
  });
});

test("fitNormalEquations() throws a RangeError when two columns are equal", () => {
  const X = [[1, 1], [2, 2], [3, 3], [5, 5]]; // column 2 repeats column 1
  expectThrows(
    () => fitNormalEquations(X, [1, 2, 3, 4]),
    RangeError,
    "fitNormalEquations(X with two equal columns, y)",
  );
});
