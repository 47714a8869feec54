/** Images in NHWC order, x[n][row][column][channel]: shape [N, H, W, C]. */
export type Tensor4 = number[][][][];

/**
 * Average pooling exactly as `tf.avgPool(x, poolSize, strides, padding)` computes it:
 * the mean of each window, channel by channel, over the positions inside the image.
 *
 *   out[n,i,j,c] = (1 / count) Σ over in-bounds (p, q) of x[n, i·sh + p − padTop, j·sw + q − padLeft, c]
 *
 * where count is the number of in-bounds positions of that window. Output size and
 * padding per axis are those of convOutputSize. Under `"same"` a window that
 * overlaps the padding averages fewer values: the padding is not counted.
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
export function avgPool2d(
  x: Tensor4,
  poolSize: [number, number],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  // TODO: check the arguments (RangeError), then the output size and padding per axis (as in conv2d).
  // TODO: each output is the mean of the x in its window that lie inside the image (count them).
  throw new Error("Not implemented: avgPool2d (lesson 04)");
}
