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
  // TODO: check the input (RangeError); T = 0 → the index of the largest logit (lowest on ties).
  // TODO: keep the k largest logits; pᵢ = exp((ℓᵢ − max ℓ) / T) for the kept ones, over their sum.
  // TODO: walk i = 0, 1, … adding pᵢ; return the first i where the sum is > u.
  throw new Error("Not implemented: sampleNext (lesson 07)");
}
