import type { rSquared } from "../../../exercises/01_linear_regression/r_squared.ts";
import { cases } from "../../define.ts";

import { randomVector } from "../../../lib/random.ts";
import { avg, dot, line, type V } from "../_hidden.ts";

/** Hidden cases of `rSquared`. */
export default cases<typeof rSquared>([
  {
    id: "of-random-predictions-of-a-random-length",
    name: "rSquared() of random predictions of a random length",
    points: 0.75,
    args: (r) => {
      const N = 3 + r.int(40);
      const y = randomVector(r, N);
      return [y.map((v) => 0.8 * v + 0.5 * r.normal()), y];
    },
  },
  {
    id: "of-a-least-squares-line-equals-the-squared-correlation-of-x",
    name: "rSquared() of a least-squares line equals the squared correlation of x and y",
    points: 1,
    args: (r) => {
      const x = randomVector(r, 10 + r.int(30));
      const y = x.map((v) => 2 * v + 1 + r.normal());
      const fit = line(x, y);
      return [x.map((v) => fit.w[0] * v + fit.b), y];
    },
    // ŷ is linear in x, so corr(x, y)² = corr(ŷ, y)².
    expect: (yHat, y) => {
      const a = (yHat as V).map((v) => v - avg(yHat as V));
      const b = (y as V).map((v) => v - avg(y as V));
      return dot(a, b) ** 2 / (dot(a, a) * dot(b, b));
    },
  },
  {
    id: "of-predicting-the-mean-of-y-for-every-sample-is-0",
    name: "rSquared() of predicting the mean of y for every sample is 0",
    points: 1,
    args: (r) => {
      const y = randomVector(r, 5 + r.int(20));
      return [y.map(() => avg(y)), y];
    },
    expect: () => 0,
  },
  {
    id: "of-2-y-is-1-9-8",
    name: "rSquared() of ŷ = ȳ − 2(y − ȳ) is 1 − 9 = −8",
    points: 1,
    args: (r) => {
      const y = randomVector(r, 5 + r.int(20));
      const m = avg(y);
      return [y.map((v) => m - 2 * (v - m)), y];
    },
    expect: () => -8,
  },
  {
    id: "of-a-constant-y-predicted-exactly-is-1",
    name: "rSquared() of a constant y predicted exactly is 1",
    points: 1,
    args: (r) => {
      const c = r.int(21) - 10; // an integer, so the mean of y is exactly c
      const y = Array(2 + r.int(10)).fill(c);
      return [[...y], y];
    },
    expect: () => 1,
  },
  {
    id: "of-a-constant-y-predicted-with-errors-is-0",
    name: "rSquared() of a constant y predicted with errors is 0",
    points: 1,
    args: (r) => {
      const c = r.int(21) - 10;
      const y = Array(3 + r.int(10)).fill(c);
      return [y.map((v) => v + r.normal()), y];
    },
    expect: () => 0,
  },
  {
    id: "does-not-depend-on-the-units-of-y-all-values-10",
    name: "rSquared() does not depend on the units of y (all values × 10⁴)",
    points: 1,
    args: (r) => {
      const y = randomVector(r, 10 + r.int(20)).map((v) => 1e4 * v);
      return [y.map((v) => v + 3e3 * r.normal()), y];
    },
  },
  {
    id: "throws-a-rangeerror-when-and-y-differ-in-length",
    name: "rSquared() throws a RangeError when ŷ and y differ in length",
    points: 1,
    args: (r) => [randomVector(r, 4), randomVector(r, 5 + r.int(4))],
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-for-empty-vectors",
    name: "rSquared() throws a RangeError for empty vectors",
    points: 0.25,
    args: () => [[], []],
    throws: "RangeError",
  },
  {
    id: "predictions-shifted-by-a-constant",
    name: "rSquared() of predictions shifted by a constant (the mean of ŷ is not ȳ)",
    points: 1,
    args: (r) => {
      const y = randomVector(r, 8 + r.int(20));
      const c = (r.next() < 0.5 ? -1 : 1) * r.uniform(0.5, 2);
      return [y.map((v) => v + c + 0.1 * r.normal()), y];
    },
  },
  {
    id: "constant-y-whose-mean-rounds",
    name:
      "rSquared() of a constant y of a non-integer value, predicted with errors, is 0 (its computed mean is not exactly that value)",
    points: 1,
    args: (r) => {
      // Draw until Σ(y − mean(y))² computed in float64 is not exactly 0, as it would be for integers.
      for (;;) {
        const y = Array(3 + r.int(12)).fill((1 + r.int(9)) / 10);
        const m = y.reduce((s, v) => s + v, 0) / y.length;
        if (y.some((v) => v !== m)) return [y.map((v) => v + r.normal()), y];
      }
    },
    expect: () => 0,
  },
]);
