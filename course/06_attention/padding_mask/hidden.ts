import type { paddingMask } from "../../../exercises/06_attention/padding_mask.ts";
import { cases } from "../../define.ts";
import { between, tfPaddingMask } from "../_reference.ts";

/** Hidden cases of `paddingMask`, against a tfjs comparison of key index and length. */
export default cases<typeof paddingMask>([
  {
    id: "lengths-differ-per-row",
    name: "paddingMask() for a batch whose lengths differ row by row",
    points: 4.5,
    args: (r) => {
      const T = between(r, 4, 8);
      const lengths = r.shuffle([
        T,
        1,
        ...Array.from({ length: between(r, 1, 3) }, () => between(r, 2, T - 1)),
      ]);
      return [lengths, T];
    },
    expect: tfPaddingMask,
  },
  {
    id: "no-padding",
    name: "paddingMask() when every sequence is full length: all zeros",
    points: 1,
    args: (r) => {
      const T = between(r, 2, 5);
      return [[T, T], T];
    },
    expect: tfPaddingMask,
  },
  {
    id: "one-sequence",
    name: "paddingMask() for a batch of one",
    points: 2,
    args: (r) => {
      const T = between(r, 3, 7);
      return [[between(r, 1, T - 1)], T];
    },
    expect: tfPaddingMask,
  },
  {
    id: "throws-on-zero-length",
    name: "paddingMask() throws a RangeError for a length of 0",
    points: 1,
    args: (r) => [[between(r, 1, 3), 0], 3],
    throws: "RangeError",
  },
  {
    id: "throws-on-length-above-t",
    name: "paddingMask() throws a RangeError for a length above T",
    points: 1,
    args: (r) => {
      const T = between(r, 2, 5);
      return [[1, T + 1], T];
    },
    throws: "RangeError",
  },
  {
    id: "throws-on-a-fractional-length",
    name: "paddingMask() throws a RangeError for a length that is not an integer",
    points: 0.25,
    args: (r) => {
      const T = between(r, 3, 6);
      return [[T, between(r, 1, T - 2) + 0.5], T];
    },
    throws: "RangeError",
  },
  {
    id: "throws-on-a-fractional-t",
    name: "paddingMask() throws a RangeError for a T that is not an integer",
    points: 0.25,
    args: (r) => {
      const T = between(r, 3, 6);
      return [[1, T], T + 0.5];
    },
    throws: "RangeError",
  },
]);
