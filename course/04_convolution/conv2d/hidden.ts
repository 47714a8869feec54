import type { conv2d } from "../../../exercises/04_convolution/conv2d.ts";
import { cases } from "../../define.ts";
import type { Rng } from "../../../lib/random.ts";
import { F32, type Geometry, geometry, randomT4, tfConv2d } from "../_hidden.ts";

/** The arguments of conv2d for a geometry: x, w, b from standard normals. */
const argsOf = (r: Rng, g: Geometry) =>
  [
    randomT4(r, [g.n, g.h, g.w, g.cIn]),
    randomT4(r, [g.kh, g.kw, g.cIn, g.cOut]),
    Array.from({ length: g.cOut }, () => r.normal()),
    g.strides,
    g.padding,
  ] as Parameters<typeof conv2d>;

/** Hidden cases of `conv2d`: each against tf.conv2d (+ b) on the same input. */
export default cases<typeof conv2d>([
  {
    id: "same-with-even-kernel-on-non-square-batch",
    name: "conv2d() under same with an even kernel on a batch of non-square images",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 2, kw: 4 })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "same-with-odd-kernel-and-strides-2-3",
    name: "conv2d() under same with a 3×3 kernel and strides [2, 3]",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 3, kw: 3, strides: [2, 3] })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "same-with-odd-size-and-stride-2",
    name: "conv2d() under same with an odd size, stride 2 and a 2×2 kernel",
    points: 1,
    args: (r) =>
      argsOf(r, geometry(r, { padding: "same", h: 7, w: 9, kh: 2, kw: 2, strides: [2, 2] })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "valid-random-geometry",
    name: "conv2d() under valid on a random geometry with a stride per axis",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "valid" })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "many-channels-in-and-out",
    name: "conv2d() with 4 input and 3 output channels, batch of 3",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { n: 3, cIn: 4, cOut: 3 })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "same-with-image-smaller-than-kernel",
    name: "conv2d() under same with an image smaller than the filter",
    points: 1,
    args: (r) =>
      argsOf(r, geometry(r, { padding: "same", h: 2, w: 3, kh: 4, kw: 5, strides: [1, 2] })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "same-with-stride-larger-than-kernel",
    name: "conv2d() under same with strides larger than the filter",
    points: 0.5,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 1, kw: 2, strides: [3, 4] })),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "conv2d() leaves x, w and b unchanged (it returns new arrays)",
    points: 0.5,
    property: "pure",
    args: (r) => argsOf(r, geometry(r)),
    expect: tfConv2d,
    tol: F32,
  },
  {
    id: "throws-for-channel-mismatch",
    name: "conv2d() throws a RangeError when the filter's input channels differ from x's",
    points: 0.5,
    args: (r) => {
      const [x, , b, s, p] = argsOf(r, geometry(r));
      return [x, randomT4(r, [2, 2, x[0][0][0].length + 1, b.length]), b, s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-bias-length",
    name: "conv2d() throws a RangeError when b does not have one value per output channel",
    points: 0.5,
    args: (r) => {
      const [x, w, b, s, p] = argsOf(r, geometry(r));
      return [x, w, [...b, 0], s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-stride-0",
    name: "conv2d() throws a RangeError for stride 0",
    points: 0.5,
    args: (r) => {
      const [x, w, b, , p] = argsOf(r, geometry(r));
      return [x, w, b, [0, 1], p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-unknown-padding",
    name: "conv2d() throws a RangeError for a padding other than valid or same",
    points: 0.5,
    args: (r) => {
      const [x, w, b, s] = argsOf(r, geometry(r));
      return [x, w, b, s, "causal" as "same"];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-filter-exceeds-image-under-valid",
    name: "conv2d() throws a RangeError under valid when the filter is taller than the image",
    points: 0.5,
    args: (r) => argsOf(r, geometry(r, { padding: "valid", h: 2, w: 5, kh: 3, kw: 2 })),
    throws: "RangeError",
  },
  // The other axis, and a stride that is not an integer, a quarter point each: the cases above put
  // the bad value on one axis only, so a check of that axis alone passed them.
  {
    id: "throws-when-filter-exceeds-image-width-under-valid",
    name: "conv2d() throws a RangeError under valid when the filter is wider than the image",
    points: 0.25,
    args: (r) => argsOf(r, geometry(r, { padding: "valid", h: 5, w: 2, kh: 2, kw: 3 })),
    throws: "RangeError",
  },
  {
    id: "throws-for-a-fractional-stride",
    name: "conv2d() throws a RangeError for a stride across that is not an integer (1.5)",
    points: 0.25,
    args: (r) => {
      const [x, w, b, , p] = argsOf(r, geometry(r));
      return [x, w, b, [1, 1.5], p];
    },
    throws: "RangeError",
  },
]);
