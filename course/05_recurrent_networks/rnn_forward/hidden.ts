import type { rnnForward } from "../../../exercises/05_recurrent_networks/rnn_forward.ts";
import { cases } from "../../define.ts";
import { between, F32, type M, problem, sizes, tfForward, type V } from "../_hidden.ts";

/** Hidden cases of `rnnForward`. */
export default cases<typeof rnnForward>([
  {
    id: "random-sequence-h-not-d",
    name: "a random sequence (T from 2 to 12) with H ≠ D and non-symmetric W_h",
    points: 2,
    args: (r) => {
      const { H, D } = sizes(r);
      return problem(r, between(r, 2, 12), H, D, 0.9);
    },
  },
  {
    id: "against-tfjs",
    name: "agrees with a tfjs forward pass (float32), T = 8",
    points: 2,
    args: (r) => {
      const { H, D } = sizes(r);
      return problem(r, 8, H, D, 0.9);
    },
    expect: (xs: M, h0: V, Wh: M, Wx: M, b: V) => tfForward(xs, h0, Wh, Wx, b),
    tol: F32,
  },
  {
    id: "one-step-is-rnn-step",
    name: "a sequence of one step (T = 1) returns one row",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return problem(r, 1, H, D);
    },
  },
  {
    id: "empty-sequence",
    name: "an empty sequence (T = 0) returns []",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return problem(r, 0, H, D);
    },
    expect: () => [],
  },
  {
    id: "long-sequence-t-200",
    name: "a long sequence (T = 200) with large recurrent weights",
    points: 1,
    args: (r) => problem(r, 200, 3, 2, 3),
  },
  {
    id: "throws-when-a-row-of-xs-does-not-fit",
    name: "throws a RangeError when a row of xs (not the first) is not as long as a row of W_x",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      const p = problem(r, 4, H, D);
      // Never the first row: a check of xs[0] alone would pass when it is the one drawn.
      p[0][between(r, 1, 3)] = new Array(D + 1).fill(0.5);
      return p;
    },
    throws: "RangeError",
  },
  // The weights are checked even when there is no step to take (T = 0), where no call of
  // rnnStep can notice them: one case per bad shape, a quarter point each.
  {
    id: "throws-for-no-steps-when-wh-does-not-have-h-rows",
    name: "throws a RangeError for an empty sequence when W_h is [H − 1, H]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 0, H, D);
      return [xs, h0, Wh.slice(1), Wx, b];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-no-steps-when-a-row-of-wh-is-not-h-long",
    name: "throws a RangeError for an empty sequence when W_h is [H, H + 1]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 0, H, D);
      return [xs, h0, Wh.map((row) => [...row, 0.5]), Wx, b];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-no-steps-when-b-is-not-h-long",
    name: "throws a RangeError for an empty sequence when b is not [H]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 0, H, D);
      return [xs, h0, Wh, Wx, b.slice(1)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-no-steps-when-wx-does-not-have-h-rows",
    name: "throws a RangeError for an empty sequence when W_x is [H + 1, D]",
    points: 0.25,
    args: (r) => {
      const { H, D } = sizes(r);
      const [xs, h0, Wh, Wx, b] = problem(r, 0, H, D);
      return [xs, h0, Wh, [...Wx, Wx[0].slice()], b];
    },
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "rnnForward() leaves xs, h0, W_h, W_x and b unchanged",
    points: 1,
    property: "pure",
    args: (r) => {
      const { H, D } = sizes(r);
      return problem(r, between(r, 2, 6), H, D);
    },
  },
]);
