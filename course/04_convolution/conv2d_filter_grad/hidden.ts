import type { conv2dFilterGradient } from "../../../exercises/04_convolution/conv2d_filter_grad.ts";
import { cases } from "../../define.ts";
import type { Rng } from "../../../lib/random.ts";
import { F32, type Geometry, geometry, outLen, randomT4, tfFilterGrad } from "../_hidden.ts";

/** The arguments for a geometry: x and dy (of the forward output's shape) from standard normals. */
const argsOf = (r: Rng, g: Geometry) => {
  const oh = outLen(g.h, g.kh, g.strides[0], g.padding);
  const ow = outLen(g.w, g.kw, g.strides[1], g.padding);
  return [
    randomT4(r, [g.n, g.h, g.w, g.cIn]),
    randomT4(r, [g.n, oh, ow, g.cOut]),
    [g.kh, g.kw, g.cIn, g.cOut],
    g.strides,
    g.padding,
  ] as Parameters<typeof conv2dFilterGradient>;
};

/** Hidden cases of `conv2dFilterGradient`: each against tf.grad of a conv2d. */
export default cases<typeof conv2dFilterGradient>([
  {
    id: "same-with-even-kernel-on-non-square-batch",
    name: "conv2dFilterGradient() under same with an even kernel on a batch of non-square images",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 2, kw: 4 })),
    expect: tfFilterGrad,
    tol: F32,
  },
  {
    id: "same-with-odd-kernel-and-strides-2-3",
    name: "conv2dFilterGradient() under same with a 3×3 kernel and strides [2, 3]",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 3, kw: 3, strides: [2, 3] })),
    expect: tfFilterGrad,
    tol: F32,
  },
  {
    id: "valid-random-geometry",
    name: "conv2dFilterGradient() under valid on a random geometry with a stride per axis",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "valid" })),
    expect: tfFilterGrad,
    tol: F32,
  },
  {
    id: "many-channels-and-batch-of-3",
    name: "conv2dFilterGradient() with 4 input and 3 output channels, batch of 3",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { n: 3, cIn: 4, cOut: 3 })),
    expect: tfFilterGrad,
    tol: F32,
  },
  {
    id: "same-with-image-smaller-than-kernel",
    name: "conv2dFilterGradient() under same with an image smaller than the filter",
    points: 1,
    args: (r) =>
      argsOf(r, geometry(r, { padding: "same", h: 2, w: 3, kh: 4, kw: 5, strides: [1, 2] })),
    expect: tfFilterGrad,
    tol: F32,
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "conv2dFilterGradient() leaves x and dy unchanged (it returns new arrays)",
    points: 1,
    property: "pure",
    args: (r) => argsOf(r, geometry(r)),
    expect: tfFilterGrad,
    tol: F32,
  },
  {
    id: "throws-for-channel-mismatch",
    name:
      "conv2dFilterGradient() throws a RangeError when the filter's input channels differ from x's",
    points: 1,
    args: (r) => {
      const [x, dy, [kh, kw, cIn, cOut], s, p] = argsOf(r, geometry(r));
      return [x, dy, [kh, kw, cIn + 1, cOut], s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-dy-has-the-wrong-shape",
    name: "conv2dFilterGradient() throws a RangeError when dy does not have the output's height",
    points: 0.5,
    args: (r) => {
      const [x, dy, shape, , p] = argsOf(r, geometry(r, { strides: [1, 1], padding: "same" }));
      return [x, dy, shape, [2, 1], p]; // dy has the rows of stride 1
    },
    throws: "RangeError",
  },
  // dy's other dimensions, one case each (a quarter point): a check of the rows alone passed the
  // case above.
  {
    id: "throws-when-dy-has-the-wrong-width",
    name: "conv2dFilterGradient() throws a RangeError when dy has one column more than the output",
    points: 0.25,
    args: (r) => {
      const [x, dy, shape, s, p] = argsOf(r, geometry(r));
      return [x, dy.map((im) => im.map((row) => [...row, row[0]])), shape, s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-dy-has-the-wrong-channels",
    name: "conv2dFilterGradient() throws a RangeError when dy has one channel more than Cout",
    points: 0.25,
    args: (r) => {
      const [x, dy, shape, s, p] = argsOf(r, geometry(r));
      return [x, dy.map((im) => im.map((row) => row.map((px) => [...px, 0]))), shape, s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-dy-has-the-wrong-batch",
    name: "conv2dFilterGradient() throws a RangeError when dy has one image more than x",
    points: 0.25,
    args: (r) => {
      const [x, dy, shape, s, p] = argsOf(r, geometry(r));
      return [x, [...dy, dy[0]], shape, s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-a-fractional-stride",
    name:
      "conv2dFilterGradient() throws a RangeError for a stride down that is not an integer (1.5)",
    points: 0.25,
    args: (r) => argsOf(r, geometry(r, { strides: [1.5, 1] })),
    throws: "RangeError",
  },
  {
    id: "throws-for-stride-0",
    name: "conv2dFilterGradient() throws a RangeError for stride 0",
    points: 0.5,
    args: (r) => {
      const [x, dy, shape, , p] = argsOf(r, geometry(r));
      return [x, dy, shape, [1, 0], p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-unknown-padding",
    name: "conv2dFilterGradient() throws a RangeError for a padding other than valid or same",
    points: 0.5,
    args: (r) => {
      const [x, dy, shape, s] = argsOf(r, geometry(r));
      return [x, dy, shape, s, "full" as "same"];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-filter-exceeds-image-under-valid",
    name:
      "conv2dFilterGradient() throws a RangeError under valid when the filter is larger than the image",
    points: 0.5,
    args: (r) => {
      const [x, , , s] = argsOf(r, geometry(r, { padding: "valid" }));
      return [x, [[[[0]]]], [x[0].length + 1, 1, x[0][0][0].length, 1], s, "valid"];
    },
    throws: "RangeError",
  },
]);
