import type { predict } from "../../../exercises/01_linear_regression/predict.ts";
import { cases } from "../../define.ts";
import { randomMatrix, randomVector } from "../../../lib/random.ts";
import { bias, type M, type V } from "../_hidden.ts";

/** Hidden cases of `predict`. */
export default cases<typeof predict>([
  {
    id: "on-a-random-x-of-a-random-shape-n-d",
    name: "predict() on a random X of a random shape [N, D]",
    points: 3,
    args: (r) => {
      const N = 2 + r.int(30);
      const D = 1 + r.int(6);
      return [randomMatrix(r, N, D), randomVector(r, D), bias(r)];
    },
  },
  {
    id: "of-a-single-sample-x-of-shape-1-d",
    name: "predict() of a single sample, X of shape [1, D]",
    points: 1,
    args: (r) => {
      const D = 2 + r.int(5);
      return [randomMatrix(r, 1, D), randomVector(r, D), bias(r)];
    },
  },
  {
    id: "with-all-weights-0-returns-b-for-every-sample",
    name: "predict() with all weights 0 returns b for every sample",
    points: 1,
    args: (r) => {
      const N = 3 + r.int(10);
      return [randomMatrix(r, N, 2), [0, 0], bias(r)];
    },
    expect: (X, _w, b) => (X as M).map(() => b as number),
  },
  {
    id: "with-a-large-bias",
    name: "predict() with a large bias",
    points: 1,
    args: (r) => [randomMatrix(r, 5, 3), randomVector(r, 3), 1000 * bias(r)],
  },
  {
    id: "of-a-tall-x-n-d",
    name: "predict() of a tall X, N ≫ D",
    points: 2,
    args: (r) => [randomMatrix(r, 200 + r.int(100), 2), randomVector(r, 2), bias(r)],
  },
  {
    id: "of-the-identity-matrix-returns-w-b",
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
    id: "of-no-samples-returns-an-empty-array",
    name: "predict() of no samples returns an empty array",
    points: 1,
    args: (r) => [[], randomVector(r, 3), bias(r)],
    expect: () => [],
  },
]);
