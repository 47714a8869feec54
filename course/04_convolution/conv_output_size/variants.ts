import type { convOutputSize } from "../../../exercises/04_convolution/conv_output_size.ts";
import { variants } from "../../define.ts";
import { axis, type Padding } from "../_variants.ts";

/** Known-wrong variants of `convOutputSize`. */
export default variants<typeof convOutputSize>({
  probes: [[6, 3, 2, "valid"], [6, 4, 2, "same"], [5, 4, 1, "same"], [7, 3, 3, "same"]],
  variants: [
    {
      id: "conv_output_size.no_floor",
      section: "the-output-size",
      // (H − K)/s + 1 and H/s, not rounded: a fraction of a window.
      fn: (h: number, k: number, s: number, padding: Padding) => {
        const out = padding === "valid" ? (h - k) / s + 1 : h / s;
        const total = padding === "valid" ? 0 : Math.max((out - 1) * s + k - h, 0);
        return { out, padBefore: Math.floor(total / 2), padAfter: total - Math.floor(total / 2) };
      },
    },
    {
      id: "conv_output_size.same_ignores_stride",
      section: "the-output-size",
      fn: (h: number, k: number, s: number, padding: Padding) =>
        axis(h, k, s, padding, "ignore_stride"),
    },
    {
      id: "conv_output_size.symmetric_padding",
      section: "padding-as-tfjs-computes-it",
      fn: (h: number, k: number, s: number, padding: Padding) =>
        axis(h, k, s, padding, "symmetric"),
    },
    {
      id: "conv_output_size.pad_k_minus_1",
      section: "padding-as-tfjs-computes-it",
      fn: (h: number, k: number, s: number, padding: Padding) =>
        axis(h, k, s, padding, "k_minus_1"),
    },
    {
      id: "conv_output_size.extra_before",
      section: "padding-as-tfjs-computes-it",
      fn: (h: number, k: number, s: number, padding: Padding) =>
        axis(h, k, s, padding, "extra_before"),
    },
  ],
});
