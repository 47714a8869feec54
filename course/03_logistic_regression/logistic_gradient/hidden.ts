import type { logisticGradient } from "../../../exercises/03_logistic_regression/logistic_gradient.ts";
import { cases } from "../../define.ts";
import { randomMatrix, randomVector } from "../../../lib/random.ts";
import { labels, logisticData, type M, size, type V } from "../_hidden.ts";

/** (1/N) Xᵀ r and (1/N) Σ r for residuals r [N]. */
const averaged = (X: M, r: V) => ({
  dW: X[0].map((_, j) => X.reduce((s, row, i) => s + row[j] * r[i], 0) / X.length),
  db: r.reduce((s, v) => s + v, 0) / X.length,
});

/** Hidden cases of `logisticGradient`. */
export default cases<typeof logisticGradient>([
  {
    id: "random-x-of-varying-shape-labels-w-and-b",
    name: "random X of varying shape [N, D], 0/1 labels, w and b",
    points: 3.25,
    args: (r) => {
      const { n, d } = size(r, [2, 30], [1, 6]);
      return [randomMatrix(r, n, d), labels(r, n), randomVector(r, d), r.normal()];
    },
  },
  {
    id: "from-zero-every-p-is-one-half",
    name: "from w = 0, b = 0 every p is ½: dW = (1/N) Xᵀ(½ − y)",
    points: 1,
    args: (r) => {
      const { n, d } = size(r, [3, 20], [1, 4]);
      const { X, y } = logisticData(r, n, d);
      return [X, y, new Array(d).fill(0), 0];
    },
    expect: (X, y) => averaged(X, y.map((v) => 0.5 - v)),
  },
  {
    id: "finite-at-logits-of-1e4",
    name: "finite and exact when the logits reach ±1e4 (σ is exactly 0 or 1 there)",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [4, 20], [1, 3]);
      const X = randomMatrix(r, n, d);
      return [
        X,
        labels(r, n),
        randomVector(r, d).map((v) => 4e3 * v),
        (r.next() < 0.5 ? -1 : 1) * 1e4,
      ];
    },
    property: "finite",
  },
  {
    id: "a-single-sample-with-several-features",
    name: "a single sample (N = 1) with several features",
    points: 1,
    args: (r) => {
      const d = 2 + r.int(4);
      return [randomMatrix(r, 1, d), [r.next() < 0.5 ? 0 : 1], randomVector(r, d), r.normal()];
    },
  },
  {
    id: "data-from-a-logistic-model-n-300",
    name: "data drawn from a logistic model (N = 300), near its true weights",
    points: 1,
    args: (r) => {
      const d = 1 + r.int(4);
      const { X, y } = logisticData(r, 300, d);
      return [X, y, randomVector(r, d), r.normal()];
    },
  },
  {
    id: "throws-a-rangeerror-when-x-and-y-differ-in-length",
    name: "throws a RangeError when X and y differ in length",
    points: 1,
    args: (r) => [randomMatrix(r, 3, 2), labels(r, 4), [0, 0], 0],
    throws: "RangeError",
  },
  // Each bad input is a case of its own, posed on every attempt (the case that drew an empty X or
  // a w too long at random let an implementation missing one check through on half the attempts).
  {
    id: "throws-a-rangeerror-when-w-does-not-match-the-rows",
    name: "throws a RangeError when w is not as long as the rows of X",
    points: 0.25,
    args: (r) => [randomMatrix(r, 3, 2), labels(r, 3), [0, 0, 0], 0],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-an-x-without-rows",
    name: "throws a RangeError for an X without rows (and an empty y)",
    points: 0.25,
    args: () => [[], [], [0], 0],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-a-later-row-does-not-match-w",
    name: "throws a RangeError when a row of X other than the first is not as long as w",
    points: 0.25,
    args: (r) => {
      const d = 2 + r.int(3);
      const X = randomMatrix(r, 4, d);
      X[1 + r.int(3)].push(r.normal());
      return [X, labels(r, 4), randomVector(r, d), 0];
    },
    throws: "RangeError",
  },
]);
