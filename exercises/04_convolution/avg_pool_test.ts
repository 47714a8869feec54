// Do not edit: your work is checked against these.
import { tf } from "../../lib/tf.ts";
import { rng } from "../../lib/random.ts";
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { avgPool2d, type Tensor4 } from "./avg_pool.ts";

/** One image, one channel: [H, W] → [1, H, W, 1]. */
const image = (rows: number[][]): Tensor4 => [rows.map((r) => r.map((v) => [v]))];

const X3 = image([[1, 2, 3], [4, 5, 6], [7, 8, 9]]); // [1, 3, 3, 1]
const X4 = image([[1, 5, 2, 0], [3, 4, 8, 1], [0, -1, 6, 7], [2, 9, 3, 5]]); // [1, 4, 4, 1]

/** Standard normals of a shape, from a seeded generator. */
function normals(seed: number, [n, h, w, c]: number[]): Tensor4 {
  const r = rng(seed);
  return Array.from(
    { length: n },
    () =>
      Array.from(
        { length: h },
        () => Array.from({ length: w }, () => Array.from({ length: c }, () => r.normal())),
      ),
  );
}

test("avgPool2d() under valid with 2×2 windows and stride 2 averages each block", () => {
  expectClose(avgPool2d(X4, [2, 2], [2, 2], "valid"), image([[3.25, 2.75], [2.5, 5.25]]), {
    what: 'avgPool2d(4×4, [2, 2], [2, 2], "valid")',
  });
});

test("avgPool2d() under same averages only the positions inside the image", () => {
  // 2×2 windows at stride 1: the last row and column overhang the image by one.
  const want = image([[3, 4, 4.5], [6, 7, 7.5], [7.5, 8.5, 9]]);
  expectClose(avgPool2d(X3, [2, 2], [1, 1], "same"), want, {
    what: 'avgPool2d(3×3 ramp, [2, 2], [1, 1], "same")',
  });
});

test("avgPool2d() matches tf.avgPool on a batch of non-square images, same, strides [1, 2]", () => {
  const x = normals(2, [2, 6, 5, 3]);
  const want = tf.tidy(() => tf.avgPool(tf.tensor4d(x), [3, 2], [1, 2], "same").arraySync());
  expectClose(avgPool2d(x, [3, 2], [1, 2], "same"), want, {
    rtol: 1e-4,
    atol: 1e-5,
    what: 'avgPool2d(x [2, 6, 5, 3], [3, 2], [1, 2], "same")',
  });
});

test("avgPool2d() throws a RangeError for a window size or stride that is not an integer ≥ 1", () => {
  expectThrows(
    () => avgPool2d(X3, [2, -1], [1, 1], "same"),
    RangeError,
    "avgPool2d(…, [2, -1], …)",
  );
  expectThrows(() => avgPool2d(X3, [2, 2], [0, 1], "same"), RangeError, "avgPool2d(…, [0, 1])");
});

test("avgPool2d() throws a RangeError for a padding other than valid or same", () => {
  expectThrows(
    () => avgPool2d(X3, [2, 2], [1, 1], "full" as "same"),
    RangeError,
    'avgPool2d(…, "full")',
  );
});

test("avgPool2d() throws a RangeError under valid when the window is larger than the image", () => {
  expectThrows(
    () => avgPool2d(X3, [1, 4], [1, 1], "valid"),
    RangeError,
    'avgPool2d(3×3, [1, 4], "valid")',
  );
});

test("avgPool2d() leaves its arguments unchanged", () => {
  const x = normals(3, [2, 3, 4, 2]);
  const before = structuredClone(x);
  avgPool2d(x, [2, 2], [1, 2], "same");
  expectClose(x, before, { what: "x after avgPool2d (build new arrays instead)" });
});
