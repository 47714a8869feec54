import type { Matrix } from "../../lib/types.ts";
import { softmax } from "./softmax.ts";

/** A mask: booleans (true = may attend) or numbers added to the scores (0 or −∞). */
export type Mask = Matrix | boolean[][];

/**
 * Scaled dot-product attention: each query takes a weighted average of the
 * values, weighted by how well it matches each key.
 *
 *   scores  = Q Kᵀ / √d_k + M        [Tq, Tk]
 *   weights = softmax(scores)        over the keys: each row sums to 1
 *   output  = weights V              [Tq, dv]
 *
 * The mask M says which keys each query may see. As booleans, `true` lets
 * the query attend to the key and `false` hides it (M = 0 and M = −∞); as
 * numbers, it is added to the scores as it is (0 allowed, −∞ hidden, any
 * other number a bias). A hidden key gets a weight of exactly 0. Without a
 * mask every query sees every key. The function is pure.
 *
 * @param q Queries Q, shape [Tq, d_k].
 * @param k Keys K, shape [Tk, d_k].
 * @param v Values V, shape [Tk, d_v].
 * @param mask Optional mask M, shape [Tq, Tk]: booleans, or numbers to add.
 * @returns `output`, shape [Tq, d_v], and the attention `weights`, shape [Tq, Tk].
 * @throws {RangeError} When the shapes do not fit (K and Q of different widths, K and V of
 * different lengths, a mask that is not [Tq, Tk]), or when a query may see no key at all.
 * @guarantee rows-sum-to-one
 * @guarantee masked-keys-get-zero
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function attention(
  q: Matrix,
  k: Matrix,
  v: Matrix,
  mask?: Mask,
): { output: Matrix; weights: Matrix } {
  // TODO: check the shapes (RangeError); scores[i][j] = (q[i] · k[j]) / √d_k, plus the mask;
  // TODO: weights = softmax(scores) with your softmax (row by row: over the keys); output = weights × v.
  throw new Error("Not implemented: attention (lesson 06)");
}
