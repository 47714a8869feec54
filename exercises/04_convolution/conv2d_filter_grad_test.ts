// Do not edit: your work is checked against these.
import { tf } from "../../lib/tf.ts";
import { rng } from "../../lib/random.ts";
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { conv2dFilterGradient, type Tensor4 } from "./conv2d_filter_grad.ts";

// tfjs computes in float32: about 7 significant digits.
const TOL = { rtol: 1e-4, atol: 1e-4 };
type Shape4 = [number, number, number, number];

/** One image, one channel: [H, W] → [1, H, W, 1]. */
const image = (rows: number[][]): Tensor4 => [rows.map((r) => r.map((v) => [v]))];
/** One filter, one channel in and out: [KH, KW] → [KH, KW, 1, 1]. */
const filter = (rows: number[][]): Tensor4 => rows.map((r) => r.map((v) => [[v]]));

const X3 = image([[1, 2, 3], [4, 5, 6], [7, 8, 9]]); // [1, 3, 3, 1]

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

/**
 * The reference: tf.grad of L(w) = Σ conv2d(x, w) ⊙ dy, whose ∂L/∂out is dy. It runs on
 * tfjs's cpu backend, tfjs's own kernel (on wasm, tf.grad would use the kit's, lib/tf.ts).
 */
async function tfGrad(
  x: Tensor4,
  dy: Tensor4,
  shape: Shape4,
  s: [number, number],
  p: "valid" | "same",
) {
  const previous = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    return tf.tidy(() => {
      const L = (w: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(tf.tensor4d(x), w as tf.Tensor4D, s, p), tf.tensor4d(dy)));
      return tf.grad(L)(tf.zeros(shape)).arraySync();
    });
  } finally {
    await tf.setBackend(previous);
  }
}

test("conv2dFilterGradient() with dy = 1 sums, for each tap, the inputs it multiplied", () => {
  // valid 2×2 on 3×3: tap (p, q) meets x[i + p][j + q] for i, j ∈ {0, 1}.
  const got = conv2dFilterGradient(X3, image([[1, 1], [1, 1]]), [2, 2, 1, 1], [1, 1], "valid");
  expectClose(got, filter([[12, 16], [24, 28]]), {
    what: 'conv2dFilterGradient(3×3 ramp, dy = ones [1, 2, 2, 1], [2, 2, 1, 1], "valid")',
  });
});

test("conv2dFilterGradient() adds the images of a batch (a sum, not a mean)", () => {
  const x: Tensor4 = [...X3, ...X3]; // [2, 3, 3, 1]
  const dy: Tensor4 = [...image([[1, 1], [1, 1]]), ...image([[1, 1], [1, 1]])];
  expectClose(
    conv2dFilterGradient(x, dy, [2, 2, 1, 1], [1, 1], "valid"),
    filter([[24, 32], [48, 56]]),
    {
      what: "conv2dFilterGradient(the 3×3 ramp twice, dy = ones)",
    },
  );
});

test("conv2dFilterGradient() matches tf.grad under same, even kernel, strides [2, 1], batch 2", async () => {
  const x = normals(1, [2, 5, 6, 3]);
  const dy = normals(2, [2, 3, 6, 2]); // OH = ceil(5/2), OW = 6
  const shape: Shape4 = [2, 3, 3, 2];
  expectClose(
    conv2dFilterGradient(x, dy, shape, [2, 1], "same"),
    await tfGrad(x, dy, shape, [2, 1], "same"),
    {
      ...TOL,
      what: 'conv2dFilterGradient(x [2, 5, 6, 3], dy [2, 3, 6, 2], [2, 3, 3, 2], [2, 1], "same")',
    },
  );
});

test("conv2dFilterGradient() matches tf.grad under valid with strides [1, 3]", async () => {
  const x = normals(3, [2, 6, 8, 2]);
  const dy = normals(4, [2, 4, 3, 3]); // OH = 6 − 3 + 1, OW = floor((8 − 2)/3) + 1
  const shape: Shape4 = [3, 2, 2, 3];
  expectClose(
    conv2dFilterGradient(x, dy, shape, [1, 3], "valid"),
    await tfGrad(x, dy, shape, [1, 3], "valid"),
    {
      ...TOL,
      what: 'conv2dFilterGradient(x [2, 6, 8, 2], dy [2, 4, 3, 3], [3, 2, 2, 3], [1, 3], "valid")',
    },
  );
});

test("conv2dFilterGradient() throws a RangeError when the filter's input channels differ from x's", () => {
  expectThrows(
    () => conv2dFilterGradient(X3, image([[1]]), [3, 3, 2, 1], [1, 1], "valid"),
    RangeError,
    "conv2dFilterGradient(x […, 1], …, [3, 3, 2, 1])",
  );
});

test("conv2dFilterGradient() throws a RangeError when dy is not the output's shape", () => {
  expectThrows(
    () => conv2dFilterGradient(X3, image([[1, 1], [1, 1]]), [2, 2, 1, 1], [1, 1], "same"),
    RangeError,
    'conv2dFilterGradient(3×3, dy [1, 2, 2, 1], 2×2, "same")',
  );
});

test("conv2dFilterGradient() throws a RangeError for a stride that is not an integer ≥ 1", () => {
  expectThrows(
    () => conv2dFilterGradient(X3, X3, [1, 1, 1, 1], [0, 1], "same"),
    RangeError,
    "conv2dFilterGradient(…, [0, 1])",
  );
});

test("conv2dFilterGradient() throws a RangeError for a padding other than valid or same", () => {
  expectThrows(
    () => conv2dFilterGradient(X3, X3, [1, 1, 1, 1], [1, 1], "full" as "same"),
    RangeError,
    'conv2dFilterGradient(…, "full")',
  );
});

test("conv2dFilterGradient() throws a RangeError under valid when the filter is larger than the image", () => {
  expectThrows(
    () => conv2dFilterGradient(X3, image([[1]]), [4, 1, 1, 1], [1, 1], "valid"),
    RangeError,
    'conv2dFilterGradient(3×3, …, [4, 1, 1, 1], "valid")',
  );
});

test("conv2dFilterGradient() leaves its arguments unchanged", () => {
  const x = normals(5, [2, 3, 4, 2]);
  const dy = normals(6, [2, 3, 2, 1]); // same, strides [1, 2]
  const before = structuredClone({ x, dy });
  conv2dFilterGradient(x, dy, [2, 2, 2, 1], [1, 2], "same");
  expectClose({ x, dy }, before, {
    what: "the arguments after conv2dFilterGradient (build new arrays instead)",
  });
});
