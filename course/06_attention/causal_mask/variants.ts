import type { causalMask } from "../../../exercises/06_attention/causal_mask.ts";
import { variants } from "../../define.ts";

const build = (T: number, allowed: (i: number, j: number) => boolean, hidden = -Infinity) =>
  Array.from(
    { length: T },
    (_, i) => Array.from({ length: T }, (_, j) => (allowed(i, j) ? 0 : hidden)),
  );

/** Known-wrong variants of `causalMask`. */
export default variants<typeof causalMask>({
  probes: [[3]],
  variants: [
    {
      id: "causal_mask.future",
      section: "the-causal-mask",
      fn: (T) => build(T, (i, j) => j >= i),
    },
    {
      id: "causal_mask.no_diagonal",
      section: "the-causal-mask",
      fn: (T) => build(T, (i, j) => j < i),
    },
    {
      id: "causal_mask.zero_one",
      section: "mask-before-the-softmax-with-minus-infinity",
      // A multiplicative 1/0 mask where the additive 0/−∞ one is asked for.
      fn: (T) => build(T, () => false).map((row, i) => row.map((_, j) => (j <= i ? 1 : 0))),
    },
  ],
});
