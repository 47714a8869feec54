import type { rmspropStep } from "../../../exercises/02_gradient_descent/rmsprop.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { positive, rate } from "../_hidden.ts";

/** Hidden cases of `rmspropStep`. */
export default cases<typeof rmspropStep>([
  {
    id: "first-step-from-zero-v",
    name: "rmspropStep() from v = 0 (the first step)",
    points: 1,
    args: (r) => {
      const P = 1 + r.int(8);
      return [randomVector(r, P), randomVector(r, P), new Array(P).fill(0), {
        learningRate: rate(r),
        rho: r.uniform(0.5, 0.99),
        epsilon: 1e-8,
      }];
    },
  },
  {
    id: "carried-v",
    name: "rmspropStep() with a v carried from earlier steps",
    points: 1.5,
    args: (r) => {
      const P = 2 + r.int(10);
      return [randomVector(r, P), randomVector(r, P), positive(r, P), {
        learningRate: rate(r),
        rho: r.uniform(0.5, 0.99),
        epsilon: 1e-8,
      }];
    },
  },
  {
    id: "epsilon-outside-the-root",
    name: "rmspropStep() with a large ε, which sits outside the root",
    points: 2,
    args: (r) => {
      const P = 2 + r.int(6);
      return [
        randomVector(r, P),
        randomVector(r, P).map((g) => 0.05 * g),
        positive(r, P).map((v) => 0.01 * v),
        {
          learningRate: rate(r),
          rho: r.uniform(0.5, 0.95),
          epsilon: r.uniform(0.05, 0.2),
        },
      ];
    },
  },
  {
    id: "rho-zero",
    name: "rmspropStep() with ρ = 0 keeps only the current gradient",
    points: 1,
    args: (r) => {
      const P = 1 + r.int(6);
      return [randomVector(r, P), randomVector(r, P), positive(r, P), {
        learningRate: rate(r),
        rho: 0,
        epsilon: 1e-8,
      }];
    },
  },
  {
    id: "long-vector",
    name: "rmspropStep() on a long vector (P = 100…300)",
    points: 1,
    args: (r) => {
      const P = 100 + r.int(201);
      return [randomVector(r, P), randomVector(r, P), positive(r, P), {
        learningRate: rate(r),
        rho: r.uniform(0.8, 0.99),
        epsilon: 1e-8,
      }];
    },
  },
  {
    id: "throws-on-length-mismatch",
    name: "rmspropStep() throws a RangeError when v has the wrong length",
    points: 1,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P), positive(r, P + 1), {
        learningRate: 0.1,
        rho: 0.9,
        epsilon: 1e-8,
      }];
    },
    throws: "RangeError",
  },
  // The other two arrays as the odd one out, a quarter point each.
  {
    id: "throws-when-the-gradient-has-the-wrong-length",
    name: "rmspropStep() throws a RangeError when the gradient has the wrong length",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P + 1), positive(r, P), {
        learningRate: 0.1,
        rho: 0.9,
        epsilon: 1e-8,
      }];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-theta-has-the-wrong-length",
    name: "rmspropStep() throws a RangeError when θ has a length that g and v do not have",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P - 1), randomVector(r, P), positive(r, P), {
        learningRate: 0.1,
        rho: 0.9,
        epsilon: 1e-8,
      }];
    },
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "rmspropStep() leaves θ, g and v unchanged (it returns new arrays)",
    points: 2,
    property: "pure",
    args: (r) => {
      const P = 2 + r.int(8);
      return [randomVector(r, P), randomVector(r, P), positive(r, P), {
        learningRate: rate(r),
        rho: r.uniform(0.5, 0.99),
        epsilon: 1e-8,
      }];
    },
  },
]);
