import type { maxPool2d } from "../../../exercises/04_convolution/max_pool.ts";
import { variants } from "../../define.ts";
import { type Padding, pool, type PoolKnobs, ramp, type T4 } from "../_variants.ts";

const wrong = (knobs: PoolKnobs) => (x: T4, k: [number, number], s: [number, number], p: Padding) =>
  pool(x, k, s, p, "max", knobs);

// All negative, so a zero read from the padding would win the max.
const NEG = ramp([1, 3, 4, 2], 0.5, 7).map((im) =>
  im.map((row) => row.map((px) => px.map((v) => v - 2)))
);

/** Known-wrong variants of `maxPool2d`. */
export default variants<typeof maxPool2d>({
  probes: [
    [NEG, [2, 2], [1, 1], "same"],
    [ramp([1, 5, 4, 1], 0.5, 11), [2, 3], [2, 1], "same"],
    [ramp([2, 4, 6, 2], 0.25, 7), [2, 2], [1, 2], "valid"],
  ],
  variants: [
    { id: "max_pool.pads_with_zeros", section: "pooling", fn: wrong({ zeroPadding: true }) },
    {
      id: "max_pool.extra_before",
      section: "padding-as-tfjs-computes-it",
      fn: wrong({ rule: "extra_before" }),
    },
    {
      id: "max_pool.same_ignores_stride",
      section: "the-output-size",
      fn: wrong({ rule: "ignore_stride" }),
    },
    { id: "max_pool.one_stride", section: "pooling", fn: wrong({ oneStride: true }) },
  ],
});
