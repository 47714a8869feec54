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
  ],
});
