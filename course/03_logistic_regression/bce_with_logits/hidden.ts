import type { bceWithLogits } from "../../../exercises/03_logistic_regression/bce_with_logits.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { extremeLogits, labels, type V } from "../_hidden.ts";

/** −mean(y log p + (1 − y) log(1 − p)), the textbook form: fine while |z| is moderate. */
const textbook = (z: V, y: V): number =>
  -z.reduce((s, zi, i) => {
    const p = 1 / (1 + Math.exp(-zi));
    return s + y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
  }, 0) / z.length;

/** Hidden cases of `bceWithLogits`. */
export default cases<typeof bceWithLogits>([
  {
    id: "random-logits-and-labels-of-a-random-length",
    name: "bceWithLogits() of random logits and 0/1 labels of a random length",
    points: 1,
    args: (r) => {
      const n = 1 + r.int(40);
      return [randomVector(r, n).map((v) => 3 * v), labels(r, n)];
    },
  },
  {
    id: "agrees-with-the-textbook-formula-for-moderate-logits",
    name: "bceWithLogits() agrees with −mean(y log σ(z) + (1 − y) log(1 − σ(z))) for |z| < 8",
    points: 1,
    args: (r) => {
      const n = 5 + r.int(20);
      return [Array.from({ length: n }, () => r.uniform(-8, 8)), labels(r, n)];
    },
    expect: (z, y) => textbook(z, y),
  },
  {
    id: "exact-at-z-1e4-with-labels-exactly-0-and-1",
    name: "bceWithLogits() is finite and exact at |z| up to 1e4, with labels exactly 0 and 1",
    points: 2,
    args: (r) => {
      const n = 6 + r.int(20);
      return [extremeLogits(r, n), labels(r, n)];
    },
    property: "finite",
  },
  {
    id: "a-single-confident-mistake-costs-z",
    name: "bceWithLogits([−1e4], [1]) is 1e4 and bceWithLogits([1e4], [0]) too",
    points: 1,
    args: (r) => (r.next() < 0.5 ? [[-1e4], [1]] : [[1e4], [0]]),
    expect: () => 1e4,
    property: "finite",
  },
  {
    id: "all-labels-0-or-all-labels-1",
    name: "bceWithLogits() when every label is 0, or every label is 1",
    points: 1,
    args: (r) => {
      const n = 3 + r.int(10);
      return [randomVector(r, n).map((v) => 5 * v), Array(n).fill(r.next() < 0.5 ? 0 : 1)];
    },
  },
  {
    id: "of-logits-0-is-log-2",
    name: "bceWithLogits() of all-zero logits is log 2",
    points: 1,
    args: (r) => {
      const n = 2 + r.int(10);
      return [Array(n).fill(0), labels(r, n)];
    },
    expect: () => Math.LN2,
  },
  {
    id: "of-2-000-samples-is-still-a-mean",
    name: "bceWithLogits() of 2 000 samples is still a mean, not a sum",
    points: 1,
    args: (r) => [randomVector(r, 2_000), labels(r, 2_000)],
  },
  {
    id: "throws-a-rangeerror-when-the-lengths-differ",
    name: "bceWithLogits() throws a RangeError when z and y differ in length",
    points: 1,
    args: (r) => {
      const n = 2 + r.int(10);
      return [randomVector(r, n), labels(r, n + 1 + r.int(3))];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-empty-vectors",
    name: "bceWithLogits() throws a RangeError for empty vectors",
    points: 1,
    args: () => [[], []],
    throws: "RangeError",
  },
]);
