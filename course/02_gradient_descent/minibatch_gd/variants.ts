import type { miniBatchGradientDescent } from "../../../exercises/02_gradient_descent/minibatch_gd.ts";
import { variants } from "../../define.ts";
import { rng } from "../../../lib/random.ts";
import { chunks, indices, type M, type Options, train, type V, X5, Y5 } from "../_variants.ts";

/** Known-wrong variants of `miniBatchGradientDescent`. */
export default variants<typeof miniBatchGradientDescent>({
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
});
