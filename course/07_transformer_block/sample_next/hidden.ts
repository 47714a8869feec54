import type { sampleNext } from "../../../exercises/07_transformer_block/sample_next.ts";
import { type Case, cases } from "../../define.ts";
import { randomVector, type Rng } from "../../../lib/random.ts";
import { sampleNext as reference } from "../../../solutions/07_transformer_block/sample_next.ts";
import catalogue from "./variants.ts";
import { between, type V } from "../_hidden.ts";

type Opts = { temperature: number; topK: number; u: number };

/** Logits the function must refuse: an id, what is wrong, and how to spoil good logits so. */
const BAD_LOGITS: Array<[string, string, (l: number[], r: Rng) => void]> = [
  ["empty-logits", "empty logits", (l) => {
    l.length = 0;
  }],
  ["a-nan-logit", "a NaN logit", (l, r) => {
    l[r.int(l.length)] = NaN;
  }],
  ["an-infinite-logit", "a +∞ logit", (l, r) => {
    l[r.int(l.length)] = Infinity;
  }],
  ["every-logit-masked", "every logit −∞", (l) => {
    l.fill(-Infinity);
  }],
];

/** Options the function must refuse, likewise. */
const BAD_OPTIONS: Array<[string, string, (o: Opts, r: Rng) => void]> = [
  ["a-negative-temperature", "a temperature < 0", (o, r) => {
    o.temperature = -r.uniform(0.1, 2);
  }],
  ["an-infinite-temperature", "a temperature of +∞", (o) => {
    o.temperature = Infinity;
  }],
  ["a-nan-temperature", "a temperature that is NaN", (o) => {
    o.temperature = NaN;
  }],
  ["a-fractional-topk", "a topK that is not an integer", (o) => {
    o.topK = 1.5;
  }],
  ["a-negative-topk", "a topK < 0", (o) => {
    o.topK = -1;
  }],
  ["u-of-one", "u = 1 (u must be in [0, 1))", (o) => {
    o.u = 1;
  }],
  ["a-negative-u", "u < 0", (o, r) => {
    o.u = -r.uniform(0.01, 1);
  }],
  ["a-nan-u", "u that is NaN", (o) => {
    o.u = NaN;
  }],
  // Greedy decoding ignores u, but the documentation says u is still checked at T = 0.
  [
    "u-of-one-at-temperature-zero",
    "u = 1 at temperature 0 (greedy decoding still checks u)",
    (o) => {
      o.temperature = 0;
      o.u = 1;
    },
  ],
];

/**
 * A u at which the reference and the named mistake pick different tokens, drawn
 * from `r` until one is found. One call returns one index, and a mistake can pick
 * the right one by luck for a given u; with u drawn where they differ, the case
 * fails that mistake for every student's random inputs, not only for most.
 */
function uWhereWrong(
  r: Rng,
  logits: V,
  o: Omit<Opts, "u">,
  mistake: string | string[],
): number {
  const wrong = [mistake].flat().map((m) =>
    catalogue.variants.find((v) => v.id === `sample_next.${m}`)!.fn
  );
  for (let tries = 0; tries < 10_000; tries++) {
    const u = r.next();
    const right = reference(logits, { ...o, u });
    if (wrong.every((f) => right !== f([...logits], { ...o, u }))) return u;
  }
  // The grader draws this case again from a derived seed.
  throw new Error(`sample_next hidden cases: no u tells ${mistake} apart on [${logits}]`);
}

/** A temperature clearly below or above 1. */
const notOne = (r: Rng): number => (r.next() < 0.5 ? r.uniform(0.2, 0.5) : r.uniform(2, 4));

/** Logits [n] of spread `scale`, their largest entry neither first nor last and unique. */
function logitsWithInnerMax(r: Rng, n: number, scale: number): V {
  const l = randomVector(r, n).map((x) => scale * x);
  const at = 1 + r.int(n - 2);
  l[at] = Math.max(...l) + 0.5 * scale + r.next();
  return l;
}

/** Hidden cases of `sampleNext`. */
export default cases<typeof sampleNext>([
  {
    id: "random-logits-temperature-and-top-k",
    name:
      "random logits (V = 6–40) at a random temperature and top-k, leaving its arguments unchanged",
    points: 0.5,
    property: "pure",
    args: (r) => {
      const n = between(r, 6, 40);
      return [randomVector(r, n).map((x) => 2 * x), {
        temperature: r.uniform(0.3, 3),
        topK: between(r, 2, n - 2),
        u: r.next(),
      }];
    },
  },
  {
    id: "temperature-divides-the-logits",
    name: "a temperature of 0.2–0.5 or 2–4 divides the logits (at a u where that matters)",
    points: 0.75,
    args: (r) => {
      const logits = randomVector(r, between(r, 4, 12)).map((x) => 1.5 * x);
      const o = { temperature: notOne(r), topK: 0 };
      return [logits, { ...o, u: uWhereWrong(r, logits, o, "temperature_multiplies") }];
    },
  },
  {
    id: "temperature-comes-before-the-softmax",
    name: "the temperature rescales the logits before the softmax, so p still sums to 1",
    points: 0.75,
    args: (r) => {
      const logits = randomVector(r, between(r, 4, 12)).map((x) => 1.5 * x);
      const o = { temperature: notOne(r), topK: r.next() < 0.5 ? 0 : 3 };
      return [logits, { ...o, u: uWhereWrong(r, logits, o, "temperature_after_softmax") }];
    },
  },
  {
    id: "top-k-renormalises-the-kept-tokens",
    name: "top-k takes the softmax of the k kept logits only (their p sum to 1)",
    points: 0.75,
    args: (r) => {
      const n = between(r, 8, 30);
      const logits = randomVector(r, n);
      const o = { temperature: r.uniform(0.7, 1.5), topK: between(r, 2, Math.floor(n / 2)) };
      return [logits, { ...o, u: uWhereWrong(r, logits, o, "topk_no_renormalise") }];
    },
  },
  {
    id: "top-k-keeps-exactly-k-ties-to-the-lower-index",
    name: "top-k keeps exactly k tokens, the lower index among equal logits at the boundary",
    points: 1,
    args: (r) => {
      // Distinct logits, then the (k+1)-th largest made equal to the k-th: a tie at the boundary.
      const n = between(r, 6, 16);
      const k = between(r, 2, n - 3);
      const logits = r.shuffle(Array.from({ length: n }, (_, i) => i * 0.4 + 0.3 * r.next()));
      const order = logits.map((_, i) => i).sort((a, b) => logits[b] - logits[a]);
      logits[order[k]] = logits[order[k - 1]];
      const o = { temperature: 1, topK: k };
      return [logits, {
        ...o,
        u: uWhereWrong(r, logits, o, ["topk_off_by_one", "topk_ties_to_higher"]),
      }];
    },
  },
  {
    id: "u-on-a-running-sum-skips-masked-tokens",
    name: "u exactly equal to a running sum picks the next token, never a masked (−∞) one",
    points: 1,
    args: (r) => {
      // m logits of 0 (m = 2, 4 or 8) among −∞ ones: exp gives exactly 1 (with or without the
      // max subtracted), so p = 1/m and every running sum j/m is exact in float64.
      const m = 2 ** between(r, 1, 3);
      const logits: V = [];
      for (let kept = 0; kept < m;) {
        if (r.next() < 0.4) logits.push(-Infinity);
        else (logits.push(0), kept++);
      }
      if (logits[0] !== -Infinity) logits.unshift(-Infinity);
      // u > 0: at u = 0 a sum ≥ u and a sum > u pick the same token.
      return [logits, { temperature: r.uniform(0.5, 2), topK: 0, u: (1 + r.int(m - 1)) / m }];
    },
  },
  {
    id: "extreme-logits-and-a-tiny-temperature",
    name:
      "logits near +1e4 or −1e4 at T = 0.01 or 0.5 (exp overflows unless the maximum of ℓ/T is subtracted)",
    points: 1,
    args: (r) => {
      const shift = r.next() < 0.5 ? 1e4 : -1e4;
      const logits = logitsWithInnerMax(r, between(r, 4, 10), 3).map((l) => shift + l);
      const o = { temperature: r.next() < 0.5 ? 0.01 : 0.5, topK: r.next() < 0.5 ? 0 : 3 };
      return [logits, { ...o, u: uWhereWrong(r, logits, o, ["no_max", "max_before_temperature"]) }];
    },
  },
  {
    id: "greedy-at-temperature-zero",
    name: "temperature 0 returns the largest logit, the lowest index: it appears twice",
    points: 1,
    args: (r) => {
      const n = between(r, 5, 15);
      const logits = logitsWithInnerMax(r, n, 2);
      const top = logits.indexOf(Math.max(...logits));
      logits[top + 1 + r.int(n - top - 1)] = logits[top]; // a later tie
      return [logits, { temperature: 0, topK: r.int(n + 1), u: r.next() }];
    },
  },
  // Each bad input is a case of its own, posed on every attempt: one case drawing one of them at
  // random let an implementation that skips a single check through on some attempts. A quarter
  // point each (exact in binary, so totals add up exactly).
  ...BAD_LOGITS.map(([id, what, spoil]): Case<typeof sampleNext> => ({
    id: `throws-a-rangeerror-for-${id}`,
    name: `throws a RangeError for ${what}`,
    points: 0.25,
    args: (r) => {
      const logits = randomVector(r, between(r, 3, 8));
      spoil(logits, r);
      return [logits, { temperature: 1, topK: 0, u: r.next() }];
    },
    throws: "RangeError",
  })),
  ...BAD_OPTIONS.map(([id, what, spoil]): Case<typeof sampleNext> => ({
    id: `throws-a-rangeerror-for-${id}`,
    name: `throws a RangeError for ${what}`,
    points: 0.25,
    args: (r) => {
      const o = { temperature: r.uniform(0.5, 2), topK: 2, u: r.next() };
      spoil(o, r);
      return [randomVector(r, between(r, 3, 8)), o];
    },
    throws: "RangeError",
  })),
]);
