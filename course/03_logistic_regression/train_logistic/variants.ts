import type { trainLogistic } from "../../../exercises/03_logistic_regression/train_logistic.ts";
import { variants } from "../../define.ts";
import { bce, gradientOf, logits, type M, sigma, type V, XP, YP } from "../_variants.ts";

type Options = { learningRate: number; epochs: number };

/**
 * Gradient descent from zero where `residual(z, y)` replaces σ(z) − y and
 * `factor` scales the gradient; the losses are the cross-entropy.
 */
function descend(
  X: M,
  y: V,
  o: Options,
  residual: (z: number, y: number) => number,
  factor = 1,
  recordStart = true,
): { w: V; b: number; losses: V } {
  if (X.length !== y.length || X.length === 0) throw new RangeError("Bad lengths");
  let w: V = new Array(X[0].length).fill(0); // [D]
  let b = 0;
  const losses = recordStart ? [bce(logits(X, w, b), y)] : [];
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const z = logits(X, w, b); // [N]
    const { dW, db } = gradientOf(X, z.map((zi, i) => residual(zi, y[i])), factor);
    w = w.map((wj, j) => wj - o.learningRate * dW[j]);
    b -= o.learningRate * db;
    losses.push(bce(logits(X, w, b), y));
  }
  return { w, b, losses };
}

/** Known-wrong variants of `trainLogistic`. */
export default variants<typeof trainLogistic>({
  probes: [[XP, YP, { learningRate: 0.5, epochs: 3 }]],
  variants: [
    {
      id: "train_logistic.mse_gradient",
      section: "the-gradient-of-the-cross-entropy",
      // Lesson 02's step: (2/N) Xᵀ(z − y), a least-squares line through the 0/1 labels.
      fn: (X: M, y: V, o: Options) => descend(X, y, o, (z, yi) => z - yi, 2),
    },
    {
      id: "train_logistic.threshold",
      section: "thresholds-come-after-the-loss",
      // The hard prediction 1[z ≥ 0] in place of σ(z): a perceptron-like step.
      fn: (X: M, y: V, o: Options) => descend(X, y, o, (z, yi) => (z >= 0 ? 1 : 0) - yi),
    },
    {
      id: "train_logistic.no_start_loss",
      section: "training",
      // Only the losses after each epoch: [epochs] instead of [epochs + 1].
      fn: (X: M, y: V, o: Options) => descend(X, y, o, (z, yi) => sigma(z) - yi, 1, false),
    },
  ],
});
