import type { numericalGradient } from "../../../exercises/02_gradient_descent/numerical_gradient.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { expectGradient, fnRef } from "../_hidden.ts";

/** Hidden cases of `numericalGradient`. */
export default cases<typeof numericalGradient>([
  {
    id: "a-coupled-quadratic-in-p-random-coordinates-default",
    name: "a coupled quadratic in P random coordinates, default ε",
    points: 1,
    args: (r) => {
      const p = 2 + r.int(7);
      return [fnRef("quadratic", [r.uniform(0.5, 3), r.uniform(0.5, 3)]), randomVector(r, p)];
    },
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-7 },
  },
  {
    id: "a-non-quadratic-sines-and-cubes-default",
    name: "a non-quadratic (sines and cubes), default ε",
    points: 2,
    args: (r) => {
      const p = 1 + r.int(6);
      return [fnRef("wavy", [r.uniform(0.5, 2), r.uniform(-1, 1)]), randomVector(r, p)];
    },
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-7 },
  },
  {
    id: "a-quadratic-with-0-01-central-differences-are-exact-for-it",
    name: "a quadratic with ε = 0.01: central differences are exact for it",
    points: 2,
    args: (r) => [fnRef("quadratic", [r.uniform(1, 3)]), randomVector(r, 2 + r.int(4)), 0.01],
    expect: expectGradient,
    tol: { rtol: 1e-8, atol: 1e-9 },
  },
  {
    id: "a-single-coordinate-p-1-1e-4",
    name: "a single coordinate (P = 1), ε = 1e-4",
    points: 1,
    args: (r) => [fnRef("wavy", [r.uniform(0.5, 2), r.uniform(-1, 1)]), [r.normal()], 1e-4],
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-7 },
  },
  {
    id: "zero-at-the-minimum-of-a-quadratic-0",
    name: "zero at the minimum of a quadratic (θ = 0)",
    points: 1,
    args: (r) => {
      const p = 2 + r.int(4);
      return [fnRef("quadratic", [2 + r.next()]), new Array(p).fill(0), 1e-3];
    },
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-9 },
  },
  {
    id: "large-coordinates-up-to-50",
    name: "large coordinates (|θ| up to 50)",
    points: 1,
    args: (r) => {
      const p = 2 + r.int(3);
      return [fnRef("wavy", [1, r.uniform(0.1, 1)]), randomVector(r, p).map((t) => 20 * t)];
    },
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-6 },
  },
  {
    id: "leaves-theta-unchanged",
    name:
      "numericalGradient() leaves the caller's θ exactly as it was (it must not nudge θ in place)",
    points: 2,
    property: "pure",
    // 20+ coordinates: θᵢ + ε − 2ε + ε differs from θᵢ for about half of them, so a
    // "nudge and put back" that is not exact shows.
    args: (
      r,
    ) => [
      fnRef("wavy", [r.uniform(0.5, 2), r.uniform(-1, 1)]),
      randomVector(r, 20 + r.int(10)).map((x) => x * 3.7),
      1e-3,
    ],
    expect: expectGradient,
    tol: { rtol: 1e-5, atol: 1e-6 },
  },
]);
