import type { positionalEncoding } from "../../../exercises/06_attention/positional_encoding.ts";
import { variants } from "../../define.ts";

/** An encoding built from a frequency per column and a wave per column. */
const build = (
  T: number,
  d: number,
  freq: (j: number) => number,
  wave: (j: number) => (x: number) => number,
  start = 0,
) =>
  Array.from(
    { length: T },
    (_, t) => Array.from({ length: d }, (_, j) => wave(j)((t + start) * freq(j))),
  );

const pairFreq = (d: number) => (j: number) => 10000 ** (-(2 * Math.floor(j / 2)) / d);
const interleaved = (j: number) => (j % 2 === 0 ? Math.sin : Math.cos);

/** Known-wrong variants of `positionalEncoding`. */
export default variants<typeof positionalEncoding>({
  probes: [[3, 4]],
  variants: [
    {
      id: "positional_encoding.swapped",
      section: "positional-encoding",
      fn: (T, d) => build(T, d, pairFreq(d), (j) => (j % 2 === 0 ? Math.cos : Math.sin)),
    },
    {
      id: "positional_encoding.column_exponent",
      section: "positional-encoding",
      // 10000^(j/d) with the column j instead of the pair's 2i: the cosine gets its own frequency.
      fn: (T, d) => build(T, d, (j) => 10000 ** (-j / d), interleaved),
    },
    {
      id: "positional_encoding.halves",
      section: "positional-encoding",
      // Sines in the first half, cosines in the second (another convention, not this one).
      fn: (T, d) => {
        const half = Math.ceil(d / 2);
        return build(
          T,
          d,
          (j) => 10000 ** (-(2 * (j % half)) / d),
          (j) => (j < half ? Math.sin : Math.cos),
        );
      },
    },
    {
      id: "positional_encoding.from_one",
      section: "positional-encoding",
      fn: (T, d) => build(T, d, pairFreq(d), interleaved, 1),
    },
  ],
});
