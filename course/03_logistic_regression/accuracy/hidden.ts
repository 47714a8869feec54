import type { accuracy } from "../../../exercises/03_logistic_regression/accuracy.ts";
import { cases } from "../../define.ts";
import { labels, type V } from "../_hidden.ts";
import type { Rng } from "../../../lib/random.ts";

/** Probabilities in [0, 1], shape [n], with a few exactly 0 and 1. */
const probabilities = (r: Rng, n: number): V =>
  Array.from({ length: n }, (_, i) => (i % 7 === 0 ? (i % 2 ? 1 : 0) : r.next()));

/** Hidden cases of `accuracy`. */
export default cases<typeof accuracy>([
  {
    id: "random-probabilities-and-labels",
    name: "accuracy() of random probabilities and 0/1 labels, default threshold",
    points: 2.75,
    args: (r) => {
      const n = 3 + r.int(40);
      return [probabilities(r, n), labels(r, n)];
    },
  },
  {
    id: "a-threshold-other-than-one-half",
    name:
      "accuracy() with a threshold between 0.1 and 0.35 or 0.65 and 0.9, some probabilities lying between it and ½",
    points: 2,
    args: (r) => {
      const n = 10 + r.int(40);
      const t = r.next() < 0.5 ? r.uniform(0.1, 0.35) : r.uniform(0.65, 0.9);
      const p = probabilities(r, n);
      // Where t and ½ disagree: a rule that rounds at ½ whatever t is gets these wrong.
      p[1] = (t + 0.5) / 2;
      p[2] = t + (0.5 - t) / 4;
      // Between t and ½ the label is what t says, so no mistake there can offset another.
      const y = labels(r, n).map((l, i) =>
        p[i] >= Math.min(t, 0.5) && p[i] < Math.max(t, 0.5) ? (p[i] >= t ? 1 : 0) : l
      );
      return [p, y, t];
    },
  },
  {
    id: "probabilities-equal-to-the-threshold-count-as-class-1",
    name: "accuracy(): a probability exactly equal to the threshold counts as class 1",
    points: 1,
    args: (r) => {
      const t = [0.5, 0.25, 0.75][r.int(3)];
      const n = 4 + r.int(10);
      return [Array(n).fill(t), labels(r, n), t];
    },
    property: "ties",
  },
  {
    id: "thresholds-0-and-1",
    name: "accuracy() with t = 0 (everything is class 1) and t = 1 (only p = 1 is)",
    points: 1,
    args: (r) => {
      const n = 6 + r.int(10);
      return [probabilities(r, n), labels(r, n), r.next() < 0.5 ? 0 : 1];
    },
  },
  {
    id: "all-right-is-1-all-wrong-is-0",
    name: "accuracy() is 1 when every sample is right and 0 when every one is wrong",
    points: 1,
    args: (r) => {
      const y = labels(r, 5 + r.int(10));
      const flip = r.next() < 0.5;
      return [y.map((v) => (v === (flip ? 0 : 1) ? r.uniform(0.6, 1) : r.uniform(0, 0.4))), y];
    },
  },
  {
    id: "of-2-000-samples",
    name: "accuracy() of 2 000 samples is a fraction, not a count",
    points: 1,
    args: (r) => [probabilities(r, 2_000), labels(r, 2_000)],
  },
  // Each bad input is a case of its own, posed on every attempt (a case that drew one of two at
  // random let an implementation missing one check through on half the attempts). A quarter
  // point each.
  {
    id: "throws-a-rangeerror-when-the-lengths-differ",
    name: "accuracy() throws a RangeError when p and y differ in length",
    points: 0.25,
    args: (r) => [probabilities(r, 4), labels(r, 5 + r.int(3))],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-empty-vectors",
    name: "accuracy() throws a RangeError for empty p and y",
    points: 0.25,
    args: () => [[], []],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-a-threshold-below-0",
    name: "accuracy() throws a RangeError for a threshold below 0",
    points: 0.25,
    args: (r) => [probabilities(r, 4), labels(r, 4), -r.uniform(0.05, 1)],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-a-threshold-above-1",
    name: "accuracy() throws a RangeError for a threshold above 1",
    points: 0.25,
    args: (r) => [probabilities(r, 4), labels(r, 4), 1 + r.uniform(0.05, 1)],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-a-nan-threshold",
    name: "accuracy() throws a RangeError for a threshold that is NaN (it is not in [0, 1])",
    points: 0.25,
    args: (r) => [probabilities(r, 4), labels(r, 4), NaN],
    throws: "RangeError",
  },
]);
