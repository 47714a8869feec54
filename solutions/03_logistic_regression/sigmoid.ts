import type { Vector } from "../../lib/types.ts";

/**
 * The logistic sigmoid of each entry, computed so that `Math.exp` only ever
 * sees a number ≤ 0 (it cannot overflow):
 *
 *   σ(z) = 1 / (1 + e^{−z})   for z ≥ 0
 *   σ(z) = e^{z} / (1 + e^{z}) for z < 0
 *
 * @param z Logits, shape [N]; any finite numbers (|z| of 1e4 and more included).
 * @returns σ(z), shape [N]: each in [0, 1], never NaN.
 * @guarantee no-nan Finite and in [0, 1] for every finite z, however large |z| is.
 * @guarantee exact Within float64 rounding of the true σ(z), also far in the
 *   negative tail (z = −720, where e^{−z} overflows but σ(z) ≈ 2.03e-313 is still a float64).
 */
export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    // For z < 0, e^{−z} could overflow to Infinity; e^{z} ≤ 1 cannot.
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
