import type { conv2dFilterGradient } from "../../../exercises/04_convolution/conv2d_filter_grad.ts";
import { variants } from "../../define.ts";
import { filterGrad, type GradKnobs, type Padding, ramp, type T4 } from "../_variants.ts";

type Shape4 = [number, number, number, number];
const wrong =
  (knobs: GradKnobs) => (x: T4, dy: T4, shape: Shape4, s: [number, number], p: Padding) =>
    filterGrad(x, dy, shape, s, p, knobs);

/** Known-wrong variants of `conv2dFilterGradient`. */
export default variants<typeof conv2dFilterGradient>({
  probes: [
    // same, stride 1, 2×2 kernel: padTotal = 1 on each axis.
    [ramp([2, 4, 5, 2], 0.5, 7), ramp([2, 4, 5, 3], 0.25, 5), [2, 2, 2, 3], [1, 1], "same"],
    // valid, strides [2, 3]: OH = 2, OW = 2.
    [ramp([2, 5, 6, 1], 0.5, 9), ramp([2, 2, 2, 2], 0.5, 5), [3, 2, 1, 2], [2, 3], "valid"],
  ],
  variants: [
    {
      id: "conv2d_filter_grad.kernel_flipped",
      section: "why-cross-correlation-not-convolution",
      fn: wrong({ flip: true }),
    },
    {
      id: "conv2d_filter_grad.extra_before",
      section: "padding-as-tfjs-computes-it",
      fn: wrong({ rule: "extra_before" }),
    },
    {
      id: "conv2d_filter_grad.batch_mean",
      section: "the-gradient-with-respect-to-the-filter",
      fn: wrong({ mean: true }),
    },
    {
      id: "conv2d_filter_grad.stride_ignored",
      section: "the-gradient-with-respect-to-the-filter",
      fn: wrong({ noStride: true }),
    },
  ],
});
