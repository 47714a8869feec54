import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * The linear model's prediction for every sample.
 *
 *   ŷ = X w + b        ŷᵢ = Σⱼ Xᵢⱼ wⱼ + b
 *
 * @param X Features, shape [N, D]: one row per sample.
 * @param w Weights, shape [D].
 * @param b Bias (a single number, added to every prediction).
 * @returns Predictions ŷ, shape [N].
 */
export function predict(X: Matrix, w: Vector, b: number): Vector {
  return X.map((row) => {
    if (row.length !== w.length) {
      throw new RangeError(
        `Cannot predict as each row of X must have one value per weight: row length ${row.length}, ${w.length} weights`,
      );
    }
    let sum = b;
    for (let j = 0; j < w.length; j++) sum += row[j] * w[j];
    return sum;
  }); // [N]
}
