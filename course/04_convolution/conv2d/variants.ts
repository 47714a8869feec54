import type { conv2d } from "../../../exercises/04_convolution/conv2d.ts";
import { variants } from "../../define.ts";
import { conv, type ConvKnobs, type Padding, ramp, type T4 } from "../_variants.ts";

const wrong = (knobs: ConvKnobs) => (x: T4, w: T4, b: number[], s: [number, number], p: Padding) =>
  conv(x, w, b, s, p, knobs);

// H = W = C in every probe, so reading x as [N, C, H, W] runs (and is wrong).
const X3 = ramp([1, 3, 3, 3]);
const X4 = ramp([2, 4, 4, 4], 0.5, 7);

/** Known-wrong variants of `conv2d`. */
export default variants<typeof conv2d>({
  probes: [
    [X3, ramp([2, 2, 3, 3], 0.5, 5), [0.5, 0, -0.5], [1, 1], "same"],
    [X4, ramp([3, 3, 4, 2], 0.25, 7), [1, -1], [2, 1], "same"],
    [X4, ramp([2, 3, 4, 2], 0.5, 5), [0, 0.25], [1, 2], "valid"],
  ],
  variants: [
    {
      id: "conv2d.kernel_flipped",
      section: "why-cross-correlation-not-convolution",
      fn: wrong({ flip: true }),
    },
    {
      id: "conv2d.symmetric_padding",
      section: "padding-as-tfjs-computes-it",
      fn: wrong({ rule: "symmetric" }),
    },
    {
      id: "conv2d.extra_before",
      section: "padding-as-tfjs-computes-it",
      fn: wrong({ rule: "extra_before" }),
    },
    {
      id: "conv2d.same_ignores_stride",
      section: "the-output-size",
      fn: wrong({ rule: "ignore_stride" }),
    },
    {
      id: "conv2d.one_stride",
      section: "convolution-as-tfjs-computes-it",
      fn: wrong({ oneStride: true }),
    },
    {
      id: "conv2d.nchw",
      section: "channels-and-the-nhwc-layout",
      fn: wrong({ nchw: true }),
    },
  ],
});
