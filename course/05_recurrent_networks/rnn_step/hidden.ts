import type { rnnStep } from "../../../exercises/05_recurrent_networks/rnn_step.ts";
import { cases } from "../../define.ts";
import { randomVector, type Rng } from "../../../lib/random.ts";
import { F32, type M, sizes, tfForward, type V, weights } from "../_hidden.ts";

/**
 * h [H], x [D + dx], W_h [H + dhRows, H + dh], W_x [H + dxRows, D], b [H + db] for random H and
 * D, the weights scaled by `scale`: the sizes fit when every offset is 0 (the throwing cases set
 * one).
 */
function stepArgs(
  r: Rng,
  scale = 1,
  { dx = 0, dh = 0, db = 0, dhRows = 0, dxRows = 0 } = {},
): [V, V, M, M, V] {
  const { H, D } = sizes(r);
  return [
    randomVector(r, H),
    randomVector(r, D + dx),
    weights(r, H + dhRows, H + dh, scale),
    weights(r, H + dxRows, D, scale),
    randomVector(r, H + db),
  ];
}

/** Hidden cases of `rnnStep`. */
export default cases<typeof rnnStep>([
  {
    id: "random-h-not-d-non-symmetric-weights",
    name: "random shapes with H ≠ D and non-symmetric W_h",
    points: 3,
    args: (r) => stepArgs(r),
  },
  {
    id: "against-tfjs",
    name: "agrees with tfjs's tanh(h W_hᵀ + x W_xᵀ + b) (float32)",
    points: 1,
    args: (r) => stepArgs(r, 0.5),
    expect: (h: V, x: V, Wh: M, Wx: M, b: V) => tfForward([x], h, Wh, Wx, b)[0],
    tol: F32,
  },
  {
    id: "one-unit-one-input",
    name: "a single unit with a single input (H = D = 1)",
    points: 1,
    args: (r) => [[r.normal()], [r.normal()], [[r.normal()]], [[r.normal()]], [r.normal()]],
  },
  {
    id: "saturates-at-plus-minus-one",
    name: "large pre-activations saturate at ±1, never beyond",
    points: 1,
    args: (r) => stepArgs(r, 40),
    check: (got) =>
      Array.isArray(got) && got.every((v) => typeof v === "number" && Math.abs(v) <= 1)
        ? null
        : "every entry of a tanh must lie in [−1, 1]",
  },
  {
    id: "throws-when-wx-does-not-fit-x",
    name: "throws a RangeError when a row of W_x is not as long as x",
    points: 1,
    args: (r) => stepArgs(r, 1, { dx: 1 }),
    throws: "RangeError",
  },
  // Each bad shape is a case of its own, posed on every attempt (the case that drew a bad W_h or a
  // bad b at random let an implementation missing one check through on half the attempts), and
  // the rows of W_h and W_x as well as their columns. A quarter point each.
  {
    id: "throws-when-a-row-of-wh-is-not-h-long",
    name: "throws a RangeError when W_h is [H, H + 1]",
    points: 0.25,
    args: (r) => stepArgs(r, 1, { dh: 1 }),
    throws: "RangeError",
  },
  {
    id: "throws-when-wh-does-not-have-h-rows",
    name: "throws a RangeError when W_h is [H − 1, H]",
    points: 0.25,
    args: (r) => stepArgs(r, 1, { dhRows: -1 }),
    throws: "RangeError",
  },
  {
    id: "throws-when-b-is-not-h-long",
    name: "throws a RangeError when b is not [H]",
    points: 0.25,
    args: (r) => stepArgs(r, 1, { db: -1 }),
    throws: "RangeError",
  },
  {
    id: "throws-when-wx-does-not-have-h-rows",
    name: "throws a RangeError when W_x is [H + 1, D]",
    points: 0.25,
    args: (r) => stepArgs(r, 1, { dxRows: 1 }),
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "rnnStep() leaves h, x, W_h, W_x and b unchanged",
    points: 2,
    property: "pure",
    args: (r) => stepArgs(r),
  },
]);
