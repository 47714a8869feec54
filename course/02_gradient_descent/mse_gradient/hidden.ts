import type { mseGradient } from "../../../exercises/02_gradient_descent/mse_gradient.ts";
import { cases } from "../../define.ts";
import { randomMatrix, randomVector } from "../../../lib/random.ts";
import { SEED_X, SEED_Y, size } from "../_hidden.ts";

/** Hidden cases of `mseGradient`. */
export default cases<typeof mseGradient>([
  {
    id: "one-feature-from-zero-on-the-seed-s-data-x-1-4-y-2x",
    name: "one feature, from zero, on the seed's data x = [1..4], y = 2x",
    points: 1,
    args: () => [SEED_X, SEED_Y, [0], 0],
  },
  {
    id: "random-x-of-varying-shape-n-d-w-and-b",
    name: "random X of varying shape [N, D], w and b",
    points: 2.75,
    args: (r) => {
      const { n, d } = size(r, [2, 30], [1, 6]);
      return [randomMatrix(r, n, d), randomVector(r, n), randomVector(r, d), r.normal()];
    },
  },
  {
    id: "a-single-sample-n-1-with-several-features",
    name: "a single sample (N = 1) with several features",
    points: 1,
    args: (r) => {
      const d = 2 + r.int(4);
      return [randomMatrix(r, 1, d), [r.normal()], randomVector(r, d), r.normal()];
    },
  },
  {
    id: "targets-far-from-the-predictions-large-residuals-n-200",
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
    id: "zero-gradient-at-a-perfect-fit",
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
    id: "only-the-bias-is-off-dw-and-db-from-a-constant-residual",
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
    id: "throws-a-rangeerror-when-x-and-y-differ-in-length",
    name: "throws a RangeError when X and y differ in length",
    points: 1,
    args: (r) => [randomMatrix(r, 3, 2), randomVector(r, 4), [0, 0], 0],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-an-x-without-rows",
    name: "throws a RangeError for an X without rows (and an empty y)",
    points: 0.25,
    args: (r) => [[], [], randomVector(r, 1 + r.int(3)), r.normal()],
    throws: "RangeError",
  },
]);
