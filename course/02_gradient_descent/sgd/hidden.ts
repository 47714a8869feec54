import type { stochasticGradientDescent } from "../../../exercises/02_gradient_descent/sgd.ts";
import { cases } from "../../define.ts";
import { stochasticGradientDescent as reference } from "../../../solutions/02_gradient_descent/sgd.ts";
import { fallsTo, linearData, SEED_X, SEED_Y, size } from "../_hidden.ts";

/** Hidden cases of `stochasticGradientDescent`. */
export default cases<typeof stochasticGradientDescent>([
  {
    id: "0-epochs-the-starting-point-and-one-loss",
    name: "0 epochs: the starting point and one loss",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 5, 2, 0.1);
      return [X, y, { learningRate: 0.05, epochs: 0, seed: r.int(1e6) }];
    },
  },
  {
    id: "one-sample-one-epoch-a-single-per-sample-step",
    name: "one sample, one epoch: a single per-sample step",
    points: 1,
    args: (r) => [[[r.uniform(-1, 1), r.uniform(-1, 1)]], [r.normal()], {
      learningRate: 0.1,
      epochs: 1,
      seed: r.int(1e6),
    }],
  },
  {
    id: "the-seed-s-data-4-epochs-a-random-seed",
    name: "the seed's data, 4 epochs, a random seed",
    points: 2,
    args: (r) => [SEED_X, SEED_Y, { learningRate: 0.02, epochs: 4, seed: r.int(1e6) }],
  },
  {
    id: "random-data-of-varying-shape-n-d-several-epochs-a-random-see",
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
    id: "the-loss-falls-below-0-1-of-the-start-in-100-epochs-noiseles",
    name: "the loss falls below 0.1% of the start in 100 epochs (noiseless data)",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [10, 30], [1, 3]);
      const { X, y } = linearData(r, n, d, 0);
      return [X, y, { learningRate: 0.02, epochs: 100, seed: r.int(1e6) }];
    },
    check: fallsTo(0.001),
    // The values too: a closed-form fit falls as low without a single step of descent.
    expect: reference,
  },
  {
    id: "two-samples-many-epochs",
    name: "two samples, many epochs",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 2, 1, 0.5);
      return [X, y, { learningRate: 0.05, epochs: 12, seed: r.int(1e6) }];
    },
  },
]);
