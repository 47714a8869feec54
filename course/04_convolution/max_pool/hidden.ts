import type { maxPool2d } from "../../../exercises/04_convolution/max_pool.ts";
import { cases } from "../../define.ts";
import type { Rng } from "../../../lib/random.ts";
import { F32, type Geometry, geometry, randomT4, tfPool } from "../_hidden.ts";

/** The arguments of maxPool2d for a geometry: x from standard normals, the window KH × KW. */
const argsOf = (r: Rng, g: Geometry) =>
  [randomT4(r, [g.n, g.h, g.w, g.cIn]), [g.kh, g.kw], g.strides, g.padding] as Parameters<
    typeof maxPool2d
  >;

const reference = tfPool("max");

/** Hidden cases of `maxPool2d`: each against tf.maxPool on the same input. */
export default cases<typeof maxPool2d>([
  {
    id: "same-with-even-window-on-non-square-batch",
    name: "maxPool2d() under same with an even window on a batch of non-square images",
    points: 1.5,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 2, kw: 4, strides: [1, 1] })),
    expect: reference,
    tol: F32,
  },
  {
    id: "same-with-strides-2-3",
    name: "maxPool2d() under same with a 3×3 window and strides [2, 3]",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "same", kh: 3, kw: 3, strides: [2, 3] })),
    expect: reference,
    tol: F32,
  },
  {
    id: "same-with-odd-size-and-stride-2",
    name: "maxPool2d() under same with an odd size, stride 2 and a 2×2 window",
    points: 1,
    args: (r) =>
      argsOf(r, geometry(r, { padding: "same", h: 7, w: 9, kh: 2, kw: 2, strides: [2, 2] })),
    expect: reference,
    tol: F32,
  },
  {
    id: "valid-random-geometry",
    name: "maxPool2d() under valid on a random geometry with a stride per axis",
    points: 1,
    args: (r) => argsOf(r, geometry(r, { padding: "valid" })),
    expect: reference,
    tol: F32,
  },
  {
    id: "same-with-image-smaller-than-window",
    name: "maxPool2d() under same with an image smaller than the window",
    points: 1,
    args: (r) =>
      argsOf(r, geometry(r, { padding: "same", h: 2, w: 3, kh: 4, kw: 5, strides: [1, 2] })),
    expect: reference,
    tol: F32,
  },
  {
    id: "same-on-negative-images",
    name: "maxPool2d() under same on images whose values are all negative",
    points: 1,
    args: (r) => {
      const [x, ...rest] = argsOf(r, geometry(r, { padding: "same", kh: 3, kw: 2 }));
      return [
        x.map((im) => im.map((row) => row.map((px) => px.map((v) => -1 - Math.abs(v))))),
        ...rest,
      ];
    },
    expect: reference,
    tol: F32,
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "maxPool2d() leaves x unchanged (it returns new arrays)",
    points: 1,
    property: "pure",
    args: (r) => argsOf(r, geometry(r)),
    expect: reference,
    tol: F32,
  },
  {
    id: "throws-for-window-0",
    name: "maxPool2d() throws a RangeError for a window of size 0",
    points: 1,
    args: (r) => {
      const [x, , s, p] = argsOf(r, geometry(r));
      return [x, [0, 2], s, p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-stride-0",
    name: "maxPool2d() throws a RangeError for stride 0",
    points: 0.5,
    args: (r) => {
      const [x, k, , p] = argsOf(r, geometry(r));
      return [x, k, [1, 0], p];
    },
    throws: "RangeError",
  },
  {
    id: "throws-for-unknown-padding",
    name: "maxPool2d() throws a RangeError for a padding other than valid or same",
    points: 0.5,
    args: (r) => {
      const [x, k, s] = argsOf(r, geometry(r));
      return [x, k, s, "full" as "same"];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-window-exceeds-image-under-valid",
    name: "maxPool2d() throws a RangeError under valid when the window is larger than the image",
    points: 0.5,
    args: (r) => argsOf(r, geometry(r, { padding: "valid", h: 2, w: 5, kh: 3, kw: 2 })),
    throws: "RangeError",
  },
]);
