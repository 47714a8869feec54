import type { stochasticGradientDescent } from "../../../exercises/02_gradient_descent/sgd.ts";
import { variants } from "../../define.ts";
import { rng } from "../../../lib/random.ts";
import { indices, type M, type Options, singles, train, type V, X5, Y5 } from "../_variants.ts";

/** Known-wrong variants of `stochasticGradientDescent`. */
export default variants<typeof stochasticGradientDescent>({
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
      id: "sgd.full_batch_gradient",
      section: "stochastic-gradient-descent",
      // One step per sample, as SGD takes, but each along the gradient of the whole data set.
      fn: (X: M, y: V, o: Options) => {
        const r = rng(o.seed ?? 0);
        return train(X, y, o.learningRate, o.epochs, () => {
          r.shuffle(indices(X.length)); // the same draws as the solution, for the same seed
          return indices(X.length).map(() => indices(X.length));
        });
      },
    },
    {
      id: "sgd.no_shuffle",
      section: "stochastic-gradient-descent",
      fn: (X: M, y: V, o: Options) =>
        train(X, y, o.learningRate, o.epochs, () => singles(indices(X.length))),
    },
  ],
});
