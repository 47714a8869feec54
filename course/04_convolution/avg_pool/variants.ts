import type { avgPool2d } from "../../../exercises/04_convolution/avg_pool.ts";
import { variants } from "../../define.ts";
import { type Padding, pool, type PoolKnobs, ramp, type T4 } from "../_variants.ts";

const wrong = (knobs: PoolKnobs) => (x: T4, k: [number, number], s: [number, number], p: Padding) =>
  pool(x, k, s, p, "avg", knobs);

/** Known-wrong variants of `avgPool2d`. */
export default variants<typeof avgPool2d>({
  probes: [
    [ramp([1, 3, 4, 2], 0.5, 7), [2, 2], [1, 1], "same"],
    [ramp([1, 5, 4, 1], 0.5, 11), [2, 3], [2, 1], "same"],
    [ramp([2, 4, 6, 2], 0.25, 7), [2, 2], [1, 2], "valid"],
  ],
  variants: [
    {
      id: "avg_pool.counts_padding",
      section: "average-pooling-ignores-the-padding",
      fn: wrong({ countPadding: true }),
    },
    {
      id: "avg_pool.extra_before",
      section: "padding-as-tfjs-computes-it",
      fn: wrong({ rule: "extra_before" }),
    },
    {
      id: "avg_pool.same_ignores_stride",
      section: "the-output-size",
      fn: wrong({ rule: "ignore_stride" }),
    },
    { id: "avg_pool.one_stride", section: "pooling", fn: wrong({ oneStride: true }) },
  ],
});
