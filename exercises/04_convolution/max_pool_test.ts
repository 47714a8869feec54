// Do not edit: your work is checked against these.
import { tf } from "../../lib/tf.ts";
import { rng } from "../../lib/random.ts";
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { maxPool2d, type Tensor4 } from "./max_pool.ts";

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

test("maxPool2d() under valid with 2×2 windows and stride 2 keeps each block's largest value", () => {
  expectClose(maxPool2d(X4, [2, 2], [2, 2], "valid"), image([[5, 8], [9, 7]]), {
    what: 'maxPool2d(4×4, [2, 2], [2, 2], "valid")',
  });
});

test("maxPool2d() under same skips the padding: a window of negatives stays negative", () => {
  const neg = image([[-9, -8, -7], [-6, -5, -4], [-3, -2, -1]]);
  // 2×2 windows at stride 1: padTotal = 1, so the last row and column overhang the image.
  const want = image([[-5, -4, -4], [-2, -1, -1], [-2, -1, -1]]);
  expectClose(maxPool2d(neg, [2, 2], [1, 1], "same"), want, {
    what: 'maxPool2d(3×3 negatives, [2, 2], [1, 1], "same")',
  });
});

test("maxPool2d() matches tf.maxPool on a batch of non-square images, same, strides [2, 1]", () => {
  const x = normals(1, [2, 5, 6, 3]);
  const want = tf.tidy(() => tf.maxPool(tf.tensor4d(x), [2, 3], [2, 1], "same").arraySync());
  expectClose(maxPool2d(x, [2, 3], [2, 1], "same"), want, {
    rtol: 1e-6,
    what: 'maxPool2d(x [2, 5, 6, 3], [2, 3], [2, 1], "same")',
  });
});

test("maxPool2d() throws a RangeError for a window size or stride that is not an integer ≥ 1", () => {
  expectThrows(() => maxPool2d(X3, [0, 2], [1, 1], "same"), RangeError, "maxPool2d(…, [0, 2], …)");
  expectThrows(() => maxPool2d(X3, [2, 2], [1, 1.5], "same"), RangeError, "maxPool2d(…, [1, 1.5])");
});

test("maxPool2d() throws a RangeError for a padding other than valid or same", () => {
  expectThrows(
    () => maxPool2d(X3, [2, 2], [1, 1], "full" as "same"),
    RangeError,
    'maxPool2d(…, "full")',
  );
});

test("maxPool2d() throws a RangeError under valid when the window is larger than the image", () => {
  expectThrows(
    () => maxPool2d(X3, [4, 1], [1, 1], "valid"),
    RangeError,
    'maxPool2d(3×3, [4, 1], "valid")',
  );
});

test("maxPool2d() leaves its arguments unchanged", () => {
  const x = normals(3, [2, 3, 4, 2]);
  const before = structuredClone(x);
  maxPool2d(x, [2, 2], [1, 2], "same");
  expectClose(x, before, { what: "x after maxPool2d (build new arrays instead)" });
});
