import type { rnnGradient } from "../../../exercises/05_recurrent_networks/rnn_gradient.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { between, F32, type M, problem, sizes, tfGradient, type V } from "../_hidden.ts";

/** Hidden cases of `rnnGradient`. */
export default cases<typeof rnnGradient>([
  {
    id: "against-tf-grads",
    name: "agrees with tf.grads on a random sequence (T from 2 to 8, H ≠ D, non-symmetric W_h)",
    points: 2,
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, between(r, 2, 8), H, D, 0.9), randomVector(r, H)];
    },
    expect: (xs: M, h0: V, Wh: M, Wx: M, b: V, v: V) => tfGradient(xs, h0, Wh, Wx, b, v),
    tol: F32,
  },
  {
    id: "one-step",
    name: "a single step (T = 1): δ = v ⊙ (1 − h₁²)",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, 1, H, D), randomVector(r, H)];
    },
  },
  {
    id: "long-sequence-t-30",
    name: "a 30-step sequence (float64, against the reference)",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, 30, H, D, 0.9), randomVector(r, H)];
    },
  },
  {
    id: "large-weights-saturated",
    name: "large recurrent weights (tanh saturated), T = 10",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, 10, H, D, 3), randomVector(r, H)];
    },
  },
  {
    id: "empty-sequence-is-zero",
    name: "an empty sequence (T = 0): every gradient is zero, with its shape",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, 0, H, D), randomVector(r, H)];
    },
  },
  {
    id: "throws-when-v-is-not-h-long",
    name: "throws a RangeError when v is not of length H",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, 3, H, D), randomVector(r, H + 1)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-wx-does-not-fit-xs",
    name: "throws a RangeError when a row of xs is not as long as a row of W_x",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      const p = problem(r, 3, H, D);
      p[0] = p[0].map((x) => [...x, 1]);
      return [...p, randomVector(r, H)];
    },
    throws: "RangeError",
  },
  // The other shapes rnnForward rejects, one case each (a quarter point).
  {
    id: "throws-when-wh-does-not-have-h-rows",
    name: "throws a RangeError when W_h is [H − 1, H]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 3, H, D);
      return [xs, h0, Wh.slice(1), Wx, b, randomVector(r, H)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-a-row-of-wh-is-not-h-long",
    name: "throws a RangeError when W_h is [H, H + 1]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 3, H, D);
      return [xs, h0, Wh.map((row) => [...row, 0.5]), Wx, b, randomVector(r, H)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-b-is-not-h-long",
    name: "throws a RangeError when b is not [H]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 3, H, D);
      return [xs, h0, Wh, Wx, b.slice(1), randomVector(r, H)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-wx-does-not-have-h-rows",
    name: "throws a RangeError when W_x is [H + 1, D]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 3, H, D);
      return [xs, h0, Wh, [...Wx, Wx[0].slice()], b, randomVector(r, H)];
    },
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "rnnGradient() leaves its arguments unchanged",
    points: 1,
    property: "pure",
    args: (r) => {
      const { H, D } = sizes(r);
      return [...problem(r, 4, H, D), randomVector(r, H)];
    },
  },
]);
