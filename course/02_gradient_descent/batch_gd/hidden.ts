import type { batchGradientDescent } from "../../../exercises/02_gradient_descent/batch_gd.ts";
import { cases } from "../../define.ts";
import { fallsTo, linearData, SEED_X, SEED_Y, size } from "../_hidden.ts";
import { lossDiverges } from "../../../grader/checks.ts";
import { batchGradientDescent as reference } from "../../../solutions/02_gradient_descent/batch_gd.ts";

/** Hidden cases of `batchGradientDescent`. */
export default cases<typeof batchGradientDescent>([
  {
    id: "0-epochs-the-starting-point-and-one-loss",
    name: "0 epochs: the starting point and one loss",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 6, 2, 0.1);
      return [X, y, { learningRate: 0.1, epochs: 0 }];
    },
  },
  {
    id: "one-epoch-on-the-seed-s-data-with-0-1",
    name: "one epoch on the seed's data with α = 0.1",
    points: 1,
    args: () => [SEED_X, SEED_Y, { learningRate: 0.1, epochs: 1 }],
  },
  {
    id: "random-data-of-varying-shape-n-d-40-epochs",
    name: "random data of varying shape [N, D], 40 epochs",
    points: 3,
    args: (r) => {
      const { n, d } = size(r, [2, 25], [1, 4]);
      const { X, y } = linearData(r, n, d, 0.3);
      return [X, y, { learningRate: 0.02 + 0.06 * r.next(), epochs: 40 }];
    },
  },
  {
    id: "the-loss-falls-below-1-of-the-start-in-300-epochs-noiseless",
    name: "the loss falls below 1% of the start in 300 epochs (noiseless data, α = 0.1)",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [20, 40], [1, 3]);
      const { X, y } = linearData(r, n, d, 0);
      return [X, y, { learningRate: 0.1, epochs: 300 }];
    },
    check: fallsTo(0.01),
    // The values too: a closed-form fit falls as low without a single step of descent.
    expect: reference,
  },
  {
    id: "0-5-on-the-seed-s-data-diverges-as-the-seed-s-own-program-do",
    name: "α = 0.5 on the seed's data diverges, as the seed's own program does",
    points: 2,
    args: () => [SEED_X, SEED_Y, { learningRate: 0.5, epochs: 30 }],
    // Recomputed from the returned w and b: made-up losses cannot pass.
    check: lossDiverges(1e6),
    // The values too: any far-away w and b would pass the check alone.
    expect: reference,
  },
  {
    id: "a-single-sample-n-1",
    name: "a single sample (N = 1)",
    points: 1,
    args: (r) => [[[r.uniform(0.5, 1.5)]], [r.normal()], { learningRate: 0.1, epochs: 5 }],
  },
]);
