import type { maxStableLearningRate } from "../../../exercises/02_gradient_descent/lr_bound.ts";
import { cases } from "../../define.ts";
import { randomMatrix, randomVector } from "../../../lib/random.ts";
import { scaledMatrix } from "../_hidden.ts";

/** Hidden cases of `maxStableLearningRate`. */
export default cases<typeof maxStableLearningRate>([
  {
    id: "of-the-article-s-x-1-4",
    name: "maxStableLearningRate() of the article's x = 1..4",
    points: 2,
    args: () => [[[1], [2], [3], [4]]],
  },
  {
    id: "of-one-random-feature-n-3-30",
    name: "maxStableLearningRate() of one random feature, N = 3…30",
    points: 2,
    args: (r) => [scaledMatrix(r, 3 + r.int(28), 1)],
  },
  {
    id: "of-several-features-on-different-scales-x-of-shape-n-d",
    name: "maxStableLearningRate() of several features on different scales, X of shape [N, D]",
    points: 3,
    args: (r) => {
      const D = 2 + r.int(5);
      return [scaledMatrix(r, D + 5 + r.int(30), D)];
    },
  },
  {
    id: "of-a-single-sample-n-1",
    name: "maxStableLearningRate() of a single sample (N = 1)",
    points: 1,
    args: (r) => [randomMatrix(r, 1, 1 + r.int(5))],
  },
  {
    id: "throws-a-rangeerror-for-an-x-without-rows",
    name: "maxStableLearningRate() throws a RangeError for an X without rows",
    points: 1,
    args: () => [[]],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-the-rows-differ-in-length",
    name: "maxStableLearningRate() throws a RangeError when the rows differ in length",
    points: 1,
    args: (r) => [[randomVector(r, 2), randomVector(r, 3), randomVector(r, 2)]],
    throws: "RangeError",
  },
]);
