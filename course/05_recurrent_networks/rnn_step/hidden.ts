import type { rnnStep } from "../../../exercises/05_recurrent_networks/rnn_step.ts";
import { cases } from "../../define.ts";
import { randomVector } from "../../../lib/random.ts";
import { F32, type M, sizes, tfForward, type V, weights } from "../_hidden.ts";

/** Hidden cases of `rnnStep`. */
export default cases<typeof rnnStep>([
  {
    id: "random-h-not-d-non-symmetric-weights",
    name: "random shapes with H ≠ D and non-symmetric W_h",
    points: 3,
    args: (r) => {
      const { H, D } = sizes(r);
      return [
        randomVector(r, H),
        randomVector(r, D),
        weights(r, H, H),
        weights(r, H, D),
        randomVector(r, H),
      ];
    },
  },
  {
    id: "against-tfjs",
    name: "agrees with tfjs's tanh(h W_hᵀ + x W_xᵀ + b) (float32)",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [
        randomVector(r, H),
        randomVector(r, D),
        weights(r, H, H, 0.5),
        weights(r, H, D, 0.5),
        randomVector(r, H),
      ];
    },
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
    args: (r) => {
      const { H, D } = sizes(r);
      return [
        randomVector(r, H),
        randomVector(r, D),
        weights(r, H, H, 40),
        weights(r, H, D, 40),
        randomVector(r, H),
      ];
    },
    check: (got) =>
      Array.isArray(got) && got.every((v) => typeof v === "number" && Math.abs(v) <= 1)
        ? null
        : "every entry of a tanh must lie in [−1, 1]",
  },
  {
    id: "throws-when-wx-does-not-fit-x",
    name: "throws a RangeError when a row of W_x is not as long as x",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return [
        randomVector(r, H),
        randomVector(r, D + 1),
        weights(r, H, H),
        weights(r, H, D),
        randomVector(r, H),
      ];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-wh-or-b-does-not-fit-h",
    name: "throws a RangeError when W_h is not [H, H] or b is not [H]",
    points: 1,
    args: (r) => {
      const { H, D } = sizes(r);
      return r.next() < 0.5
        ? [
          randomVector(r, H),
          randomVector(r, D),
          weights(r, H, H + 1),
          weights(r, H, D),
          randomVector(r, H),
        ]
        : [
          randomVector(r, H),
          randomVector(r, D),
          weights(r, H, H),
          weights(r, H, D),
          randomVector(r, H - 1),
        ];
    },
    throws: "RangeError",
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "rnnStep() leaves h, x, W_h, W_x and b unchanged",
    points: 2,
    property: "pure",
    args: (r) => {
      const { H, D } = sizes(r);
      return [
        randomVector(r, H),
        randomVector(r, D),
        weights(r, H, H),
        weights(r, H, D),
        randomVector(r, H),
      ];
    },
  },
]);
