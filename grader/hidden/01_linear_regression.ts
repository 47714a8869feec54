/**
 * Hidden cases for lesson 01. Random inputs come from the seeded `r`; shapes
 * vary from student to student. Expected values come from the reference
 * solution unless a case says otherwise (mathjs, or a closed form).
 *
 * @module
 */
import { dotPow, mean, multiply, pinv, subtract } from "mathjs";
import type { HiddenSuite } from "../types.ts";
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";

type M = number[][];
type V = number[];

const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * b[i], 0);
const avg = (a: V): number => a.reduce((s, x) => s + x, 0) / a.length;
/** A bias well away from 0, so a forgotten bias always shows. */
const bias = (r: Rng): number => (r.next() < 0.5 ? -1 : 1) * r.uniform(1, 4);
/** Targets y = X w + b + noise·ε, shape [N]. */
const targets = (r: Rng, X: M, noise: number): V => {
  const w = randomVector(r, X[0].length);
  const b = bias(r);
  return X.map((row) => dot(row, w) + b + noise * r.normal());
};
/** The fit {w, b} a student returned, or null when it has the wrong form. */
const asFit = (got: unknown): { w: V; b: number } | null => {
  const g = got as { w?: unknown; b?: unknown } | null;
  return g && Array.isArray(g.w) && typeof g.b === "number" ? { w: g.w as V, b: g.b } : null;
};
/** One-feature least squares in closed form: slope Sxy/Sxx, intercept ȳ − slope·x̄. */
const line = (x: V, y: V): { w: V; b: number } => {
  const mx = avg(x);
  const my = avg(y);
  const slope = dot(x.map((v) => v - mx), y.map((v) => v - my)) /
    dot(x.map((v) => v - mx), x.map((v) => v - mx));
  return { w: [slope], b: my - slope * mx };
};

/** Lesson 01's hidden cases. */
export const HIDDEN: HiddenSuite = {
  predict: [
    {
      name: "predict() on a random X of a random shape [N, D]",
      points: 3,
      args: (r) => {
        const N = 2 + r.int(30);
        const D = 1 + r.int(6);
        return [randomMatrix(r, N, D), randomVector(r, D), bias(r)];
      },
    },
    {
      name: "predict() of a single sample, X of shape [1, D]",
      points: 1,
      args: (r) => {
        const D = 2 + r.int(5);
        return [randomMatrix(r, 1, D), randomVector(r, D), bias(r)];
      },
    },
    {
      name: "predict() with all weights 0 returns b for every sample",
      points: 1,
      args: (r) => {
        const N = 3 + r.int(10);
        return [randomMatrix(r, N, 2), [0, 0], bias(r)];
      },
      expect: (X, _w, b) => (X as M).map(() => b as number),
    },
    {
      name: "predict() with a large bias",
      points: 1,
      args: (r) => [randomMatrix(r, 5, 3), randomVector(r, 3), 1000 * bias(r)],
    },
    {
      name: "predict() of a tall X, N ≫ D",
      points: 2,
      args: (r) => [randomMatrix(r, 200 + r.int(100), 2), randomVector(r, 2), bias(r)],
    },
    {
      name: "predict() of the identity matrix returns w + b",
      points: 1,
      args: (r) => {
        const D = 2 + r.int(4);
        const I = Array.from(
          { length: D },
          (_, i) => Array.from({ length: D }, (_, j) => +(i === j)),
        );
        return [I, randomVector(r, D), bias(r)];
      },
      expect: (_X, w, b) => (w as V).map((v) => v + (b as number)),
    },
    {
      name: "predict() of no samples returns an empty array",
      points: 1,
      args: (r) => [[], randomVector(r, 3), bias(r)],
      expect: () => [],
    },
  ],

  mse: [
    {
      name: "mse() of random vectors of a random length",
      points: 2,
      args: (r) => {
        const N = 2 + r.int(50);
        return [randomVector(r, N), randomVector(r, N)];
      },
    },
    {
      name: "mse() agrees with mathjs: mean((ŷ − y)²)",
      points: 2,
      args: (r) => {
        const N = 5 + r.int(20);
        return [randomVector(r, N).map((v) => 3 * v + 1), randomVector(r, N)];
      },
      expect: (yHat, y) => mean(dotPow(subtract(yHat as V, y as V), 2) as V),
    },
    {
      name: "mse() of a single pair is the squared difference",
      points: 1,
      args: (r) => [[r.normal()], [r.normal()]],
      expect: (yHat, y) => ((yHat as V)[0] - (y as V)[0]) ** 2,
    },
    {
      name: "mse() is 0 when ŷ equals y",
      points: 1,
      args: (r) => {
        const y = randomVector(r, 4 + r.int(10));
        return [[...y], y];
      },
      expect: () => 0,
    },
    {
      name: "mse() of errors that are all c is c²",
      points: 1,
      args: (r) => {
        const c = r.uniform(0.2, 3);
        const y = randomVector(r, 3 + r.int(20));
        return [y.map((v) => v + c), y];
      },
      expect: (yHat, y) => ((yHat as V)[0] - (y as V)[0]) ** 2,
    },
    {
      name: "mse() of 2 000 samples is still a mean, not a sum",
      points: 1,
      args: (r) => [randomVector(r, 2_000), randomVector(r, 2_000)],
    },
    {
      name: "mse() throws a RangeError when ŷ and y differ in length",
      points: 1,
      args: (r) => {
        const N = 2 + r.int(10);
        return [randomVector(r, N), randomVector(r, N + 1 + r.int(3))];
      },
      throws: "RangeError",
    },
    {
      name: "mse() throws a RangeError for empty vectors",
      points: 1,
      args: () => [[], []],
      throws: "RangeError",
    },
  ],

  normal_equations: [
    {
      name: "fitNormalEquations() on noisy random data of a random shape [N, D]",
      points: 2,
      args: (r) => {
        const D = 1 + r.int(5);
        const X = randomMatrix(r, D + 5 + r.int(40), D);
        return [X, targets(r, X, 0.3)];
      },
    },
    {
      name: "fitNormalEquations() agrees with mathjs's pseudo-inverse: θ = pinv([X | 1]) y",
      points: 1,
      args: (r) => {
        const X = randomMatrix(r, 12 + r.int(20), 3);
        return [X, targets(r, X, 1)];
      },
      expect: (X, y) => {
        const theta = multiply(pinv((X as M).map((row) => [...row, 1])), y as V) as V;
        return { w: theta.slice(0, -1), b: theta[theta.length - 1] };
      },
      tol: { rtol: 1e-6, atol: 1e-8 },
    },
    {
      name: "fitNormalEquations() reproduces noiseless targets exactly",
      points: 1,
      args: (r) => {
        const D = 2 + r.int(3);
        const X = randomMatrix(r, D + 3 + r.int(10), D);
        return [X, targets(r, X, 0)];
      },
      check: (got, [X, y]) => {
        const fit = asFit(got);
        if (!fit) return "the result should be { w, b }";
        const err = Math.max(
          ...(X as M).map((row, i) => Math.abs(dot(row, fit.w) + fit.b - (y as V)[i])),
        );
        return err <= 1e-6 ? null : `X w + b misses the noiseless y by up to ${err}`;
      },
    },
    {
      name: "fitNormalEquations() leaves residuals orthogonal to every column and summing to 0",
      points: 1,
      args: (r) => {
        const X = randomMatrix(r, 20 + r.int(20), 2 + r.int(3));
        return [X, targets(r, X, 2)];
      },
      check: (got, [X, y]) => {
        const fit = asFit(got);
        if (!fit) return "the result should be { w, b }";
        const res = (X as M).map((row, i) => (y as V)[i] - dot(row, fit.w) - fit.b); // [N]
        const cols = [
          ...(X as M)[0].map((_, j) => (X as M).map((row) => row[j])),
          res.map(() => 1),
        ];
        const scale = Math.sqrt(dot(y as V, y as V)) * Math.sqrt((X as M).length);
        const worst = Math.max(...cols.map((c) => Math.abs(dot(c, res))));
        return worst <= 1e-8 * scale
          ? null
          : `the residuals y − ŷ should be orthogonal to each column of [X | 1], but a dot product is ${worst}`;
      },
    },
    {
      name: "fitNormalEquations() of one feature matches slope = Sxy/Sxx, b = ȳ − slope·x̄",
      points: 1,
      args: (r) => {
        const X = randomMatrix(r, 6 + r.int(30), 1);
        return [X, targets(r, X, 0.5)];
      },
      expect: (X, y) => line((X as M).map((row) => row[0]), y as V),
    },
    {
      name: "fitNormalEquations() with features on very different scales",
      points: 1,
      args: (r) => {
        const scales = [10 ** r.uniform(-2, -1), 1, 10 ** r.uniform(1, 2)];
        const X = randomMatrix(r, 30 + r.int(20), 3).map((row) => row.map((v, j) => v * scales[j]));
        return [X, targets(r, X, 0.1)];
      },
      tol: { rtol: 1e-5, atol: 1e-8 },
    },
    {
      name: "fitNormalEquations() throws a RangeError when a column is repeated",
      points: 1,
      args: (r) => {
        const X = randomMatrix(r, 8 + r.int(10), 3).map((row) => [...row, row[1]]);
        return [X, randomVector(r, X.length)];
      },
      throws: "RangeError",
    },
    {
      name:
        "fitNormalEquations() throws a RangeError when a column is constant (it copies the ones column)",
      points: 1,
      args: (r) => {
        const c = 1 + r.int(5);
        const X = randomMatrix(r, 8 + r.int(10), 2).map((row) => [row[0], c, row[1]]);
        return [X, randomVector(r, X.length)];
      },
      throws: "RangeError",
    },
    {
      name: "fitNormalEquations() throws a RangeError with fewer samples than D + 1",
      points: 1,
      args: (r) => {
        const D = 3 + r.int(3);
        const X = randomMatrix(r, D, D); // N = D: one equation short of D + 1 unknowns
        return [X, randomVector(r, D)];
      },
      throws: "RangeError",
    },
  ],

  r_squared: [
    {
      name: "rSquared() of random predictions of a random length",
      points: 2,
      args: (r) => {
        const N = 3 + r.int(40);
        const y = randomVector(r, N);
        return [y.map((v) => 0.8 * v + 0.5 * r.normal()), y];
      },
    },
    {
      name: "rSquared() of a least-squares line equals the squared correlation of x and y",
      points: 2,
      args: (r) => {
        const x = randomVector(r, 10 + r.int(30));
        const y = x.map((v) => 2 * v + 1 + r.normal());
        const fit = line(x, y);
        return [x.map((v) => fit.w[0] * v + fit.b), y];
      },
      // ŷ is linear in x, so corr(x, y)² = corr(ŷ, y)².
      expect: (yHat, y) => {
        const a = (yHat as V).map((v) => v - avg(yHat as V));
        const b = (y as V).map((v) => v - avg(y as V));
        return dot(a, b) ** 2 / (dot(a, a) * dot(b, b));
      },
    },
    {
      name: "rSquared() of predicting the mean of y for every sample is 0",
      points: 1,
      args: (r) => {
        const y = randomVector(r, 5 + r.int(20));
        return [y.map(() => avg(y)), y];
      },
      expect: () => 0,
    },
    {
      name: "rSquared() of ŷ = ȳ − 2(y − ȳ) is 1 − 9 = −8",
      points: 1,
      args: (r) => {
        const y = randomVector(r, 5 + r.int(20));
        const m = avg(y);
        return [y.map((v) => m - 2 * (v - m)), y];
      },
      expect: () => -8,
    },
    {
      name: "rSquared() of a constant y predicted exactly is 1",
      points: 1,
      args: (r) => {
        const c = r.int(21) - 10; // an integer, so the mean of y is exactly c
        const y = Array(2 + r.int(10)).fill(c);
        return [[...y], y];
      },
      expect: () => 1,
    },
    {
      name: "rSquared() of a constant y predicted with errors is 0",
      points: 1,
      args: (r) => {
        const c = r.int(21) - 10;
        const y = Array(3 + r.int(10)).fill(c);
        return [y.map((v) => v + r.normal()), y];
      },
      expect: () => 0,
    },
    {
      name: "rSquared() does not depend on the units of y (all values × 10⁴)",
      points: 1,
      args: (r) => {
        const y = randomVector(r, 10 + r.int(20)).map((v) => 1e4 * v);
        return [y.map((v) => v + 3e3 * r.normal()), y];
      },
    },
    {
      name: "rSquared() throws a RangeError when ŷ and y differ in length",
      points: 1,
      args: (r) => [randomVector(r, 4), randomVector(r, 5 + r.int(4))],
      throws: "RangeError",
    },
  ],
};
