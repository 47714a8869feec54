// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { momentumStep } from "./momentum.ts";

test("momentumStep() from rest is a plain gradient step", () => {
  const got = momentumStep([1, -2], [4, 0.5], [0, 0], { learningRate: 0.1, beta: 0.9 });
  expectClose(got, { theta: [0.6, -2.05], velocity: [4, 0.5] }, {
    what: "momentumStep([1, -2], [4, 0.5], [0, 0], { learningRate: 0.1, beta: 0.9 })",
  });
});

test("momentumStep() carries the velocity: v = βv + g, then θ − αv", () => {
  // v = 0.5·[2, -1, 0] + [1, 1, -2] = [2, 0.5, -2]
  const got = momentumStep([0, 1, 2], [1, 1, -2], [2, -1, 0], { learningRate: 0.25, beta: 0.5 });
  expectClose(got, { theta: [-0.5, 0.875, 2.5], velocity: [2, 0.5, -2] }, {
    what: "momentumStep([0, 1, 2], [1, 1, -2], [2, -1, 0], { learningRate: 0.25, beta: 0.5 })",
  });
});

test("momentumStep() on f(θ) = θ² matches two steps worked out by hand", () => {
  const opts = { learningRate: 0.1, beta: 0.9 };
  const s1 = momentumStep([1], [2], [0], opts); // g = 2θ = 2
  const s2 = momentumStep(s1.theta, [2 * s1.theta[0]], s1.velocity, opts);
  // v = 0.9·2 + 1.6 = 3.4, θ = 0.8 − 0.1·3.4 = 0.46
  expectClose(s2, { theta: [0.46], velocity: [3.4] }, { what: "two momentum steps on θ²" });
});

test("momentumStep() leaves its arguments unchanged", () => {
  const theta = [1, 2];
  const grad = [0.5, -0.5];
  const velocity = [1, 1];
  momentumStep(theta, grad, velocity, { learningRate: 0.1, beta: 0.9 });
  expectClose({ theta, grad, velocity }, { theta: [1, 2], grad: [0.5, -0.5], velocity: [1, 1] }, {
    what: "the arguments after momentumStep (build new arrays instead)",
  });
});

test("momentumStep() throws a RangeError when theta, grad and velocity differ in length", () => {
  expectThrows(
    () => momentumStep([1, 2], [1, 2], [0], { learningRate: 0.1, beta: 0.9 }),
    RangeError,
    "momentumStep with a velocity of length 1",
  );
});
