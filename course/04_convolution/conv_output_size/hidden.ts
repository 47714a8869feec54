import type { convOutputSize } from "../../../exercises/04_convolution/conv_output_size.ts";
import { cases } from "../../define.ts";
import { tfOutputSize } from "../_hidden.ts";

/** Hidden cases of `convOutputSize`: each against the shape tfjs itself produces. */
export default cases<typeof convOutputSize>([
  {
    id: "valid-with-stride-that-does-not-divide",
    name: "convOutputSize() under valid with a stride that does not divide H − K",
    points: 0.75,
    args: (r) => {
      const k = 1 + r.int(4);
      const s = 2 + r.int(2);
      return [k + s * (1 + r.int(4)) + 1, k, s, "valid"];
    },
    expect: tfOutputSize,
  },
  {
    id: "same-with-odd-kernel-and-stride-1",
    name: "convOutputSize() under same with an odd kernel and stride 1",
    points: 1,
    args: (r) => [3 + r.int(20), 1 + 2 * r.int(3), 1, "same"],
    expect: tfOutputSize,
  },
  {
    id: "same-with-even-kernel",
    name: "convOutputSize() under same with an even kernel (the extra zero goes after)",
    points: 1,
    args: (r) => [4 + r.int(20), 2 + 2 * r.int(3), 1, "same"],
    expect: tfOutputSize,
  },
  {
    id: "same-with-stride-2-or-3",
    name: "convOutputSize() under same with stride 2 or 3, odd and even sizes",
    points: 1,
    args: (r) => [5 + r.int(20), 2 + r.int(4), 2 + r.int(2), "same"],
    expect: tfOutputSize,
  },
  {
    id: "same-with-input-smaller-than-kernel",
    name: "convOutputSize() under same with an input smaller than the kernel",
    points: 1,
    args: (r) => [1 + r.int(3), 4 + r.int(3), 1 + r.int(2), "same"],
    expect: tfOutputSize,
  },
  {
    id: "same-with-stride-larger-than-kernel",
    name: "convOutputSize() under same with a stride larger than the kernel (no padding)",
    points: 1,
    args: (r) => [9 + r.int(9), 1 + r.int(2), 3 + r.int(2), "same"],
    expect: tfOutputSize,
  },
  {
    id: "throws-for-stride-0",
    name: "convOutputSize() throws a RangeError for stride 0",
    points: 1,
    args: (r) => [5 + r.int(5), 3, 0, "same"],
    throws: "RangeError",
  },
  // inSize, kernel and stride must each be an integer ≥ 1: one case per argument and per way of
  // failing that (a quarter point each), all under "same", where no other check can catch them.
  {
    id: "throws-for-input-size-0",
    name: "convOutputSize() throws a RangeError for an input of size 0 (under same)",
    points: 0.25,
    args: (r) => [0, 1 + r.int(4), 1 + r.int(2), "same"],
    throws: "RangeError",
  },
  {
    id: "throws-for-kernel-0",
    name: "convOutputSize() throws a RangeError for a kernel of size 0 (under same)",
    points: 0.25,
    args: (r) => [3 + r.int(8), 0, 1 + r.int(2), "same"],
    throws: "RangeError",
  },
  {
    id: "throws-for-a-fractional-input-size",
    name: "convOutputSize() throws a RangeError for an input size that is not an integer",
    points: 0.25,
    args: (r) => [5.5 + r.int(5), 3, 1, "same"],
    throws: "RangeError",
  },
  {
    id: "throws-for-a-fractional-kernel",
    name: "convOutputSize() throws a RangeError for a kernel size that is not an integer",
    points: 0.25,
    args: (r) => [5 + r.int(5), 2.5, 1, "same"],
    throws: "RangeError",
  },
  {
    id: "throws-for-a-fractional-stride",
    name: "convOutputSize() throws a RangeError for a stride that is not an integer",
    points: 0.25,
    args: (r) => [5 + r.int(5), 3, 1.5 + r.int(2), "same"],
    throws: "RangeError",
  },
  {
    id: "throws-for-unknown-padding",
    name: "convOutputSize() throws a RangeError for a padding other than valid or same",
    points: 1,
    args: () => [5, 3, 1, "full" as "same"],
    throws: "RangeError",
  },
  {
    id: "throws-when-no-window-fits",
    name:
      "convOutputSize() throws a RangeError when the kernel is longer than the input under valid",
    points: 1,
    args: (r) => [2 + r.int(3), 6, 1, "valid"],
    throws: "RangeError",
  },
]);
