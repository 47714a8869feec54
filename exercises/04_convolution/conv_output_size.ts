/** How tfjs pads one axis: the output length and the zeros added before and after. */
export interface AxisPadding {
  out: number;
  padBefore: number;
  padAfter: number;
}

/**
 * The output length of a convolution or pooling along one axis, and its
 * padding, exactly as TensorFlow.js computes them.
 *
 *   valid: out = floor((H − K) / s) + 1,  no padding
 *   same:  out = ceil(H / s),  padTotal = max((out − 1)·s + K − H, 0),
 *          padBefore = floor(padTotal / 2),  padAfter = padTotal − padBefore
 *
 * @param inSize H, the input length along this axis (an integer ≥ 1).
 * @param kernel K, the window length (an integer ≥ 1).
 * @param stride s, the step between windows (an integer ≥ 1).
 * @param padding `"valid"` (windows stay inside the input) or `"same"` (zeros around it).
 * @returns `{ out, padBefore, padAfter }`; under `"same"` an odd padTotal puts the extra
 *   zero after (bottom or right).
 * @throws {RangeError} When inSize, kernel or stride is not an integer ≥ 1, when padding
 *   is neither `"valid"` nor `"same"`, or when the kernel is longer than the input under
 *   `"valid"` (no window fits).
 */
export function convOutputSize(
  inSize: number,
  kernel: number,
  stride: number,
  padding: "valid" | "same",
): AxisPadding {
  // TODO: check the arguments (RangeError), then apply the formula of the padding mode.
  throw new Error("Not implemented: convOutputSize (lesson 04)");
}
