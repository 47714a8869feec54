import type { Vector } from "../../lib/types.ts";

/**
 * Picks the next token from a language model's logits: divide them by the
 * temperature T, keep the k largest, take the softmax of those, and turn the
 * uniform random number u into a token with the inverse CDF:
 *
 *   K = the indices of the k largest logits      zᵢ = ℓᵢ / T      m = max_{j∈K} zⱼ
 *   pᵢ = exp(zᵢ − m) / Σ_{j∈K} exp(zⱼ − m) for i in K, else 0
 *   answer = min { i : p₀ + p₁ + … + pᵢ > u }
 *
 * - T = 0 is greedy decoding: the index of the largest logit, the lowest index
 *   among equal ones (topK and u play no part, but u is still checked).
 * - topK = k keeps the k largest logits; among equal logits at the boundary the
 *   lower indices are kept, so exactly k are. k = 0, or k ≥ V, keeps them all.
 * - The running sum goes over the tokens in their original order (a token not
 *   kept adds 0), and the answer is the first index where it becomes strictly
 *   greater than u. So a token whose probability is 0 (a −∞ logit, or one left
 *   out by top-k) is never returned, not even for u = 0. If rounding leaves the
 *   whole sum at or below u, the answer is the last token with pᵢ > 0.
 *
 * @param logits ℓ, one score per token of the vocabulary, shape [V]: finite
 *   numbers, or −∞ for a masked token.
 * @param opts `temperature` T ≥ 0 (finite); `topK` k, an integer ≥ 0; `u`, a
 *   uniform random number in [0, 1) (from a seeded generator, for reproducible text).
 * @returns The index of the chosen token, in [0, V).
 * @throws {RangeError} When logits is empty or every logit is −∞, a logit is NaN
 *   or +∞, T is negative or not finite, k is not an integer ≥ 0, or u is not in [0, 1).
 * @guarantee pure It returns a number; logits and opts are unchanged after the call.
 */
export function sampleNext(
  logits: Vector,
  opts: { temperature: number; topK: number; u: number },
): number {
  const { temperature: t, topK: k, u } = opts;
  const v = logits.length;
  const bad = logits.findIndex((l) => Number.isNaN(l) || l === Infinity);
  if (bad >= 0) {
    throw new RangeError(
      `Cannot sample as every logit must be finite or -Infinity: logits[${bad}] is ${logits[bad]}`,
    );
  }
  if (!(t >= 0 && t < Infinity)) {
    throw new RangeError(
      `Cannot sample as the temperature must be a finite number >= 0: current value is ${t}`,
    );
  }
  if (!Number.isInteger(k) || k < 0) {
    throw new RangeError(`Cannot sample as topK must be an integer >= 0: current value is ${k}`);
  }
  if (!(u >= 0 && u < 1)) {
    throw new RangeError(`Cannot sample as u must be in [0, 1): current value is ${u}`);
  }
  let best = 0;
  for (let i = 1; i < v; i++) if (logits[i] > logits[best]) best = i; // the first of equal maxima
  if (v === 0 || logits[best] === -Infinity) {
    throw new RangeError(
      `Cannot sample from ${v} logits as there must be at least one that is not -Infinity`,
    );
  }
  if (t === 0) return best;

  const kept = new Array<boolean>(v).fill(true); // [V]
  if (k > 0 && k < v) {
    // Larger logits first, the lower index first among equal ones (−∞ − −∞ is NaN: by index).
    const order = logits.map((_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
    kept.fill(false);
    for (const i of order.slice(0, k)) kept[i] = true;
  }
  // (ℓᵢ − max ℓ) / T = zᵢ − max z, computed without forming ℓᵢ / T, which could overflow.
  const max = logits[best]; // always kept
  const e = logits.map((l, i) => (kept[i] ? Math.exp((l - max) / t) : 0)); // [V], e[best] = 1
  const total = e.reduce((s, x) => s + x, 0); // ≥ 1
  let sum = 0;
  let last = best;
  for (let i = 0; i < v; i++) {
    if (e[i] === 0) continue;
    sum += e[i] / total;
    if (sum > u) return i;
    last = i;
  }
  return last; // only when rounding left the sum at or below u
}
