// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { adamStep } from "./adam.ts";

const OPTS = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const FRESH = { m: [0, 0, 0], v: [0, 0, 0], t: 0 };

test("adamStep() first step moves each coordinate by about α against the gradient's sign", () => {
  const got = adamStep([1, 1, 1], [3, -0.02, 500], FRESH, OPTS);
  expectClose(got.theta, [0.9, 1.1, 0.9], { rtol: 1e-6, what: "adamStep(…, fresh state).theta" });
});

test("adamStep() updates m, v and t", () => {
  const got = adamStep([1, 1, 1], [3, -0.02, 500], FRESH, OPTS);
  expectClose(got.state, { m: [0.3, -0.002, 50], v: [0.009, 4e-7, 250], t: 1 }, {
    what: "adamStep(…, fresh state).state",
  });
});

test("adamStep() divides by the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ", () => {
  // t becomes 2: m = 0.5, m̂ = 0.5 / 0.75 = 2/3; v = 0.1875, v̂ = 0.1875 / 0.75 = 0.25
  const opts = { learningRate: 0.1, beta1: 0.5, beta2: 0.5, epsilon: 0 };
  const got = adamStep([0], [0.5], { m: [0.5], v: [0.125], t: 1 }, opts);
  expectClose(got, { theta: [-0.1 * (2 / 3) / 0.5], state: { m: [0.5], v: [0.1875], t: 2 } }, {
    what: "adamStep([0], [0.5], { m: [0.5], v: [0.125], t: 1 }, β₁ = β₂ = 0.5, ε = 0)",
  });
});

test("adamStep() leaves its arguments unchanged", () => {
  const theta = [1, 2];
  const grad = [0.5, -0.5];
  const state = { m: [0.1, 0.1], v: [0.2, 0.2], t: 3 };
  adamStep(theta, grad, state, OPTS);
  expectClose({ theta, grad, state }, {
    theta: [1, 2],
    grad: [0.5, -0.5],
    state: { m: [0.1, 0.1], v: [0.2, 0.2], t: 3 },
  }, { what: "the arguments after adamStep (build new arrays and a new state instead)" });
});

test("adamStep() throws a RangeError when theta, grad, m and v differ in length", () => {
  expectThrows(
    () => adamStep([1, 2], [1, 2], { m: [0], v: [0, 0], t: 0 }, OPTS),
    RangeError,
    "adamStep with m of length 1",
  );
});
