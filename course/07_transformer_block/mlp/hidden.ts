import type { mlp } from "../../../exercises/07_transformer_block/mlp.ts";
import { cases } from "../../define.ts";
import { randomMatrix, randomVector, type Rng } from "../../../lib/random.ts";
import { between, scaled } from "../_hidden.ts";

/** Arguments x [T, d], W1 [d, h], b1 [h], W2 [h, dOut], b2 [dOut], weights ~ N(0, 1/fan-in). */
function layers(r: Rng, t: number, d: number, h: number, dOut: number) {
  return [
    randomMatrix(r, t, d),
    scaled(r, d, h, 1 / Math.sqrt(d)),
    randomVector(r, h).map((v) => 0.5 * v),
    scaled(r, h, dOut, 1 / Math.sqrt(h)),
    randomVector(r, dOut).map((v) => 0.5 * v),
  ] as const;
}

/** Hidden cases of `mlp`. */
export default cases<typeof mlp>([
  {
    id: "a-block-s-mlp-h-4d",
    name: "a block's MLP: x [T, d], hidden width h = 4d, back to d",
    points: 4.5,
    args: (r) => {
      const [t, d] = [between(r, 2, 8), between(r, 2, 6)];
      return [...layers(r, t, d, 4 * d, d)];
    },
  },
  {
    id: "any-widths-d-h-d-out",
    name: "any widths: d, h and d_out all different, non-square weights",
    points: 2,
    args: (r) => {
      const d = between(r, 2, 5);
      return [...layers(r, between(r, 2, 6), d, d + between(r, 1, 6), d + between(r, 1, 3))];
    },
  },
  {
    id: "a-single-position",
    name: "a single position (T = 1)",
    points: 1,
    args: (r) => {
      const d = between(r, 1, 5);
      return [...layers(r, 1, d, 3 * d, d)];
    },
  },
  {
    id: "large-pre-activations-of-both-signs",
    name: "large pre-activations of both signs (GELU ≈ ReLU far from 0, finite)",
    points: 1,
    args: (r) => {
      const d = between(r, 2, 4);
      const [x, W1, b1, W2, b2] = layers(r, 3, d, 2 * d, d);
      return [x.map((row) => row.map((v) => 40 * v)), W1, b1, W2, b2];
    },
  },
  // Each bad shape is a case of its own, posed on every attempt (two cases that drew one of two at
  // random let an implementation missing one check through on half the attempts), and x itself.
  // A quarter point each.
  {
    id: "throws-a-rangeerror-when-w1-has-not-d-rows",
    name: "throws a RangeError when W1 has d − 1 rows",
    points: 0.25,
    args: (r) => {
      const [x, W1, b1, W2, b2] = layers(r, 3, 3, 5, 3);
      return [x, W1.slice(1), b1, W2, b2];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-b1-is-not-h-long",
    name: "throws a RangeError when b1 is not h long",
    points: 0.25,
    args: (r) => {
      const [x, W1, b1, W2, b2] = layers(r, 3, 3, 5, 3);
      return [x, W1, b1.slice(1), W2, b2];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-w2-has-not-h-rows",
    name: "throws a RangeError when W2 has h − 1 rows",
    points: 0.25,
    args: (r) => {
      const [x, W1, b1, W2, b2] = layers(r, 3, 3, 5, 3);
      return [x, W1, b1, W2.slice(1), b2];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-b2-is-not-d-out-long",
    name: "throws a RangeError when b2 is not d_out long",
    points: 0.25,
    args: (r) => {
      const [x, W1, b1, W2, b2] = layers(r, 3, 3, 5, 3);
      return [x, W1, b1, W2, [...b2, 0]];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-x-is-empty",
    name: "throws a RangeError when x has no rows",
    points: 0.25,
    args: (r) => {
      const [, W1, b1, W2, b2] = layers(r, 1, 3, 5, 3);
      return [[], W1, b1, W2, b2];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-a-row-of-x-is-not-d-long",
    name: "throws a RangeError when a row of x (not the first) is shorter than d",
    points: 0.25,
    args: (r) => {
      const [x, W1, b1, W2, b2] = layers(r, 4, 3, 5, 3);
      x[1 + r.int(3)].pop();
      return [x, W1, b1, W2, b2];
    },
    throws: "RangeError",
  },
]);
