import type { mse } from "../../../exercises/01_linear_regression/mse.ts";
import { cases } from "../../define.ts";
import { dotPow, mean, subtract } from "mathjs";
import { randomVector } from "../../../lib/random.ts";
import { type V } from "../_hidden.ts";

/** Hidden cases of `mse`. */
export default cases<typeof mse>([
  {
    id: "of-random-vectors-of-a-random-length",
    name: "mse() of random vectors of a random length",
    points: 2,
    args: (r) => {
      const N = 2 + r.int(50);
      return [randomVector(r, N), randomVector(r, N)];
    },
  },
  {
    id: "agrees-with-mathjs-mean-y",
    name: "mse() agrees with mathjs: mean((ŷ − y)²)",
    points: 2,
    args: (r) => {
      const N = 5 + r.int(20);
      return [randomVector(r, N).map((v) => 3 * v + 1), randomVector(r, N)];
    },
    expect: (yHat, y) => mean(dotPow(subtract(yHat as V, y as V), 2) as V),
  },
  {
    id: "of-a-single-pair-is-the-squared-difference",
    name: "mse() of a single pair is the squared difference",
    points: 1,
    args: (r) => [[r.normal()], [r.normal()]],
    expect: (yHat, y) => ((yHat as V)[0] - (y as V)[0]) ** 2,
  },
  {
    id: "is-0-when-equals-y",
    name: "mse() is 0 when ŷ equals y",
    points: 1,
    args: (r) => {
      const y = randomVector(r, 4 + r.int(10));
      return [[...y], y];
    },
    expect: () => 0,
  },
  {
    id: "of-errors-that-are-all-c-is-c",
    name: "mse() of errors that are all c is c²",
    points: 1,
    args: (r) => {
      const c = r.uniform(0.2, 3);
      const y = randomVector(r, 3 + r.int(20));
      return [y.map((v) => v + c), y];
    },
    expect: (yHat, y) => ((yHat as V)[0] - (y as V)[0]) ** 2,
  },
  {
    id: "of-2-000-samples-is-still-a-mean-not-a-sum",
    name: "mse() of 2 000 samples is still a mean, not a sum",
    points: 1,
    args: (r) => [randomVector(r, 2_000), randomVector(r, 2_000)],
  },
  {
    id: "throws-a-rangeerror-when-and-y-differ-in-length",
    name: "mse() throws a RangeError when ŷ and y differ in length",
    points: 1,
    args: (r) => {
      const N = 2 + r.int(10);
      return [randomVector(r, N), randomVector(r, N + 1 + r.int(3))];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-empty-vectors",
    name: "mse() throws a RangeError for empty vectors",
    points: 1,
    args: () => [[], []],
    throws: "RangeError",
  },
]);
