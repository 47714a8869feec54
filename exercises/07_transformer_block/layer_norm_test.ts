// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { layerNorm } from "./layer_norm.ts";

const x = [[1, 2, 3], [10, 10, 40]]; // [T = 2, d = 3]
const ones = [1, 1, 1];
const zeros = [0, 0, 0];

test("layerNorm() normalizes each row on its own (ε = 0)", () => {
  // Row 0: μ = 2, σ² = 2/3, so (x − μ)/σ = [−√1.5, 0, √1.5].
  // Row 1: μ = 20, σ² = 200, so (x − μ)/σ = [−1/√2, −1/√2, √2].
  const a = Math.sqrt(1.5);
  expectClose(layerNorm(x, ones, zeros, 0), [[-a, 0, a], [
    -Math.SQRT1_2,
    -Math.SQRT1_2,
    Math.SQRT2,
  ]], {
    rtol: 1e-12,
    what: "layerNorm([[1, 2, 3], [10, 10, 40]], [1, 1, 1], [0, 0, 0], 0)",
  });
});

test("layerNorm() scales by γ and shifts by β, feature by feature", () => {
  const a = Math.sqrt(1.5);
  expectClose(layerNorm([[1, 2, 3]], [2, 1, 0], [0, 1, 5], 0), [[-2 * a, 1, 5]], {
    rtol: 1e-12,
    what: "layerNorm([[1, 2, 3]], [2, 1, 0], [0, 1, 5], 0)",
  });
});

test("layerNorm() maps a constant row to β (ε keeps it finite)", () => {
  expectClose(layerNorm([[4, 4, 4], [1, 2, 3]], ones, [0.5, -1, 2]).slice(0, 1), [[0.5, -1, 2]], {
    what: "layerNorm([[4, 4, 4], [1, 2, 3]], [1, 1, 1], [0.5, -1, 2]) (its first row)",
  });
});

test("layerNorm() leaves its arguments unchanged", () => {
  const input = [[1, 2, 3], [10, 10, 40]];
  const gamma = [2, 1, 0];
  const beta = [0, 1, 5];
  layerNorm(input, gamma, beta);
  expectClose([input, gamma, beta], [x, [2, 1, 0], [0, 1, 5]], {
    rtol: 0,
    what: "x, gamma and beta after layerNorm(x, gamma, beta)",
  });
});

test("layerNorm() throws a RangeError when the shapes disagree", () => {
  expectThrows(() => layerNorm(x, [1, 1], zeros), RangeError, "x [2, 3], gamma [2]");
  expectThrows(() => layerNorm(x, ones, [0, 0]), RangeError, "x [2, 3], beta [2]");
  expectThrows(() => layerNorm([[1, 2, 3], [4, 5]], ones, zeros), RangeError, "a ragged x");
  expectThrows(() => layerNorm([], ones, zeros), RangeError, "x [0, 3]");
});
