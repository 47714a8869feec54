/** Four nested arrays: images [N, H, W, C] (NHWC) or a filter [KH, KW, Cin, Cout]. */
export type Tensor4 = number[][][][];

/**
 * The gradient of a loss with respect to the filter of `tf.conv2d(x, w, strides,
 * padding)`, given the gradient dy with respect to the convolution's output.
 * Each filter tap meets, over the whole batch, exactly the inputs it multiplied:
 *
 *   dW[p,q,c,o] = Σ_{n,i,j} x[n, i·sh + p − padTop, j·sw + q − padLeft, c] · dy[n,i,j,o]
 *
 * with x read as 0 outside the image, and the output size and padding of each axis
 * those of the forward convolution (see convOutputSize). This is what tfjs calls
 * Conv2DBackpropFilter, and what `tf.grad` computes for a conv2d's filter. It is a sum
 * over the batch, not a mean (a mean belongs in the loss).
 *
 * @param x The convolution's input, shape [N, H, W, Cin].
 * @param dy ∂L/∂out, the gradient with respect to its output, shape [N, OH, OW, Cout].
 * @param filterShape [KH, KW, Cin, Cout]: the filter's shape.
 * @param strides [sh, sw]: the forward convolution's strides.
 * @param padding The forward convolution's padding, `"valid"` or `"same"`.
 * @returns dW = ∂L/∂w, shape [KH, KW, Cin, Cout].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 * @throws {RangeError} When filterShape's Cin differs from x's channels, dy's shape is not
 *   the convolution's output shape [N, OH, OW, Cout], a stride is not an integer ≥ 1,
 *   padding is neither `"valid"` nor `"same"`, or under `"valid"` the filter is larger
 *   than the image.
 */
export function conv2dFilterGradient(
  x: Tensor4,
  dy: Tensor4,
  filterShape: [number, number, number, number],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  // TODO: check the arguments (RangeError); output size and padding per axis as in conv2d.
  // TODO: dW[p][q][c][o] = the sum over n, i, j of x (0 outside the image) times dy[n][i][j][o].
  throw new Error("Not implemented: conv2dFilterGradient (lesson 04)");
}
