// Do not edit: your work is checked against these.
import { tf } from "../../lib/tf.ts";
import { rng } from "../../lib/random.ts";
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { conv2d, type Tensor4 } from "./conv2d.ts";

// tfjs computes in float32: about 7 significant digits.
const TOL = { rtol: 1e-4, atol: 1e-4 };

/** One image, one channel: [H, W] → [1, H, W, 1]. */
const image = (rows: number[][]): Tensor4 => [rows.map((r) => r.map((v) => [v]))];
/** One filter, one channel in and out: [KH, KW] → [KH, KW, 1, 1]. */
const filter = (rows: number[][]): Tensor4 => rows.map((r) => r.map((v) => [[v]]));

const X3 = image([[1, 2, 3], [4, 5, 6], [7, 8, 9]]); // [1, 3, 3, 1]

/** Standard normals of a shape, from a seeded generator. */
function normals(seed: number, shape: number[]): Tensor4 {
  const r = rng(seed);
  const [n, h, w, c] = shape;
  return Array.from(
    { length: n },
    () =>
      Array.from(
        { length: h },
        () => Array.from({ length: w }, () => Array.from({ length: c }, () => r.normal())),
      ),
  );
}

/** tf.conv2d(x, w) + b, the reference. */
const reference = (x: Tensor4, w: Tensor4, b: number[], s: [number, number], p: "valid" | "same") =>
  tf.tidy(() => tf.add(tf.conv2d(tf.tensor4d(x), tf.tensor4d(w), s, p), b).arraySync());

test("conv2d() slides the filter as it is, without flipping it (cross-correlation)", () => {
  // out[i][j] = x[i][j] − x[i+1][j+1] = −4 for every window.
  const got = conv2d(X3, filter([[1, 0], [0, -1]]), [0], [1, 1], "valid");
  expectClose(got, image([[-4, -4], [-4, -4]]), { what: "conv2d(3×3 ramp, [[1, 0], [0, −1]])" });
});

test("conv2d() under same with a 2×2 filter puts the extra zero row and column after", () => {
  // padTotal = 1 per axis, padTop = padLeft = 0: the top-left tap reads x[i][j] itself.
  const got = conv2d(X3, filter([[1, 0], [0, 0]]), [0.5], [1, 1], "same");
  expectClose(got, image([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5], [7.5, 8.5, 9.5]]), {
    what: 'conv2d(3×3 ramp, top-left tap, b = 0.5, "same")',
  });
});

test("conv2d() steps down by sh and across by sw", () => {
  const x = image([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15], [16, 17, 18, 19, 20]]);
  const got = conv2d(x, filter([[1]]), [0], [2, 3], "valid");
  expectClose(got, image([[1, 4], [11, 14]]), { what: "conv2d(4×5 ramp, 1×1 filter, [2, 3])" });
});

test("conv2d() sums over input channels and adds one bias per output channel", () => {
  const x: Tensor4 = [[[[1, 10]]]]; // [1, 1, 1, 2]
  const w: Tensor4 = [[[[1, 2, 0], [1, -1, 0.5]]]]; // [1, 1, 2, 3]
  expectClose(conv2d(x, w, [0, 0, 1], [1, 1], "valid"), [[[[11, -8, 6]]]], {
    what: "conv2d(x [1, 1, 1, 2], w [1, 1, 2, 3])",
  });
});

test("conv2d() matches tf.conv2d on a batch of non-square images, same, even kernel, strides [2, 1]", () => {
  const x = normals(1, [2, 5, 7, 3]);
  const w = normals(2, [2, 3, 3, 2]);
  const b = [0.5, -1];
  expectClose(conv2d(x, w, b, [2, 1], "same"), reference(x, w, b, [2, 1], "same"), {
    ...TOL,
    what: 'conv2d(x [2, 5, 7, 3], w [2, 3, 3, 2], [2, 1], "same")',
  });
});

test("conv2d() matches tf.conv2d under valid with strides [1, 3]", () => {
  const x = normals(3, [2, 6, 8, 2]);
  const w = normals(4, [3, 2, 2, 3]);
  const b = [0, 1, 2];
  expectClose(conv2d(x, w, b, [1, 3], "valid"), reference(x, w, b, [1, 3], "valid"), {
    ...TOL,
    what: 'conv2d(x [2, 6, 8, 2], w [3, 2, 2, 3], [1, 3], "valid")',
  });
});

test("conv2d() under same accepts an image smaller than the filter", () => {
  const x = normals(5, [1, 2, 3, 1]);
  const w = normals(6, [4, 4, 1, 2]);
  expectClose(conv2d(x, w, [0, 0], [1, 1], "same"), reference(x, w, [0, 0], [1, 1], "same"), {
    ...TOL,
    what: 'conv2d(x [1, 2, 3, 1], w [4, 4, 1, 2], "same")',
  });
});

test("conv2d() throws a RangeError when the filter's input channels differ from x's", () => {
  const x = normals(7, [1, 3, 3, 2]);
  const w = normals(8, [2, 2, 3, 1]);
  expectThrows(
    () => conv2d(x, w, [0], [1, 1], "valid"),
    RangeError,
    "conv2d(x […, 2], w [2, 2, 3, 1])",
  );
});

test("conv2d() throws a RangeError when b does not have one value per output channel", () => {
  expectThrows(
    () => conv2d(X3, filter([[1]]), [0, 0], [1, 1], "valid"),
    RangeError,
    "conv2d(…, b [2])",
  );
});

test("conv2d() throws a RangeError for a stride that is not an integer ≥ 1", () => {
  expectThrows(
    () => conv2d(X3, filter([[1]]), [0], [1, 0], "same"),
    RangeError,
    "conv2d(…, [1, 0])",
  );
});

test("conv2d() throws a RangeError for a padding other than valid or same", () => {
  expectThrows(
    () => conv2d(X3, filter([[1]]), [0], [1, 1], "full" as "same"),
    RangeError,
    'conv2d(…, "full")',
  );
});

test("conv2d() throws a RangeError under valid when the filter is larger than the image", () => {
  const w = filter([[1, 1, 1, 1], [1, 1, 1, 1]]); // [2, 4, 1, 1]
  expectThrows(() => conv2d(X3, w, [0], [1, 1], "valid"), RangeError, 'conv2d(3×3, 2×4, "valid")');
});

test("conv2d() leaves its arguments unchanged", () => {
  const x = normals(9, [1, 3, 4, 2]);
  const w = normals(10, [2, 2, 2, 2]);
  const b = [1, -1];
  const before = structuredClone({ x, w, b });
  conv2d(x, w, b, [1, 2], "same");
  expectClose({ x, w, b }, before, {
    what: "the arguments after conv2d (build new arrays instead)",
  });
});
