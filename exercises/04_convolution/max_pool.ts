/** Images in NHWC order, x[n][row][column][channel]: shape [N, H, W, C]. */
export type Tensor4 = number[][][][];

/**
 * Max pooling exactly as `tf.maxPool(x, poolSize, strides, padding)` computes it:
 * the largest value of each window, channel by channel.
 *
 *   out[n,i,j,c] = max over in-bounds (p, q) of x[n, i·sh + p − padTop, j·sw + q − padLeft, c]
 *
 * Output size and padding per axis are those of convOutputSize. Under `"same"` the
 * padding is not made of zeros: positions outside the image are skipped, so a
 * window of negative numbers still returns a negative number.
 *
 * @param x Images, shape [N, H, W, C].
 * @param poolSize [KH, KW]: the window's height and width.
 * @param strides [sh, sw]: the step between windows down and across.
 * @param padding `"valid"` or `"same"`.
 * @returns The pooled maps, shape [N, OH, OW, C].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 * @throws {RangeError} When a window size or stride is not an integer ≥ 1, padding is
 *   neither `"valid"` nor `"same"`, or under `"valid"` the window is larger than the image.
 */
export function maxPool2d(
  x: Tensor4,
  poolSize: [number, number],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  // TODO: check the arguments (RangeError), then the output size and padding per axis (as in conv2d).
  // TODO: each output is the largest x in its window, skipping positions outside the image.
  throw new Error("Not implemented: maxPool2d (lesson 04)");
}
