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
  const dk = k[0]?.length ?? 0;
  const dv = v[0]?.length ?? 0;
  if (q.length === 0 || k.length === 0 || dk === 0 || q.some((row) => row.length !== dk)) {
    throw new RangeError(
      `Cannot attend as Q [Tq, d_k] and K [Tk, d_k] need one width d_k ≥ 1: K is ${k.length}×${dk}`,
    );
  }
  if (v.length !== k.length) {
    throw new RangeError(
      `Cannot attend as V needs one row per key: K has ${k.length} rows, V has ${v.length}`,
    );
  }
  if (mask && (mask.length !== q.length || mask.some((row) => row.length !== k.length))) {
    throw new RangeError(`Cannot attend as the mask must be [Tq, Tk] = [${q.length}, ${k.length}]`);
  }
  const scale = 1 / Math.sqrt(dk);
  const scores = q.map((qi, i) =>
    k.map((kj, j) => {
      const m = mask?.[i][j];
      // A boolean mask becomes M = 0 (allowed) or −∞ (hidden), added before the softmax.
      const bias = m === undefined || m === true ? 0 : m === false ? -Infinity : m;
      return qi.reduce((s, x, c) => s + x * kj[c], 0) * scale + bias;
    })
  ); // [Tq, Tk]
  let weights: Matrix;
  try {
    weights = softmax(scores); // [Tq, Tk], over the keys
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new RangeError(`Cannot attend as the mask hides every key from a query: ${e.message}`);
  }
  const output = weights.map((w) =>
    Array.from({ length: dv }, (_, c) => w.reduce((s, wij, j) => s + wij * v[j][c], 0))
  ); // [Tq, dv]
  return { output, weights };
}
