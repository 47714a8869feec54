import type { softmax } from "../../../exercises/06_attention/softmax.ts";
import { variants } from "../../define.ts";
import { softmax as reference } from "../../../solutions/06_attention/softmax.ts";

type M = number[][];
const transpose = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));

/** Known-wrong variants of `softmax`. */
export default variants<typeof softmax>({
  probes: [[[[1000, 1001, 999, -Infinity], [1, 2, 0, 3]]], [[[-1000, 0, 1]]]],
  variants: [
    {
      id: "softmax.no_max",
      section: "a-stable-softmax",
      // exp(1000) = Infinity, and Infinity / Infinity = NaN.
      fn: (rows) =>
        rows.map((row) => {
          const e = row.map(Math.exp);
          const sum = e.reduce((s, x) => s + x, 0);
          return e.map((x) => x / sum);
        }),
    },
    {
      id: "softmax.first_entry",
      section: "a-stable-softmax",
      // Any constant cancels, but only the maximum keeps every exponent ≤ 0: exp(1000) = Infinity.
      fn: (rows) =>
        rows.map((row) => {
          const e = row.map((x) => Math.exp(x - row[0]));
          const sum = e.reduce((s, x) => s + x, 0);
          return e.map((x) => x / sum);
        }),
    },
    {
      id: "softmax.columns",
      section: "which-axis",
      fn: (rows) => transpose(reference(transpose(rows))),
    },
  ],
});
