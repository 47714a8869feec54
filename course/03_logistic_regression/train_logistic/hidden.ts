import type { trainLogistic } from "../../../exercises/03_logistic_regression/train_logistic.ts";
import { cases } from "../../define.ts";
import { randomMatrix } from "../../../lib/random.ts";
import { trainLogistic as reference } from "../../../solutions/03_logistic_regression/train_logistic.ts";
import { asFit, labels, logisticData, lossOf, type M, size, type V } from "../_hidden.ts";

type Options = { learningRate: number; epochs: number };

/**
 * A check that recomputes the loss from the returned w and b: it must be the
 * last reported loss and the reference run's final loss, and `losses` must
 * hold `epochs + 1` finite numbers.
 */
const honest = (got: unknown, [X, y, o]: [M, V, Options]): string | null => {
  const fit = asFit(got, X[0].length);
  if (typeof fit === "string") return fit;
  const { losses } = got as { losses?: unknown };
  if (!Array.isArray(losses) || losses.length !== o.epochs + 1) {
    return `expected ${o.epochs + 1} losses (one before the first epoch, one after each)`;
  }
  const actual = lossOf(X, y, fit.w, fit.b);
  if (!Number.isFinite(actual)) return `the returned w and b have a loss of ${actual}`;
  const last = losses[losses.length - 1] as number;
  if (Math.abs(last - actual) > 1e-9 * Math.max(1, actual)) {
    return `the last reported loss is ${last}, but the returned w and b have a loss of ${actual}`;
  }
  const want = reference(X, y, o).losses[o.epochs];
  if (Math.abs(actual - want) > 1e-6 * Math.max(1e-3, want)) {
    return `the returned w and b have a loss of ${actual}; ${o.epochs} epochs of gradient descent reach ${want}`;
  }
  return null;
};

/** Hidden cases of `trainLogistic`. */
export default cases<typeof trainLogistic>([
  {
    id: "0-epochs-the-start-and-one-loss",
    name: "0 epochs: w = 0, b = 0 and one loss, log 2",
    points: 1,
    args: (r) => {
      const { X, y } = logisticData(r, 6 + r.int(10), 1 + r.int(3));
      return [X, y, { learningRate: 0.3, epochs: 0 }];
    },
  },
  {
    id: "random-data-of-varying-shape-30-epochs",
    name: "random data of varying shape [N, D], 30 epochs: the same w, b and losses",
    points: 1.75,
    args: (r) => {
      const { n, d } = size(r, [4, 40], [1, 5]);
      const { X, y } = logisticData(r, n, d);
      return [X, y, { learningRate: 0.05 + 0.9 * r.next(), epochs: 30 }];
    },
  },
  {
    id: "the-returned-w-and-b-reach-the-reported-loss",
    name:
      "the loss recomputed from the returned w and b is the last one reported, and the right one",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [20, 80], [2, 4]);
      const { X, y } = logisticData(r, n, d);
      return [X, y, { learningRate: 0.5, epochs: 150 }];
    },
    check: honest,
    property: "consistent",
  },
  {
    id: "separable-data-the-loss-keeps-falling",
    name: "separable data, 300 epochs: the loss never rises and ends below a tenth of log 2",
    points: 2,
    args: (r) => {
      const { n, d } = size(r, [10, 40], [1, 3]);
      const X = randomMatrix(r, n, d);
      const y = X.map((row) => (row[0] > 0 ? 1 : 0)); // separable by the first feature
      // Keep a margin so the data stay separable with room to spare.
      const Xm = X.map((row) => [row[0] + (row[0] > 0 ? 0.5 : -0.5), ...row.slice(1)]);
      return [Xm, y, { learningRate: 1, epochs: 300 }];
    },
    check: (got, args) => {
      const bad = honest(got, args);
      if (bad) return bad;
      const { losses } = got as { losses: V };
      const k = losses.findIndex((l, i) => i > 0 && l > losses[i - 1] + 1e-12);
      if (k > 0) return `the loss rose at epoch ${k}: ${losses[k - 1]} → ${losses[k]}`;
      return losses[300] < 0.1 * Math.LN2 ? null : `the loss ended at ${losses[300]}`;
    },
  },
  {
    id: "stays-finite-when-the-logits-pass-1e4",
    name: "features of size 1e3 and a step of 5: the logits pass 1e4 and every loss stays finite",
    points: 1,
    args: (r) => {
      const n = 6 + r.int(10);
      const X = randomMatrix(r, n, 2).map((row) => row.map((v) => 1e3 * v));
      return [X, labels(r, n), { learningRate: 5, epochs: 4 }];
    },
  },
  {
    id: "labels-of-one-class-only",
    name: "every label 1 (or every label 0): the bias runs toward ±∞, finitely",
    points: 1,
    args: (r) => {
      const n = 3 + r.int(8);
      const { X } = logisticData(r, n, 2);
      return [X, Array(n).fill(r.next() < 0.5 ? 0 : 1), { learningRate: 1, epochs: 20 }];
    },
  },
  {
    id: "throws-a-rangeerror-when-x-and-y-differ-in-length",
    name: "throws a RangeError when X and y differ in length",
    points: 1,
    args: (r) => [randomMatrix(r, 3, 2), labels(r, 5), { learningRate: 0.1, epochs: 2 }],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-empty-x-and-y",
    name: "throws a RangeError for an X and a y without samples",
    points: 0.25,
    args: (r) => [[], [], { learningRate: 0.1, epochs: 1 + r.int(3) }],
    throws: "RangeError",
  },
]);
