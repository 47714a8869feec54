import type { positionalEncoding } from "../../../exercises/06_attention/positional_encoding.ts";
import { cases } from "../../define.ts";
import { between, tfPositionalEncoding } from "../_reference.ts";

/** float32 sines of angles up to ~100: absolute error up to a few 1e-6. */
const TF_SIN = { rtol: 1e-4, atol: 2e-5 };

/** Hidden cases of `positionalEncoding`, against the same formula in tfjs. */
export default cases<typeof positionalEncoding>([
  {
    id: "small",
    name: "positionalEncoding() for T = 3…8, even d = 4…10",
    points: 2.5,
    args: (r) => [between(r, 3, 8), 2 * between(r, 2, 5)],
    expect: tfPositionalEncoding,
    tol: TF_SIN,
  },
  {
    id: "odd-width",
    name: "positionalEncoding() with an odd d",
    points: 2,
    args: (r) => [between(r, 2, 6), 2 * between(r, 1, 4) + 1],
    expect: tfPositionalEncoding,
    tol: TF_SIN,
  },
  {
    id: "model-sized",
    name: "positionalEncoding(T = 64…100, d = 64)",
    points: 2,
    args: (r) => [between(r, 64, 100), 64],
    expect: tfPositionalEncoding,
    tol: TF_SIN,
  },
  {
    id: "position-zero",
    name: "positionalEncoding(1, d): position 0 alone",
    points: 1,
    args: (r) => [1, between(r, 2, 9)],
  },
  {
    id: "throws-on-zero-width",
    name: "positionalEncoding() throws a RangeError for d = 0",
    points: 1,
    args: (r) => [between(r, 1, 5), 0],
    throws: "RangeError",
  },
  {
    id: "throws-on-fractional-length",
    name: "positionalEncoding() throws a RangeError for a T that is not an integer",
    points: 1,
    args: () => [2.5, 4],
    throws: "RangeError",
  },
  // T and d each fail "an integer ≥ 1" both ways: the two cases above pose one way each.
  {
    id: "throws-on-zero-length",
    name: "positionalEncoding() throws a RangeError for T = 0",
    points: 0.25,
    args: (r) => [0, 2 * between(r, 1, 4)],
    throws: "RangeError",
  },
  {
    id: "throws-on-fractional-width",
    name: "positionalEncoding() throws a RangeError for a d that is not an integer",
    points: 0.25,
    args: (r) => [between(r, 1, 5), 2 * between(r, 1, 4) + 0.5],
    throws: "RangeError",
  },
]);
