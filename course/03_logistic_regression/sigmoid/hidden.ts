import type { sigmoid } from "../../../exercises/03_logistic_regression/sigmoid.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { sigmoid as reference } from "../../../solutions/03_logistic_regression/sigmoid.ts";
import { exactVector, extremeLogits, type V } from "../_hidden.ts";

const exact = (got: unknown, [z]: [V]) => exactVector(got, reference(z));

/** Hidden cases of `sigmoid`. */
export default cases<typeof sigmoid>([
  {
    id: "random-logits-of-a-random-length",
    name: "sigmoid() of random logits of a random length",
    points: 2,
    args: (r) => [randomVector(r, 1 + r.int(40)).map((v) => 4 * v)],
  },
  {
    id: "stays-finite-at-z-1e4-in-both-directions",
    name: "sigmoid() stays finite and in [0, 1] at |z| up to 1e4, in both directions",
    points: 3,
    args: (r) => [extremeLogits(r, 6 + r.int(20))],
    property: "no-nan",
  },
  {
    id: "is-exact-in-the-far-negative-tail",
    name: "sigmoid() is exact where e^{-z} overflows (−745 < z < −709), not rounded to 0",
    points: 1,
    args: (r) => [Array.from({ length: 3 + r.int(5) }, () => r.uniform(-740, -710))],
    check: exact,
    property: "exact",
  },
  {
    id: "is-exact-across-the-whole-range",
    name: "sigmoid() is exact to float64 from −40 to 40 (true relative error)",
    points: 1,
    args: (r) => [Array.from({ length: 20 + r.int(30) }, () => r.uniform(-40, 40))],
    check: exact,
    property: "exact",
  },
  {
    id: "of-0-is-exactly-one-half-and-it-is-symmetric",
    name: "sigmoid(0) is ½ and σ(−z) = 1 − σ(z)",
    points: 1,
    args: (r) => {
      const z = randomVector(r, 3 + r.int(8)).map((v) => 3 * v);
      return [[0, ...z, ...z.map((v) => -v)]];
    },
    check: (got, [z]) => {
      const g = got as V;
      if (!Array.isArray(g) || g.length !== z.length) return "expected one output per logit";
      if (g[0] !== 0.5) return `sigmoid(0) should be 0.5, got ${g[0]}`;
      const k = (z.length - 1) / 2;
      for (let i = 1; i <= k; i++) {
        if (Math.abs(g[i] + g[i + k] - 1) > 1e-12) {
          return `σ(${z[i]}) + σ(${z[i + k]}) should be 1, got ${g[i] + g[i + k]}`;
        }
      }
      return null;
    },
  },
  {
    id: "of-an-empty-vector",
    name: "sigmoid() of an empty vector is an empty vector",
    points: 1,
    args: () => [[]],
  },
  {
    id: "of-2-000-logits-of-every-size",
    name: "sigmoid() of 2 000 logits of every size, from 0.01 to beyond 1e4, both signs",
    points: 1,
    args: (r) => [randomVector(r, 2_000).map((v) => v * 10 ** r.uniform(-2, 4))],
    check: exact,
  },
]);
