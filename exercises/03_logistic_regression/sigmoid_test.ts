// Do not edit: your work is checked against these.
import { expectClose, test } from "../../lib/testing.ts";
import { sigmoid } from "./sigmoid.ts";

test("sigmoid() of 0 is one half, and of ±2 the two textbook values", () => {
  const e2 = Math.exp(-2);
  expectClose(sigmoid([0, 2, -2]), [0.5, 1 / (1 + e2), e2 / (1 + e2)], {
    rtol: 1e-12,
    what: "sigmoid([0, 2, -2])",
  });
});

test("sigmoid() of an empty vector is an empty vector", () => {
  expectClose(sigmoid([]), [], { what: "sigmoid([])" });
});

test("sigmoid() stays finite at |z| = 1e4: exactly 0 and 1 in float64, never NaN", () => {
  expectClose(sigmoid([-1e4, -800, 800, 1e4]), [0, 0, 1, 1], {
    what: "sigmoid([-1e4, -800, 800, 1e4])",
  });
});

test("sigmoid() is exact in the far negative tail, where e^{-z} overflows", () => {
  // σ(−720) = e^{−720}/(1 + e^{−720}) = e^{−720} ≈ 2.03e-313 in float64, not 0.
  const got = sigmoid([-720])[0];
  expectClose(got / Math.exp(-720), 1, { rtol: 1e-9, what: "sigmoid([-720])[0] / Math.exp(-720)" });
});
