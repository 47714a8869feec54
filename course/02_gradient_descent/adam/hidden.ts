import type { adamStep } from "../../../exercises/02_gradient_descent/adam.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { ADAM_DEFAULTS, positive, rate } from "../_hidden.ts";

/** Hidden cases of `adamStep`. */
export default cases<typeof adamStep>([
  {
    id: "first-step-from-a-fresh-state-t-0",
    name: "adamStep() first step from a fresh state (t = 0)",
    points: 1.25,
    args: (r) => {
      const P = 1 + r.int(8);
      const zeros = new Array(P).fill(0);
      return [randomVector(r, P), randomVector(r, P), { m: zeros, v: zeros.slice(), t: 0 }, {
        learningRate: rate(r),
        ...ADAM_DEFAULTS,
      }];
    },
  },
  {
    id: "a-later-step-t-5-50-with-carried-m-and-v",
    name: "adamStep() a later step (t = 5…50) with carried m and v",
    points: 2,
    args: (r) => {
      const P = 2 + r.int(10);
      return [
        randomVector(r, P),
        randomVector(r, P),
        { m: randomVector(r, P), v: positive(r, P), t: 5 + r.int(46) },
        { learningRate: rate(r), ...ADAM_DEFAULTS },
      ];
    },
  },
  {
    id: "with-a-zero-gradient-from-a-fresh-state-leaves-unchanged",
    name: "adamStep() with a zero gradient from a fresh state leaves θ unchanged",
    points: 1,
    args: (r) => {
      const P = 1 + r.int(6);
      const zeros = new Array(P).fill(0);
      return [randomVector(r, P), zeros, { m: zeros.slice(), v: zeros.slice(), t: 0 }, {
        learningRate: rate(r),
        ...ADAM_DEFAULTS,
      }];
    },
  },
  {
    id: "with-other-hyperparameters-0-5-0-9-1e-3-and-large-gradients",
    name:
      "adamStep() with other hyperparameters (β₁ = 0.5, β₂ = 0.9, ε = 1e-3) and large gradients",
    points: 1,
    args: (r) => {
      const P = 1 + r.int(20);
      return [
        randomVector(r, P),
        randomVector(r, P).map((g) => 1000 * g),
        { m: randomVector(r, P), v: positive(r, P), t: 1 + r.int(5) },
        { learningRate: rate(r), beta1: 0.5, beta2: 0.9, epsilon: 1e-3 },
      ];
    },
  },
  {
    id: "throws-a-rangeerror-when-m-has-the-wrong-length",
    name: "adamStep() throws a RangeError when m has the wrong length",
    points: 2,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P), {
        m: randomVector(r, P + 1),
        v: positive(r, P),
        t: 3,
      }, { learningRate: 0.1, ...ADAM_DEFAULTS }];
    },
    throws: "RangeError",
  },
  // One case per array that can be the odd one out, a quarter point each: a check that compares
  // some of them but not all would otherwise go unnoticed.
  {
    id: "throws-a-rangeerror-when-v-has-the-wrong-length",
    name: "adamStep() throws a RangeError when v has the wrong length",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P), {
        m: randomVector(r, P),
        v: positive(r, P + 1),
        t: 3,
      }, { learningRate: 0.1, ...ADAM_DEFAULTS }];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-the-gradient-has-the-wrong-length",
    name: "adamStep() throws a RangeError when g has the wrong length",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P - 1), {
        m: randomVector(r, P),
        v: positive(r, P),
        t: 3,
      }, { learningRate: 0.1, ...ADAM_DEFAULTS }];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-theta-has-the-wrong-length",
    name: "adamStep() throws a RangeError when θ has a length that g, m and v do not have",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P + 1), randomVector(r, P), {
        m: randomVector(r, P),
        v: positive(r, P),
        t: 3,
      }, { learningRate: 0.1, ...ADAM_DEFAULTS }];
    },
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "adamStep() leaves θ, g and the state unchanged (it returns a new state)",
    points: 2,
    property: "pure",
    args: (r) => {
      const P = 2 + r.int(8);
      return [
        randomVector(r, P),
        randomVector(r, P),
        { m: randomVector(r, P), v: positive(r, P), t: 1 + r.int(20) },
        { learningRate: rate(r), ...ADAM_DEFAULTS },
      ];
    },
  },
]);
