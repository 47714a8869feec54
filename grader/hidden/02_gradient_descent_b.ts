/**
 * Hidden cases for lesson 02, second part: tf_gradient, momentum, adam and
 * lr_bound. Random inputs come from the seeded `r`; shapes vary from student
 * to student. Expected values come from the reference solution, except for
 * tf_gradient, whose reference is the exact gradient computed with mathjs in
 * float64 (the student's float32 answer is compared at rtol 1e-4).
 *
 * @module
 */
import { add, divide, multiply, subtract, sum, transpose } from "mathjs";
import type { HiddenSuite } from "../types.ts";
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";

type M = number[][];
type V = number[];

/** float32 results against float64 references. */
const F32 = { rtol: 1e-4, atol: 1e-5 };
const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** The exact MSE gradient, (2/N) Xᵀ(ŷ − y) and (2/N) Σ (ŷ − y), with mathjs. */
const exactGradient = (...args: unknown[]): { dW: V; db: number } => {
  const [X, y, w, b] = args as [M, V, V, number];
  const r = subtract(add(multiply(X, w), b), y) as V; // ŷ − y [N]
  const n = X.length;
  return {
    dW: divide(multiply(multiply(transpose(X), r), 2), n) as V,
    db: (2 * (sum(r) as number)) / n,
  };
};
/** A learning rate between 0.001 and 0.5, never 1 (where "α twice" would not show). */
const rate = (r: Rng): number => r.uniform(0.001, 0.5);
/** A vector of squared normals: a plausible second moment, shape [n]. */
const positive = (r: Rng, n: number): V => randomVector(r, n).map((x) => x * x + 1e-3);
/** Features on different scales, shape [N, D]. */
const scaledMatrix = (r: Rng, n: number, d: number): M => {
  const scales = Array.from({ length: d }, () => 10 ** r.uniform(-1, 1));
  return randomMatrix(r, n, d).map((row) => row.map((x, j) => x * scales[j] + r.uniform(-1, 1)));
};

/** Lesson 02's hidden cases, second part. */
export const HIDDEN: HiddenSuite = {
  tf_gradient: [
    {
      name: "tfGradient() on the article's data x = 1..4, y = 2x, at w = 0, b = 0",
      points: 2,
      args: () => [[[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0],
      expect: exactGradient,
      tol: F32,
    },
    {
      name: "tfGradient() of a single sample with a single feature",
      points: 2,
      args: (r) => [randomMatrix(r, 1, 1), randomVector(r, 1), randomVector(r, 1), r.normal()],
      expect: exactGradient,
      tol: F32,
    },
    {
      name: "tfGradient() on random X of a random shape [N, D]",
      points: 3,
      args: (r) => {
        const N = 5 + r.int(20);
        const D = 1 + r.int(6);
        return [randomMatrix(r, N, D), randomVector(r, N), randomVector(r, D), r.normal()];
      },
      expect: exactGradient,
      tol: F32,
    },
    {
      name: "tfGradient() is zero at a perfect fit",
      points: 1,
      args: (r) => {
        const N = 3 + r.int(10);
        const D = 1 + r.int(4);
        const X = randomMatrix(r, N, D);
        const w = randomVector(r, D);
        const b = r.normal();
        return [X, X.map((row) => row.reduce((s, x, j) => s + x * w[j], b)), w, b];
      },
      expect: (_X, _y, w) => ({ dW: (w as V).map(() => 0), db: 0 }),
      tol: { rtol: 1e-4, atol: 1e-4 },
    },
    {
      name: "tfGradient() throws a RangeError when y and X differ in length",
      points: 2,
      args: (r) => {
        const N = 2 + r.int(5);
        return [randomMatrix(r, N, 2), randomVector(r, N + 1), [0, 0], 0];
      },
      throws: "RangeError",
    },
  ],
  momentum: [
    {
      name: "momentumStep() from rest (zero velocity)",
      points: 2,
      args: (r) => {
        const P = 1 + r.int(8);
        return [randomVector(r, P), randomVector(r, P), new Array(P).fill(0), {
          learningRate: rate(r),
          beta: r.uniform(0.5, 0.99),
        }];
      },
    },
    {
      name: "momentumStep() with a velocity carried from earlier steps",
      points: 3,
      args: (r) => {
        const P = 2 + r.int(10);
        return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
          learningRate: rate(r),
          beta: r.uniform(0.5, 0.99),
        }];
      },
    },
    {
      name: "momentumStep() with β = 0 is plain gradient descent",
      points: 1,
      args: (r) => {
        const P = 1 + r.int(6);
        return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
          learningRate: rate(r),
          beta: 0,
        }];
      },
    },
    {
      name: "momentumStep() on a long vector (P = 100…300)",
      points: 2,
      args: (r) => {
        const P = 100 + r.int(201);
        return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
          learningRate: rate(r),
          beta: r.uniform(0.8, 0.99),
        }];
      },
    },
    {
      name: "momentumStep() throws a RangeError when the velocity has the wrong length",
      points: 2,
      args: (r) => {
        const P = 2 + r.int(5);
        return [randomVector(r, P), randomVector(r, P), randomVector(r, P - 1), {
          learningRate: 0.1,
          beta: 0.9,
        }];
      },
      throws: "RangeError",
    },
  ],
  adam: [
    {
      name: "adamStep() first step from a fresh state (t = 0)",
      points: 3,
      args: (r) => {
        const P = 1 + r.int(8);
        const zeros = new Array(P).fill(0);
        return [randomVector(r, P), randomVector(r, P), { m: zeros, v: zeros.slice(), t: 0 }, {
          learningRate: rate(r),
          ...ADAM_DEFAULTS,
        }];
      },
    },
    {
      name: "adamStep() a later step (t = 5…50) with carried m and v",
      points: 3,
      args: (r) => {
        const P = 2 + r.int(10);
        return [
          randomVector(r, P),
          randomVector(r, P),
          { m: randomVector(r, P), v: positive(r, P), t: 5 + r.int(46) },
          { learningRate: rate(r), ...ADAM_DEFAULTS },
        ];
      },
    },
    {
      name: "adamStep() with a zero gradient from a fresh state leaves θ unchanged",
      points: 1,
      args: (r) => {
        const P = 1 + r.int(6);
        const zeros = new Array(P).fill(0);
        return [randomVector(r, P), zeros, { m: zeros.slice(), v: zeros.slice(), t: 0 }, {
          learningRate: rate(r),
          ...ADAM_DEFAULTS,
        }];
      },
    },
    {
      name:
        "adamStep() with other hyperparameters (β₁ = 0.5, β₂ = 0.9, ε = 1e-3) and large gradients",
      points: 1,
      args: (r) => {
        const P = 1 + r.int(20);
        return [
          randomVector(r, P),
          randomVector(r, P).map((g) => 1000 * g),
          { m: randomVector(r, P), v: positive(r, P), t: 1 + r.int(5) },
          { learningRate: rate(r), beta1: 0.5, beta2: 0.9, epsilon: 1e-3 },
        ];
      },
    },
    {
      name: "adamStep() throws a RangeError when m has the wrong length",
      points: 2,
      args: (r) => {
        const P = 2 + r.int(5);
        return [randomVector(r, P), randomVector(r, P), {
          m: randomVector(r, P + 1),
          v: positive(r, P),
          t: 3,
        }, { learningRate: 0.1, ...ADAM_DEFAULTS }];
      },
      throws: "RangeError",
    },
  ],
  lr_bound: [
    {
      name: "maxStableLearningRate() of the article's x = 1..4",
      points: 2,
      args: () => [[[1], [2], [3], [4]]],
    },
    {
      name: "maxStableLearningRate() of one random feature, N = 3…30",
      points: 2,
      args: (r) => [scaledMatrix(r, 3 + r.int(28), 1)],
    },
    {
      name: "maxStableLearningRate() of several features on different scales, X of shape [N, D]",
      points: 3,
      args: (r) => {
        const D = 2 + r.int(5);
        return [scaledMatrix(r, D + 5 + r.int(30), D)];
      },
    },
    {
      name: "maxStableLearningRate() of a single sample (N = 1)",
      points: 1,
      args: (r) => [randomMatrix(r, 1, 1 + r.int(5))],
    },
    {
      name: "maxStableLearningRate() throws a RangeError for an X without rows",
      points: 1,
      args: () => [[]],
      throws: "RangeError",
    },
    {
      name: "maxStableLearningRate() throws a RangeError when the rows differ in length",
      points: 1,
      args: (r) => [[randomVector(r, 2), randomVector(r, 3), randomVector(r, 2)]],
      throws: "RangeError",
    },
  ],
};
