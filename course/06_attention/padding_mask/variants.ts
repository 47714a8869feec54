import type { paddingMask } from "../../../exercises/06_attention/padding_mask.ts";
import { variants } from "../../define.ts";

const X = -Infinity;
const build = (
  lengths: number[],
  T: number,
  entry: (n: number, i: number, j: number) => number,
) =>
  lengths.map((n) =>
    Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => entry(n, i, j)))
  );

/** Known-wrong variants of `paddingMask`. */
export default variants<typeof paddingMask>({
  probes: [[[2, 3, 1], 3]],
  variants: [
    {
      id: "padding_mask.off_by_one",
      section: "padding-masks",
      fn: (lengths, T) => build(lengths, T, (n, _, j) => (j <= n ? 0 : X)),
    },
    {
      id: "padding_mask.queries",
      section: "padding-masks",
      // Hides the padded queries (rows) instead of the padded keys (columns).
      fn: (lengths, T) => build(lengths, T, (n, i) => (i < n ? 0 : X)),
    },
    {
      id: "padding_mask.first_length",
      section: "padding-masks",
      fn: (lengths, T) => build(lengths.map(() => lengths[0]), T, (n, _, j) => (j < n ? 0 : X)),
    },
    {
      id: "padding_mask.zero_one",
      section: "mask-before-the-softmax-with-minus-infinity",
      fn: (lengths, T) => build(lengths, T, (n, _, j) => (j < n ? 1 : 0)),
    },
  ],
});
