import type { sampleNext } from "../../../exercises/07_transformer_block/sample_next.ts";
import { variants } from "../../define.ts";
import type { V } from "../_variants.ts";

type Opts = { temperature: number; topK: number; u: number };

/** The index of the largest entry, the first of equal ones. */
const argmax = (a: V): number => a.reduce((best, x, i) => (x > a[best] ? i : best), 0);

/** The index of the largest entry, the last of equal ones (a mistake). */
const argmaxLast = (a: V): number => a.reduce((best, x, i) => (x >= a[best] ? i : best), 0);

/**
 * Which tokens top-k keeps: the `n` largest logits (ties to the lower index, or
 * to the higher with `tiesHigh`); all of them for n = 0 or n ≥ V.
 */
function keptMask(logits: V, n: number, tiesHigh = false): boolean[] {
  if (n <= 0 || n >= logits.length) return logits.map(() => true);
  const order = logits.map((_, i) => i).sort((a, b) =>
    logits[b] - logits[a] || (tiesHigh ? b - a : a - b)
  );
  const kept = logits.map(() => false);
  for (const i of order.slice(0, n)) kept[i] = true;
  return kept;
}

/** Softmax of z (−∞ entries get 0), the maximum subtracted first unless `stable` is false. */
function softmax(z: V, stable = true): V {
  const m = stable ? Math.max(...z) : 0;
  const e = z.map((v) => Math.exp(v - m));
  const total = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / total);
}

/**
 * The inverse CDF as the mistakes write it: the first i whose running sum of
 * p passes u (`>`, or `>=`), and the last index when none does (a NaN sum, or
 * weights that do not add up to 1).
 */
function pick(p: V, u: number, atLeast = false): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    sum += p[i];
    if (atLeast ? sum >= u : sum > u) return i;
  }
  return p.length - 1;
}

/** The right computation with one step swapped out, for the variants below. */
function sample(
  logits: V,
  { temperature: t, topK: k, u }: Opts,
  slip: {
    scale?: (l: number, t: number) => number;
    keep?: number;
    stable?: boolean;
    atLeast?: boolean;
    greedy?: boolean;
    greedyLast?: boolean;
    tiesHigh?: boolean;
    /** exp(ℓ/T − max ℓ): the maximum of the logits, not of the scaled ones. */
    maxBeforeTemperature?: boolean;
  } = {},
): number {
  if (t === 0 && slip.greedy !== false) return (slip.greedyLast ? argmaxLast : argmax)(logits);
  const kept = keptMask(logits, slip.keep ?? k, slip.tiesHigh);
  const top = Math.max(...logits.filter((_, i) => kept[i]));
  const z = logits.map((l, i) =>
    kept[i]
      ? (slip.scale ?? ((a, b) => a / b))(l, t) - (slip.maxBeforeTemperature ? top : 0)
      : -Infinity
  );
  return pick(softmax(z, !slip.maxBeforeTemperature && (slip.stable ?? true)), u, slip.atLeast);
}

/** Known-wrong variants of `sampleNext`. */
export default variants<typeof sampleNext>({
  // Small hand-made logits at T = 0.5, 2, 1 and 0, with and without top-k; u = 0.25 on four
  // equal tokens (exactly a running sum); logits near 800, where exp alone overflows.
  probes: [
    [[2, 0.5, 1, -1, 0], { temperature: 0.5, topK: 0, u: 0.9 }],
    [[2, 0.5, 1, -1, 0], { temperature: 2, topK: 2, u: 0.8 }],
    [[2, 0.5, 1, -1, 0], { temperature: 2, topK: 0, u: 0.8 }],
    [[3, 1, 2, 0, 1], { temperature: 1, topK: 3, u: 0.97 }],
    [[0, 0, 0, 0], { temperature: 1, topK: 0, u: 0.25 }],
    [[800, 799, 790], { temperature: 1, topK: 0, u: 0.5 }],
    [[1, 3, 2, 0], { temperature: 0, topK: 0, u: 0.5 }],
    // A tie for the largest at T = 0; a tie at top-k's boundary; logits near 1000 at T = 0.5.
    [[1, 3, 2, 3], { temperature: 0, topK: 0, u: 0.5 }],
    [[3, 1, 1, 0], { temperature: 1, topK: 2, u: 0.89 }],
    [[1000, 999, 990], { temperature: 0.5, topK: 0, u: 0.5 }],
  ],
  variants: [
    {
      id: "sample_next.temperature_multiplies",
      section: "dividing-by-the-temperature",
      // ℓ · T: a low temperature flattens the distribution instead of sharpening it.
      fn: (logits, opts) => sample(logits, opts, { scale: (l, t) => l * t }),
    },
    {
      id: "sample_next.temperature_after_softmax",
      section: "dividing-by-the-temperature",
      // softmax(ℓ)^(1/T), never divided by its new sum.
      fn: (logits, { temperature: t, topK: k, u }) => {
        if (t === 0) return argmax(logits);
        const kept = keptMask(logits, k);
        const p = softmax(logits.map((l, i) => (kept[i] ? l : -Infinity)));
        return pick(p.map((x) => x ** (1 / t)), u);
      },
    },
    {
      id: "sample_next.greedy_not_handled",
      section: "dividing-by-the-temperature",
      // T = 0 goes through ℓ / 0: ±∞ and NaN, so every p is NaN.
      fn: (logits, opts) => sample(logits, opts, { greedy: false }),
    },
    {
      id: "sample_next.no_max",
      section: "dividing-by-the-temperature",
      // exp(ℓ / T) overflows to ∞ (or underflows to 0 everywhere): ∞ / ∞ and 0 / 0 are NaN.
      fn: (logits, opts) => sample(logits, opts, { stable: false }),
    },
    {
      id: "sample_next.topk_no_renormalise",
      section: "keeping-the-top-k",
      // Softmax over every token, then the dropped ones zeroed: the kept p sum to less than 1.
      fn: (logits, { temperature: t, topK: k, u }) => {
        if (t === 0) return argmax(logits);
        const kept = keptMask(logits, k);
        const p = softmax(logits.map((l) => l / t));
        return pick(p.map((x, i) => (kept[i] ? x : 0)), u);
      },
    },
    {
      id: "sample_next.topk_off_by_one",
      section: "keeping-the-top-k",
      // k + 1 tokens kept.
      fn: (logits, opts) => sample(logits, opts, { keep: opts.topK > 0 ? opts.topK + 1 : 0 }),
    },
    {
      id: "sample_next.topk_ties_to_higher",
      section: "keeping-the-top-k",
      // Equal logits at the boundary: the higher index kept instead of the lower.
      fn: (logits, opts) => sample(logits, opts, { tiesHigh: true }),
    },
    {
      id: "sample_next.greedy_last_of_ties",
      section: "dividing-by-the-temperature",
      // T = 0 with the largest logit twice: the later one (>= where > belongs).
      fn: (logits, opts) => sample(logits, opts, { greedyLast: true }),
    },
    {
      id: "sample_next.max_before_temperature",
      section: "dividing-by-the-temperature",
      // exp(ℓ/T − max ℓ): for T < 1 the exponent reaches (1/T − 1)·max ℓ, and exp overflows.
      fn: (logits, opts) => sample(logits, opts, { maxBeforeTemperature: true }),
    },
    {
      id: "sample_next.cdf_at_least",
      section: "from-a-uniform-number-to-a-token",
      // sum ≥ u instead of sum > u: u = 0.25 on four equal tokens gives token 0, not 1.
      fn: (logits, opts) => sample(logits, opts, { atLeast: true }),
    },
  ],
});
