import type { miniBatchGradientDescent } from "../../../exercises/02_gradient_descent/minibatch_gd.ts";
import { cases } from "../../define.ts";
import { batchGradientDescent } from "../../../solutions/02_gradient_descent/batch_gd.ts";
import { stochasticGradientDescent } from "../../../solutions/02_gradient_descent/sgd.ts";
import { miniBatchGradientDescent as reference } from "../../../solutions/02_gradient_descent/minibatch_gd.ts";

import { fallsTo, linearData, type M, size, type V } from "../_hidden.ts";

/** Hidden cases of `miniBatchGradientDescent`. */
export default cases<typeof miniBatchGradientDescent>([
  {
    id: "batchsize-n-one-full-batch-step-per-epoch-as-batch-gradient",
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
    id: "batchsize-1-the-same-run-as-stochastic-gradient-descent-with",
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
    id: "random-data-n-d-with-a-batchsize-that-does-not-divide-n",
    name: "random data [N, D] with a batchSize that does not divide N",
    points: 2.75,
    args: (r) => {
      const batchSize = 2 + r.int(4);
      const n = batchSize * (2 + r.int(4)) + 1 + r.int(batchSize - 1);
      const { X, y } = linearData(r, n, 1 + r.int(4), 0.3);
      return [X, y, { learningRate: 0.05, epochs: 2 + r.int(5), batchSize, seed: r.int(1e6) }];
    },
  },
  {
    id: "the-last-batch-holds-a-single-sample",
    name: "the last batch holds a single sample",
    points: 1,
    args: (r) => {
      const batchSize = 3 + r.int(3);
      const { X, y } = linearData(r, 2 * batchSize + 1, 2, 0.3);
      return [X, y, { learningRate: 0.05, epochs: 3, batchSize, seed: r.int(1e6) }];
    },
  },
  {
    id: "the-loss-falls-below-1-of-the-start-in-100-epochs-noiseless",
    name: "the loss falls below 1% of the start in 100 epochs (noiseless data)",
    points: 1,
    args: (r) => {
      const { n, d } = size(r, [10, 30], [1, 3]);
      const { X, y } = linearData(r, n, d, 0);
      return [X, y, { learningRate: 0.05, epochs: 100, batchSize: 4, seed: r.int(1e6) }];
    },
    check: fallsTo(0.01),
    // The values too: a closed-form fit falls as low without a single step of descent.
    expect: reference,
  },
  {
    id: "throws-a-rangeerror-for-batchsize-0",
    name: "throws a RangeError for batchSize 0",
    points: 1,
    args: (r) => {
      const { X, y } = linearData(r, 4, 1, 0);
      return [X, y, { learningRate: 0.1, epochs: 1, batchSize: 0, seed: 0 }];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-a-fractional-batchsize",
    name: "throws a RangeError for a batchSize that is not an integer (1.5, 2.5 or 3.5)",
    points: 0.25,
    args: (r) => {
      const { X, y } = linearData(r, 6, 1, 0);
      return [X, y, { learningRate: 0.1, epochs: 1, batchSize: 1.5 + r.int(3), seed: 0 }];
    },
    throws: "RangeError",
  },
]);
