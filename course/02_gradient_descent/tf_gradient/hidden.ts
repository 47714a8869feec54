import type { tfGradient } from "../../../exercises/02_gradient_descent/tf_gradient.ts";
import { cases } from "../../define.ts";
import { randomMatrix, randomVector } from "../../../lib/random.ts";
import { exactGradient, F32, type V } from "../_hidden.ts";

/** Hidden cases of `tfGradient`. */
export default cases<typeof tfGradient>([
  {
    id: "on-the-article-s-data-x-1-4-y-2x-at-w-0-b-0",
    name: "tfGradient() on the article's data x = 1..4, y = 2x, at w = 0, b = 0",
    points: 1,
    args: () => [[[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0],
    expect: exactGradient,
    tol: F32,
  },
  {
    id: "of-a-single-sample-with-a-single-feature",
    name: "tfGradient() of a single sample with a single feature",
    points: 2,
    args: (r) => [randomMatrix(r, 1, 1), randomVector(r, 1), randomVector(r, 1), r.normal()],
    expect: exactGradient,
    tol: F32,
  },
  {
    id: "on-random-x-of-a-random-shape-n-d",
    name: "tfGradient() on random X of a random shape [N, D]",
    points: 1.25,
    args: (r) => {
      const N = 5 + r.int(20);
      const D = 1 + r.int(6);
      return [randomMatrix(r, N, D), randomVector(r, N), randomVector(r, D), r.normal()];
    },
    expect: exactGradient,
    tol: F32,
  },
  {
    id: "is-zero-at-a-perfect-fit",
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
    id: "throws-a-rangeerror-when-y-and-x-differ-in-length",
    name: "tfGradient() throws a RangeError when y and X differ in length",
    points: 2,
    args: (r) => {
      const N = 2 + r.int(5);
      return [randomMatrix(r, N, 2), randomVector(r, N + 1), [0, 0], 0];
    },
    throws: "RangeError",
  },
  // The other documented bad shapes, a quarter point each.
  {
    id: "throws-a-rangeerror-for-an-x-without-rows",
    name: "tfGradient() throws a RangeError for an X without rows (and an empty y)",
    points: 0.25,
    args: (r) => [[], [], randomVector(r, 1 + r.int(3)), r.normal()],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-the-rows-are-longer-than-w",
    name: "tfGradient() throws a RangeError when every row of X has one value more than w",
    points: 0.25,
    args: (r) => {
      const N = 2 + r.int(5);
      const D = 1 + r.int(3);
      return [randomMatrix(r, N, D + 1), randomVector(r, N), randomVector(r, D), 0];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-a-later-row-is-not-as-long-as-w",
    name:
      "tfGradient() throws a RangeError when a row of X other than the first is not as long as w",
    points: 0.25,
    args: (r) => {
      const N = 3 + r.int(4);
      const D = 2 + r.int(3);
      const X = randomMatrix(r, N, D);
      X[1 + r.int(N - 1)].pop();
      return [X, randomVector(r, N), randomVector(r, D), 0];
    },
    throws: "RangeError",
  },
  {
    id: "leaks-no-tensors",
    name: "tfGradient() leaves no tensor alive after it returns (tf.tidy)",
    points: 2,
    property: "no-leaks",
    args: (r) => {
      const N = 3 + r.int(20);
      const D = 1 + r.int(4);
      return [randomMatrix(r, N, D), randomVector(r, N), randomVector(r, D), r.normal()];
    },
    tol: F32,
  },
]);
