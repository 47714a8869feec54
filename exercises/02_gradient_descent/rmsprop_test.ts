// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { rmspropStep } from "./rmsprop.ts";

const OPTS = { learningRate: 0.1, rho: 0.9, epsilon: 1e-8 };

test("rmspropStep() from v = 0 moves every coordinate by α/√(1 − ρ), whatever the gradient's size", () => {
  // v = 0.1·g², so g/√v = ±√10 and each coordinate moves by 0.1·√10 ≈ 0.316.
  const got = rmspropStep([1, 1, 1], [2, -2000, 0.5], [0, 0, 0], OPTS);
  const step = 0.1 * Math.sqrt(10);
  expectClose(got.theta, [1 - step, 1 + step, 1 - step], {
    rtol: 1e-6,
    what: "rmspropStep([1, 1, 1], [2, -2000, 0.5], [0, 0, 0], α = 0.1, ρ = 0.9).theta",
  });
  expectClose(got.v, [0.4, 400000, 0.025], { what: "… .v = (1 − ρ) g²" });
});

test("rmspropStep() uses the new v: v = ρv + (1 − ρ)g², then θ − αg/(√v + ε)", () => {
  // v = 0.5·[4, 1] + 0.5·[4, 9] = [4, 5]; θ = [0, 0] − 0.5·[2, −3]/[2, √5]
  const got = rmspropStep([0, 0], [2, -3], [4, 1], { learningRate: 0.5, rho: 0.5, epsilon: 0 });
  expectClose(got, { theta: [-0.5, 1.5 / Math.sqrt(5)], v: [4, 5] }, {
    what: "rmspropStep([0, 0], [2, -3], [4, 1], { learningRate: 0.5, rho: 0.5, epsilon: 0 })",
  });
});

test("rmspropStep() adds ε outside the root", () => {
  // g = 0 and v = 0: the step is 0 / (0 + ε) = 0, never NaN.
  const got = rmspropStep([3], [0], [0], OPTS);
  expectClose(got, { theta: [3], v: [0] }, { what: "rmspropStep([3], [0], [0], …)" });
  // v = 1e-4 after the step with ρ = 0, ε = 0.01: θ − 1·0.01/(0.01 + 0.01) = −0.5
  const eps = rmspropStep([0], [0.01], [0], { learningRate: 1, rho: 0, epsilon: 0.01 });
  expectClose(eps.theta, [-0.5], {
    what: "rmspropStep([0], [0.01], [0], { α: 1, ρ: 0, ε: 0.01 }).theta",
  });
});

test("rmspropStep() leaves its arguments unchanged", () => {
  const theta = [1, 2];
  const grad = [0.5, -0.5];
  const v = [1, 1];
  rmspropStep(theta, grad, v, OPTS);
  expectClose({ theta, grad, v }, { theta: [1, 2], grad: [0.5, -0.5], v: [1, 1] }, {
    what: "the arguments after rmspropStep (build new arrays instead)",
  });
});

test("rmspropStep() throws a RangeError when the lengths differ", () => {
  expectThrows(
    () => rmspropStep([1, 2], [1, 2], [0], OPTS),
    RangeError,
    "rmspropStep with v of length 1",
  );
});
