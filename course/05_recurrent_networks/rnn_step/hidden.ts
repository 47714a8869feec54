import type { rnnStep } from "../../../exercises/05_recurrent_networks/rnn_step.ts";
import { cases } from "../../define.ts";
import { randomVector, type Rng } from "../../../lib/random.ts";
import { F32, type M, sizes, tfForward, type V, weights } from "../_hidden.ts";

/**
 * h [H], x [D + dx], W_h [H, H + dh], W_x [H, D], b [H + db] for random H and D, the weights
 * scaled by `scale`: the sizes fit when every offset is 0 (the throwing cases set one).
 */
function stepArgs(r: Rng, scale = 1, { dx = 0, dh = 0, db = 0 } = {}): [V, V, M, M, V] {
  const { H, D } = sizes(r);
  return [
    randomVector(r, H),
    randomVector(r, D + dx),
    weights(r, H, H + dh, scale),
    weights(r, H, D, scale),
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
  {
    id: "throws-when-wh-or-b-does-not-fit-h",
    name: "throws a RangeError when W_h is not [H, H] or b is not [H]",
    points: 1,
    args: (r) => r.next() < 0.5 ? stepArgs(r, 1, { dh: 1 }) : stepArgs(r, 1, { db: -1 }),
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
