/**
 * Hidden cases for lesson 02, first part: mse_gradient, batch_gd, sgd,
 * minibatch_gd and numerical_gradient. Every case's expected value comes from
 * the reference solutions (or, for the numerical gradient, the analytic
 * derivative); every variant in `course/misconceptions/02_gradient_descent_a.ts`
 * fails at least one case.
 *
 * @module
 */
import type { HiddenCase, HiddenSuite } from "../types.ts";
import type { FnRef } from "../../lib/fixtures.ts";
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";
import { batchGradientDescent } from "../../solutions/02_gradient_descent/batch_gd.ts";
import { stochasticGradientDescent } from "../../solutions/02_gradient_descent/sgd.ts";
import { numericalGradient } from "../../solutions/02_gradient_descent/numerical_gradient.ts";

type M = number[][];
type V = number[];
interface Run {
  w: V;
  b: number;
  losses: V;
}

const SEED_X: M = [[1], [2], [3], [4]]; // the seed article's data, [4, 1]
const SEED_Y: V = [2, 4, 6, 8];

/** N and D drawn from the given ranges (inclusive). */
const size = (r: Rng, [nLo, nHi]: number[], [dLo, dHi]: number[]) => ({
  n: nLo + r.int(nHi - nLo + 1),
  d: dLo + r.int(dHi - dLo + 1),
});

/** Random linear data: y = X w* + b* + noise·ε, X [N, D] standard normal. */
function linearData(r: Rng, n: number, d: number, noise: number): { X: M; y: V } {
  const X = randomMatrix(r, n, d); // [N, D]
  const wTrue = randomVector(r, d); // [D]
  const bTrue = r.normal();
  const y = X.map((row) => row.reduce((s, x, j) => s + x * wTrue[j], bTrue) + noise * r.normal());
  return { X, y };
}

/** A sentence when `got` is not a run record with `epochs + 1` losses, else `null`. */
function runShape(got: unknown, epochs: number): string | null {
  const run = got as Partial<Run> | null;
  if (!run || !Array.isArray(run.losses) || !Array.isArray(run.w)) {
    return "expected a record { w, b, losses }";
  }
  if (run.losses.length !== epochs + 1) {
    return `expected ${
      epochs + 1
    } losses (one before the first epoch, one after each), got ${run.losses.length}`;
  }
  return null;
}

/** A check: the last loss is at most `fraction` of the first. */
const fallsTo = (fraction: number) => (got: unknown, args: unknown[]): string | null => {
  const { epochs } = args[2] as { epochs: number };
  const bad = runShape(got, epochs);
  if (bad) return bad;
  const { losses } = got as Run;
  const [first, last] = [losses[0], losses[losses.length - 1]];
  return last <= fraction * first
    ? null
    : `the loss fell from ${first} to only ${last}, above ${fraction} × the start`;
};

/** ∂f/∂θ for the fixtures of lib/fixtures.ts, written out by hand. */
function analyticGradient(ref: FnRef, theta: V): V {
  const p = ref.params;
  if (ref.$fn === "quadratic") {
    // f = Σ pᵢ θᵢ² + Σ θᵢ θᵢ₊₁
    return theta.map((t, i) =>
      2 * (p[i % p.length] ?? 1) * t + (theta[i + 1] ?? 0) + (theta[i - 1] ?? 0)
    );
  }
  // wavy: f = Σ sin(p₀ θᵢ) + p₁ Σ θᵢ³
  return theta.map((t) => p[0] * Math.cos(p[0] * t) + 3 * p[1] * t * t);
}

/**
 * The expected value of a numerical-gradient case: analytic for a `{ $fn }`
 * reference; the reference solution if the grader has already rebuilt it.
 */
function expectGradient(...args: unknown[]): V {
  const [f, theta, eps] = args as [FnRef | ((t: V) => number), V, number | undefined];
  return typeof f === "function" ? numericalGradient(f, theta, eps) : analyticGradient(f, theta);
}

const mseGradientCases: HiddenCase[] = [
  {
    name: "one feature, from zero, on the seed's data x = [1..4], y = 2x",
    points: 1,
    args: () => [SEED_X, SEED_Y, [0], 0],
  },
  {
    name: "random X of varying shape [N, D], w and b",
    points: 3,
    args: (r) => {
      const { n, d } = size(r, [2, 30], [1, 6]);
      return [randomMatrix(r, n, d), randomVector(r, n), randomVector(r, d), r.normal()];
    },
  },
  {
    name: "a single sample (N = 1) with several features",
    points: 1,
    args: (r) => {
      const d = 2 + r.int(4);
      return [randomMatrix(r, 1, d), [r.normal()], randomVector(r, d), r.normal()];
    },
  },
  {
    name: "targets far from the predictions (large residuals, N = 200)",
    points: 2,
    args: (r) => {
      const d = 1 + r.int(3);
      return [
        randomMatrix(r, 200, d),
        randomVector(r, 200).map((v) => 50 + 10 * v),
        randomVector(r, d),
        -3,
      ];
    },
  },
  {
    name: "zero gradient at a perfect fit",
    points: 1,
    args: (r) => {
      const { n, d } = size(r, [3, 10], [1, 4]);
      const X = randomMatrix(r, n, d);
      const w = randomVector(r, d);
      const b = r.normal();
      return [X, X.map((row) => row.reduce((s, x, j) => s + x * w[j], b)), w, b];
    },
  },
  {
    name: "only the bias is off: dW and db from a constant residual",
    points: 1,
    args: (r) => {
      const { n, d } = size(r, [3, 10], [1, 3]);
      const X = randomMatrix(r, n, d);
      const w = randomVector(r, d);
      return [X, X.map((row) => row.reduce((s, x, j) => s + x * w[j], 0)), w, 1 + r.next()];
    },
  },
  {
    name: "throws a RangeError when X and y differ in length",
    points: 1,
    args: (r) => [randomMatrix(r, 3, 2), randomVector(r, 4), [0, 0], 0],
    throws: "RangeError",
  },
];

const batchCases: HiddenCase[] = [
  {
    name: "0 epochs: the starting point and one loss",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 6, 2, 0.1);
      return [X, y, { learningRate: 0.1, epochs: 0 }];
    },
  },
  {
    name: "one epoch on the seed's data with α = 0.1",
    points: 1,
    args: () => [SEED_X, SEED_Y, { learningRate: 0.1, epochs: 1 }],
  },
  {
    name: "random data of varying shape [N, D], 40 epochs",
    points: 3,
    args: (r) => {
      const { n, d } = size(r, [2, 25], [1, 4]);
      const { X, y } = linearData(r, n, d, 0.3);
      return [X, y, { learningRate: 0.02 + 0.06 * r.next(), epochs: 40 }];
    },
  },
  {
    name: "the loss falls below 1% of the start in 300 epochs (noiseless data, α = 0.1)",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [20, 40], [1, 3]);
      const { X, y } = linearData(r, n, d, 0);
      return [X, y, { learningRate: 0.1, epochs: 300 }];
    },
    check: fallsTo(0.01),
  },
  {
    name: "α = 0.5 on the seed's data diverges, as the seed's own program does",
    points: 2,
    args: () => [SEED_X, SEED_Y, { learningRate: 0.5, epochs: 30 }],
    check: (got) => {
      const bad = runShape(got, 30);
      if (bad) return bad;
      const { losses } = got as Run;
      const last = losses[losses.length - 1];
      return !Number.isFinite(last) || last > 1e6 * losses[0]
        ? null
        : `with α = 0.5 (above the bound 0.1198) the loss should blow up, but it ended at ${last}`;
    },
  },
  {
    name: "a single sample (N = 1)",
    points: 1,
    args: (r) => [[[r.uniform(0.5, 1.5)]], [r.normal()], { learningRate: 0.1, epochs: 5 }],
  },
];

const sgdCases: HiddenCase[] = [
  {
    name: "0 epochs: the starting point and one loss",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 5, 2, 0.1);
      return [X, y, { learningRate: 0.05, epochs: 0, seed: r.int(1e6) }];
    },
  },
  {
    name: "one sample, one epoch: a single per-sample step",
    points: 1,
    args: (r) => [[[r.uniform(-1, 1), r.uniform(-1, 1)]], [r.normal()], {
      learningRate: 0.1,
      epochs: 1,
      seed: r.int(1e6),
    }],
  },
  {
    name: "the seed's data, 4 epochs, a random seed",
    points: 2,
    args: (r) => [SEED_X, SEED_Y, { learningRate: 0.02, epochs: 4, seed: r.int(1e6) }],
  },
  {
    name: "random data of varying shape [N, D], several epochs, a random seed",
    points: 3,
    args: (r) => {
      const { n, d } = size(r, [3, 20], [1, 4]);
      const { X, y } = linearData(r, n, d, 0.3);
      return [X, y, {
        learningRate: 0.01 + 0.02 * r.next(),
        epochs: 2 + r.int(6),
        seed: r.int(1e6),
      }];
    },
  },
  {
    name: "the loss falls below 0.1% of the start in 100 epochs (noiseless data)",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [10, 30], [1, 3]);
      const { X, y } = linearData(r, n, d, 0);
      return [X, y, { learningRate: 0.02, epochs: 100, seed: r.int(1e6) }];
    },
    check: fallsTo(0.001),
  },
  {
    name: "two samples, many epochs",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 2, 1, 0.5);
      return [X, y, { learningRate: 0.05, epochs: 12, seed: r.int(1e6) }];
    },
  },
];

const minibatchCases: HiddenCase[] = [
  {
    name: "batchSize ≥ N: one full-batch step per epoch, as batch gradient descent",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [3, 12], [1, 3]);
      const { X, y } = linearData(r, n, d, 0.2);
      return [X, y, { learningRate: 0.05, epochs: 10, batchSize: n + r.int(3), seed: r.int(1e6) }];
    },
    expect: (...args) => {
      const [X, y, o] = args as [M, V, { learningRate: number; epochs: number }];
      return batchGradientDescent(X, y, { learningRate: o.learningRate, epochs: o.epochs });
    },
  },
  {
    name: "batchSize = 1: the same run as stochastic gradient descent with the same seed",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [3, 12], [1, 3]);
      const { X, y } = linearData(r, n, d, 0.2);
      return [X, y, { learningRate: 0.02, epochs: 4, batchSize: 1, seed: r.int(1e6) }];
    },
    expect: (...args) => {
      const [X, y, o] = args as [M, V, { learningRate: number; epochs: number; seed: number }];
      return stochasticGradientDescent(X, y, o);
    },
  },
  {
    name: "random data [N, D] with a batchSize that does not divide N",
    points: 3,
    args: (r) => {
      const batchSize = 2 + r.int(4);
      const n = batchSize * (2 + r.int(4)) + 1 + r.int(batchSize - 1);
      const { X, y } = linearData(r, n, 1 + r.int(4), 0.3);
      return [X, y, { learningRate: 0.05, epochs: 2 + r.int(5), batchSize, seed: r.int(1e6) }];
    },
  },
  {
    name: "the last batch holds a single sample",
    points: 1,
    args: (r) => {
      const batchSize = 3 + r.int(3);
      const { X, y } = linearData(r, 2 * batchSize + 1, 2, 0.3);
      return [X, y, { learningRate: 0.05, epochs: 3, batchSize, seed: r.int(1e6) }];
    },
  },
  {
    name: "the loss falls below 1% of the start in 100 epochs (noiseless data)",
    points: 1,
    args: (r) => {
      const { n, d } = size(r, [10, 30], [1, 3]);
      const { X, y } = linearData(r, n, d, 0);
      return [X, y, { learningRate: 0.05, epochs: 100, batchSize: 4, seed: r.int(1e6) }];
    },
    check: fallsTo(0.01),
  },
  {
    name: "throws a RangeError for batchSize 0",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 4, 1, 0);
      return [X, y, { learningRate: 0.1, epochs: 1, batchSize: 0, seed: 0 }];
    },
    throws: "RangeError",
  },
];

const fnRef = ($fn: string, params: number[]): FnRef => ({ $fn, params });

const numericalCases: HiddenCase[] = [
  {
    name: "a coupled quadratic in P random coordinates, default ε",
    points: 3,
    args: (r) => {
      const p = 2 + r.int(7);
      return [fnRef("quadratic", [r.uniform(0.5, 3), r.uniform(0.5, 3)]), randomVector(r, p)];
    },
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-7 },
  },
  {
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
    name: "a quadratic with ε = 0.01: central differences are exact for it",
    points: 2,
    args: (r) => [fnRef("quadratic", [r.uniform(1, 3)]), randomVector(r, 2 + r.int(4)), 0.01],
    expect: expectGradient,
    tol: { rtol: 1e-8, atol: 1e-9 },
  },
  {
    name: "a single coordinate (P = 1), ε = 1e-4",
    points: 1,
    args: (r) => [fnRef("wavy", [r.uniform(0.5, 2), r.uniform(-1, 1)]), [r.normal()], 1e-4],
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-7 },
  },
  {
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
    name: "large coordinates (|θ| up to 50)",
    points: 1,
    args: (r) => {
      const p = 2 + r.int(3);
      return [fnRef("wavy", [1, r.uniform(0.1, 1)]), randomVector(r, p).map((t) => 20 * t)];
    },
    expect: expectGradient,
    tol: { rtol: 1e-6, atol: 1e-6 },
  },
];

/** The hidden suite for lesson 02, first part. */
export const HIDDEN: HiddenSuite = {
  mse_gradient: mseGradientCases,
  batch_gd: batchCases,
  sgd: sgdCases,
  minibatch_gd: minibatchCases,
  numerical_gradient: numericalCases,
};
