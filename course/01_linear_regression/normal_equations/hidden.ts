import type { fitNormalEquations } from "../../../exercises/01_linear_regression/normal_equations.ts";
import { cases } from "../../define.ts";
import { multiply, pinv } from "mathjs";
import { randomMatrix, randomVector } from "../../../lib/random.ts";
import { asFit, dot, line, type M, targets, type V } from "../_hidden.ts";

/** Hidden cases of `fitNormalEquations`. */
export default cases<typeof fitNormalEquations>([
  {
    id: "on-noisy-random-data-of-a-random-shape-n-d",
    name: "fitNormalEquations() on noisy random data of a random shape [N, D]",
    points: 0.5,
    args: (r) => {
      const D = 1 + r.int(5);
      const X = randomMatrix(r, D + 5 + r.int(40), D);
      return [X, targets(r, X, 0.3)];
    },
  },
  {
    id: "agrees-with-mathjs-s-pseudo-inverse-pinv-x-1-y",
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
    id: "reproduces-noiseless-targets-exactly",
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
    id: "leaves-residuals-orthogonal-to-every-column-and-summing-to-0",
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
    id: "of-one-feature-matches-slope-sxy-sxx-b-slope-x",
    name: "fitNormalEquations() of one feature matches slope = Sxy/Sxx, b = ȳ − slope·x̄",
    points: 1,
    args: (r) => {
      const X = randomMatrix(r, 6 + r.int(30), 1);
      return [X, targets(r, X, 0.5)];
    },
    expect: (X, y) => line((X as M).map((row) => row[0]), y as V),
  },
  {
    id: "with-features-on-very-different-scales",
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
    id: "throws-a-rangeerror-when-a-column-is-repeated",
    name: "fitNormalEquations() throws a RangeError when a column is repeated",
    points: 1,
    args: (r) => {
      const X = randomMatrix(r, 8 + r.int(10), 3).map((row) => [...row, row[1]]);
      return [X, randomVector(r, X.length)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-a-column-is-constant-it-copies-the",
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
    id: "throws-a-rangeerror-with-fewer-samples-than-d-1",
    name: "fitNormalEquations() throws a RangeError with fewer samples than D + 1",
    points: 1,
    args: (r) => {
      const D = 3 + r.int(3);
      const X = randomMatrix(r, D, D); // N = D: one equation short of D + 1 unknowns
      return [X, randomVector(r, D)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-a-column-is-a-non-integer-combination",
    name:
      "fitNormalEquations() throws a RangeError when a column is a non-integer combination of two others (det(XᵀX) is about 1e-17, not 0)",
    points: 1,
    args: (r) => {
      const a = r.uniform(0.2, 0.9);
      const b = r.uniform(1.1, 2.7);
      const X = randomMatrix(r, 10 + r.int(10), 2).map((
        row,
      ) => [row[0], row[1], a * row[0] + b * row[1]]);
      return [X, randomVector(r, X.length)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-x-and-y-differ-in-length",
    name: "fitNormalEquations() throws a RangeError when X and y differ in length",
    points: 0.25,
    args: (r) => {
      const X = randomMatrix(r, 6 + r.int(10), 2);
      return [X, randomVector(r, X.length + 1 + r.int(3))];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-empty-x-and-y",
    name: "fitNormalEquations() throws a RangeError for an X and a y without samples",
    points: 0.25,
    args: () => [[], []],
    throws: "RangeError",
  },
]);
