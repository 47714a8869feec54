/**
 * Known-wrong variants for lesson 02, first part: the MSE gradient, batch,
 * stochastic and mini-batch gradient descent, and the numerical gradient
 * (see the catalogue in the curriculum). Each variant is written out here,
 * not derived from the solutions, so the catalogue ships without them.
 *
 * @module
 */
import type { Catalogue } from "./types.ts";
import { rng } from "../../lib/random.ts";

type M = number[][];
type V = number[];
interface Options {
  learningRate: number;
  epochs: number;
  batchSize?: number;
  seed?: number;
}
interface GradientKnobs {
  sign?: number;
  factor?: number;
  bias?: boolean;
}

const predict = (X: M, w: V, b: number): V =>
  X.map((row) => row.reduce((s, x, j) => s + x * w[j], b));

const mse = (X: M, y: V, w: V, b: number): number =>
  predict(X, w, b).reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / y.length;

/** The MSE gradient, with knobs that turn it into the wrong versions. */
function gradient(X: M, y: V, w: V, b: number, knobs: GradientKnobs = {}): { dW: V; db: number } {
  const { sign = 1, factor = 2, bias = true } = knobs;
  const yHat = predict(X, w, b); // [N]
  const g = yHat.map((p, i) => (sign * factor * (p - y[i])) / X.length); // [N]
  const dW = w.map((_, j) => X.reduce((s, row, i) => s + row[j] * g[i], 0)); // [D]
  return { dW, db: bias ? g.reduce((s, x) => s + x, 0) : 0 };
}

/**
 * Gradient descent from zero; `batchesOf(epoch)` lists that epoch's batches
 * of row indices, one step per batch, and `step` is the factor on each gradient.
 */
function train(
  X: M,
  y: V,
  step: number,
  epochs: number,
  batchesOf: (epoch: number) => number[][],
): { w: V; b: number; losses: V } {
  let w: V = new Array(X[0].length).fill(0); // [D]
  let b = 0;
  const losses = [mse(X, y, w, b)];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of batchesOf(epoch)) {
      const { dW, db } = gradient(batch.map((i) => X[i]), batch.map((i) => y[i]), w, b);
      w = w.map((wj, j) => wj - step * dW[j]);
      b -= step * db;
    }
    losses.push(mse(X, y, w, b));
  }
  return { w, b, losses };
}

const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

const chunks = (order: number[], size: number, keepLast: boolean): number[][] => {
  // The variants share the correct check, so the diagnosis never loops forever.
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Bad batchSize: ${size}`);
  const out: number[][] = [];
  for (let s = 0; s < order.length; s += size) {
    if (keepLast || s + size <= order.length) out.push(order.slice(s, s + size));
  }
  return out;
};

const singles = (order: number[]): number[][] => order.map((i) => [i]);

// Probes: small, with both signs, N not a multiple of the batch size, ≥ 2 epochs.
const X5: M = [[1, 2], [3, -1], [0, 1], [-2, 0.5], [1, 1]]; // [5, 2]
const Y5: V = [1, 0, 2, -1, 3];

/** Lesson 02's catalogue, first part. */
export const CATALOGUE: Catalogue = {
  mse_gradient: {
    probes: [[X5, Y5, [0.5, -0.5], 0.25], [[[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0]],
    variants: [
      {
        id: "mse_gradient.sign_flipped",
        section: "the-gradient-of-the-mse",
        fn: (X: M, y: V, w: V, b: number) => gradient(X, y, w, b, { sign: -1 }),
      },
      {
        id: "mse_gradient.no_factor_2",
        section: "the-gradient-of-the-mse",
        fn: (X: M, y: V, w: V, b: number) => gradient(X, y, w, b, { factor: 1 }),
      },
      {
        id: "mse_gradient.no_bias_gradient",
        section: "the-gradient-of-the-mse",
        fn: (X: M, y: V, w: V, b: number) => gradient(X, y, w, b, { bias: false }),
      },
    ],
  },
  batch_gd: {
    probes: [[X5, Y5, { learningRate: 0.05, epochs: 3 }]],
    variants: [
      {
        id: "batch_gd.lr_squared",
        section: "batch-gradient-descent",
        // The step α·∇J with α applied once more: α²·∇J.
        fn: (X: M, y: V, o: Options) =>
          train(X, y, o.learningRate ** 2, o.epochs, () => [indices(X.length)]),
      },
    ],
  },
  sgd: {
    probes: [[X5, Y5, { learningRate: 0.05, epochs: 3, seed: 5 }]],
    variants: [
      {
        id: "sgd.shuffle_once",
        section: "stochastic-gradient-descent",
        fn: (X: M, y: V, o: Options) => {
          const order = rng(o.seed ?? 0).shuffle(indices(X.length));
          return train(X, y, o.learningRate, o.epochs, () => singles(order));
        },
      },
      {
        id: "sgd.no_shuffle",
        section: "stochastic-gradient-descent",
        fn: (X: M, y: V, o: Options) =>
          train(X, y, o.learningRate, o.epochs, () => singles(indices(X.length))),
      },
    ],
  },
  minibatch_gd: {
    probes: [[X5, Y5, { learningRate: 0.1, epochs: 3, batchSize: 2, seed: 7 }]],
    variants: [
      {
        id: "minibatch_gd.drops_last_batch",
        section: "mini-batch-gradient-descent",
        fn: (X: M, y: V, o: Options) => {
          const r = rng(o.seed ?? 0);
          return train(
            X,
            y,
            o.learningRate,
            o.epochs,
            () => chunks(r.shuffle(indices(X.length)), o.batchSize ?? 1, false),
          );
        },
      },
      {
        id: "minibatch_gd.shuffle_once",
        section: "mini-batch-gradient-descent",
        fn: (X: M, y: V, o: Options) => {
          const order = rng(o.seed ?? 0).shuffle(indices(X.length));
          return train(X, y, o.learningRate, o.epochs, () => chunks(order, o.batchSize ?? 1, true));
        },
      },
    ],
  },
  numerical_gradient: {
    probes: [
      [{ $fn: "quadratic", params: [1, 2] }, [0.5, -1, 2], 1e-3],
      [{ $fn: "wavy", params: [2, 0.5] }, [0.3, -0.7], 1e-3],
    ],
    variants: [
      {
        id: "numerical_gradient.one_sided",
        section: "checking-a-gradient",
        fn: (f: (theta: V) => number, theta: V, eps = 1e-5) =>
          theta.map((_, i) => {
            const plus = theta.slice();
            plus[i] += eps;
            return (f(plus) - f(theta)) / eps;
          }),
      },
    ],
  },
};
