/** Four nested arrays: images [N, H, W, C] (NHWC) or a filter [KH, KW, Cin, Cout]. */
export type Tensor4 = number[][][][];

/**
 * A 2-D convolution exactly as `tf.conv2d(x, w, strides, padding)` computes it,
 * plus a bias: a cross-correlation (the filter is not flipped) over NHWC images.
 *
 *   out[n,i,j,o] = b[o] + Σ_{p,q,c} x[n, i·sh + p − padTop, j·sw + q − padLeft, c] · w[p,q,c,o]
 *
 * x counts as 0 outside the image. Each axis has its own output size and padding
 * (see convOutputSize): "valid" pads nothing and keeps floor((H − KH)/sh) + 1 rows;
 * "same" keeps ceil(H/sh) rows and pads padTotal = max((OH − 1)·sh + KH − H, 0)
 * zeros, padTop = floor(padTotal/2), the extra one at the bottom (likewise for columns).
 *
 * @param x Images, shape [N, H, W, Cin].
 * @param w Filter, shape [KH, KW, Cin, Cout].
 * @param b Bias, shape [Cout].
 * @param strides [sh, sw]: the step between windows down and across.
 * @param padding `"valid"` or `"same"`.
 * @returns The feature maps, shape [N, OH, OW, Cout].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 * @throws {RangeError} When w's input channels differ from x's, b does not have one
 *   value per output channel, a stride is not an integer ≥ 1, padding is neither
 *   `"valid"` nor `"same"`, or under `"valid"` the filter is larger than the image.
 */
export function conv2d(
  x: Tensor4,
  w: Tensor4,
  b: number[],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  // TODO: check the shapes and arguments (RangeError), then the output size and padding per axis.
  // TODO: for every n, i, j, o: b[o] plus the sum over p, q, c of x (0 outside) times w[p][q][c][o].
  throw new Error("Not implemented: conv2d (lesson 04)");
}
