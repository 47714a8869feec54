import type { momentumStep } from "../../../exercises/02_gradient_descent/momentum.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { rate } from "../_hidden.ts";

/** Hidden cases of `momentumStep`. */
export default cases<typeof momentumStep>([
  {
    id: "from-rest-zero-velocity",
    name: "momentumStep() from rest (zero velocity)",
    points: 1,
    args: (r) => {
      const P = 1 + r.int(8);
      return [randomVector(r, P), randomVector(r, P), new Array(P).fill(0), {
        learningRate: rate(r),
        beta: r.uniform(0.5, 0.99),
      }];
    },
  },
  {
    id: "with-a-velocity-carried-from-earlier-steps",
    name: "momentumStep() with a velocity carried from earlier steps",
    points: 1.5,
    args: (r) => {
      const P = 2 + r.int(10);
      return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
        learningRate: rate(r),
        beta: r.uniform(0.5, 0.99),
      }];
    },
  },
  {
    id: "with-0-is-plain-gradient-descent",
    name: "momentumStep() with β = 0 is plain gradient descent",
    points: 1,
    args: (r) => {
      const P = 1 + r.int(6);
      return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
        learningRate: rate(r),
        beta: 0,
      }];
    },
  },
  {
    id: "on-a-long-vector-p-100-300",
    name: "momentumStep() on a long vector (P = 100…300)",
    points: 2,
    args: (r) => {
      const P = 100 + r.int(201);
      return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
        learningRate: rate(r),
        beta: r.uniform(0.8, 0.99),
      }];
    },
  },
  {
    id: "throws-a-rangeerror-when-the-velocity-has-the-wrong-length",
    name: "momentumStep() throws a RangeError when the velocity has the wrong length",
    points: 2,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P), randomVector(r, P - 1), {
        learningRate: 0.1,
        beta: 0.9,
      }];
    },
    throws: "RangeError",
  },
  // The other two arrays as the odd one out, a quarter point each.
  {
    id: "throws-a-rangeerror-when-the-gradient-has-the-wrong-length",
    name: "momentumStep() throws a RangeError when the gradient has the wrong length",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P), randomVector(r, P + 1), randomVector(r, P), {
        learningRate: 0.1,
        beta: 0.9,
      }];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-theta-has-the-wrong-length",
    name: "momentumStep() throws a RangeError when θ has a length that g and the velocity do not",
    points: 0.25,
    args: (r) => {
      const P = 2 + r.int(5);
      return [randomVector(r, P - 1), randomVector(r, P), randomVector(r, P), {
        learningRate: 0.1,
        beta: 0.9,
      }];
    },
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "momentumStep() leaves θ, g and v unchanged (it returns new arrays)",
    points: 2,
    property: "pure",
    args: (r) => {
      const P = 2 + r.int(8);
      return [randomVector(r, P), randomVector(r, P), randomVector(r, P), {
        learningRate: rate(r),
        beta: r.uniform(0.5, 0.99),
      }];
    },
  },
]);
