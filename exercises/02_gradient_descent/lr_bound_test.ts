// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { maxStableLearningRate } from "./lr_bound.ts";

test("maxStableLearningRate() of x = 1..4 is 2/λ_max of [[15, 5], [5, 2]] ≈ 0.1198", () => {
  const lambdaMax = (17 + Math.sqrt(269)) / 2; // the larger root of λ² − 17λ + 5 = 0
  expectClose(maxStableLearningRate([[1], [2], [3], [4]]), 2 / lambdaMax, {
    what: "maxStableLearningRate([[1], [2], [3], [4]])",
  });
});

test("maxStableLearningRate() of a single sample is 1 / (‖x‖² + 1)", () => {
  // H = 2 x̃ x̃ᵀ has one non-zero eigenvalue, 2‖x̃‖² = 2(‖x‖² + 1).
  expectClose(maxStableLearningRate([[1, 2, 2]]), 0.1, {
    what: "maxStableLearningRate([[1, 2, 2]])",
  });
});

test("maxStableLearningRate() of uncorrelated, centred features", () => {
  // X̃ᵀX̃ = diag(16, 2, 4) for N = 4, so H = diag(8, 1, 2) and λ_max = 8.
  const X = [[2, 1], [-2, 0], [2, -1], [-2, 0]]; // [4, 2]
  expectClose(maxStableLearningRate(X), 0.25, { what: "maxStableLearningRate(X [4, 2])" });
});

test("maxStableLearningRate() throws a RangeError for an X without rows", () => {
  expectThrows(() => maxStableLearningRate([]), RangeError, "maxStableLearningRate([])");
});
