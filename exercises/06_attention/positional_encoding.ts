import type { Matrix } from "../../lib/types.ts";

/**
 * The sinusoidal positional encoding of "Attention Is All You Need": row t
 * is a vector for position t that is added to the t-th token's vector, so
 * the layer can tell word order.
 *
 *   PE[t][2i]     = sin(t / 10000^(2i/d))
 *   PE[t][2i + 1] = cos(t / 10000^(2i/d))          t = 0 … T − 1
 *
 * Columns 2i and 2i + 1 share one frequency; the frequencies fall from 1
 * (columns 0 and 1) to nearly 1/10000. When d is odd, the last column is a
 * sine. Positions start at 0, so row 0 is [0, 1, 0, 1, …].
 *
 * @param T The number of positions, an integer ≥ 1.
 * @param d The model width, an integer ≥ 1.
 * @returns The encoding, shape [T, d].
 * @throws {RangeError} When T or d is not an integer ≥ 1.
 */
export function positionalEncoding(T: number, d: number): Matrix {
  // TODO: check T and d (RangeError); for each position t and column j, the pair index i = ⌊j/2⌋
  // TODO: gives the angle t / 10000^(2i/d): sine in even columns, cosine in odd ones.
  throw new Error("Not implemented: positionalEncoding (lesson 06)");
}
