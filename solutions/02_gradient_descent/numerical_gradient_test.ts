// Do not edit: your work is checked against these.
import { expectClose, test } from "../../lib/testing.ts";
import { numericalGradient } from "./numerical_gradient.ts";

test("numericalGradient() of θ₀² + 3θ₁ at [1, 2] is [2, 3]", () => {
  const f = (t: number[]) => t[0] ** 2 + 3 * t[1];
  expectClose(numericalGradient(f, [1, 2]), [2, 3], {
    rtol: 1e-7,
    what: "numericalGradient(θ₀² + 3θ₁, [1, 2])",
  });
});

test("numericalGradient() matches the derivative of sin(θ₀)·θ₁", () => {
  const f = (t: number[]) => Math.sin(t[0]) * t[1];
  const expected = [Math.cos(0.5) * -2, Math.sin(0.5)];
  expectClose(numericalGradient(f, [0.5, -2]), expected, {
    rtol: 1e-7,
    what: "numericalGradient(sin(θ₀)·θ₁, [0.5, -2])",
  });
});

test("numericalGradient() uses central differences with the given ε", () => {
  // (1.1³ − 0.9³) / 0.2 = 3.01: the ε² error of a central difference, not the exact 3.
  expectClose(numericalGradient((t) => t[0] ** 3, [1], 0.1), [3.01], {
    rtol: 1e-9,
    what: "numericalGradient(θ³, [1], 0.1)",
  });
});

test("numericalGradient() leaves θ unchanged", () => {
  const theta = [0.3, -1.2, 2];
  numericalGradient((t) => t.reduce((s, x) => s + x * x, 0), theta);
  expectClose(theta, [0.3, -1.2, 2], { atol: 0, rtol: 0, what: "θ after the call" });
});
