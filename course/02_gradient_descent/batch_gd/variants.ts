import type { batchGradientDescent } from "../../../exercises/02_gradient_descent/batch_gd.ts";
import { variants } from "../../define.ts";
import { indices, type M, type Options, train, type V, X5, Y5 } from "../_variants.ts";

/** Known-wrong variants of `batchGradientDescent`. */
export default variants<typeof batchGradientDescent>({
  probes: [[X5, Y5, { learningRate: 0.05, epochs: 3 }]],
  variants: [
    {
      id: "batch_gd.lr_squared",
      section: "batch-gradient-descent",
      // The step α·∇J with α applied once more: α²·∇J.
      fn: (X: M, y: V, o: Options) =>
        train(X, y, o.learningRate ** 2, o.epochs, () => [indices(X.length)]),
    },
    {
      id: "batch_gd.sign_flipped",
      section: "batch-gradient-descent",
      // θ + α∇J: a step uphill.
      fn: (X: M, y: V, o: Options) =>
        train(X, y, -o.learningRate, o.epochs, () => [indices(X.length)]),
    },
    {
      id: "batch_gd.no_start_loss",
      section: "batch-gradient-descent",
      // The loss after each epoch, but not the one before the first.
      fn: (X: M, y: V, o: Options) => {
        const run = train(X, y, o.learningRate, o.epochs, () => [indices(X.length)]);
        return { ...run, losses: run.losses.slice(1) };
      },
    },
  ],
});
