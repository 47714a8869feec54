// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { gradientNorms } from "./gradient_norms.ts";

test("gradientNorms() of an empty sequence is [√H]: ∂h_T/∂h_T = I", () => {
  expectClose(gradientNorms([[1, 2], [3, 4]], []), [Math.SQRT2], {
    what: "gradientNorms(Wh [2, 2], [])",
  });
});

test("gradientNorms() of one unit multiplies by tanh′ · W_h at each step back", () => {
  // k = 1: (1 − 0.8²)·2 = 0.72;  k = 2: 0.72 · (1 − 0.5²)·2 = 1.08.
  expectClose(gradientNorms([[2]], [[0.5], [0.8]]), [1, 0.72, 1.08], {
    rtol: 1e-12,
    what: "gradientNorms([[2]], [[0.5], [0.8]])",
  });
});

test("gradientNorms() with states at 0 vanishes for W_h = 0.5·I and explodes for a rotation × 1.5", () => {
  const zeros = [[0, 0], [0, 0], [0, 0], [0, 0]]; // T = 4, H = 2: tanh′ = 1 everywhere
  expectClose(
    gradientNorms([[0.5, 0], [0, 0.5]], zeros),
    [0, 1, 2, 3, 4].map((k) => Math.SQRT2 * 0.5 ** k),
    {
      rtol: 1e-12,
      what: "gradientNorms([[0.5, 0], [0, 0.5]], zeros [4, 2])",
    },
  );
  expectClose(
    gradientNorms([[0, -1.5], [1.5, 0]], zeros),
    [0, 1, 2, 3, 4].map((k) => Math.SQRT2 * 1.5 ** k),
    {
      rtol: 1e-12,
      what: "gradientNorms([[0, -1.5], [1.5, 0]], zeros [4, 2])",
    },
  );
});

test("gradientNorms() multiplies the factors in the chain rule's order", () => {
  // W_h not symmetric and the two units at different states: J₁ = diag(1 − h₂²) W_h, J₂ = J₁ diag(1 − h₁²) W_h.
  const Wh = [[0, 2], [0.5, 0]];
  const hs = [[0.6, 0], [0, 0.8]]; // h₁, h₂
  const J1 = [[0, 2], [0.36 * 0.5, 0]]; // diag(1, 0.36) · W_h
  const J2 = [[2 * 1 * 0.5, 0], [0, 0.18 * 0.64 * 2]]; // J₁ · diag(0.64, 1) · W_h
  const norm = (M: number[][]) => Math.hypot(...M.flat());
  expectClose(gradientNorms(Wh, hs), [Math.SQRT2, norm(J1), norm(J2)], {
    rtol: 1e-12,
    what: "gradientNorms([[0, 2], [0.5, 0]], [[0.6, 0], [0, 0.8]])",
  });
});

test("gradientNorms() throws a RangeError when the shapes disagree", () => {
  expectThrows(() => gradientNorms([[1, 0]], [[0, 0]]), RangeError, "Wh [1, 2]");
  expectThrows(
    () => gradientNorms([[1, 0], [0, 1]], [[0, 0], [0]]),
    RangeError,
    "hs row [1], H = 2",
  );
});
