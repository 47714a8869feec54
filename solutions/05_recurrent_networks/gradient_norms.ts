import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * How strongly the last state of a recurrent network still depends on each
 * earlier state: the Frobenius norm of the Jacobian ∂h_T/∂h_{T−k} for every
 * distance k = 0..T. Each step back multiplies by one more step Jacobian:
 *
 *   ∂hₜ/∂hₜ₋₁ = diag(1 − hₜ²) W_h                                   [H, H]
 *   J₀ = I,   J_k = J_{k−1} · diag(1 − h_{T−k+1}²) · W_h = ∂h_T/∂h_{T−k}   [H, H]
 *   result[k] = ‖J_k‖_F = √(Σᵢⱼ J_k[i][j]²)
 *
 * @param Wh The recurrent weights W_h, shape [H, H].
 * @param hs The states h₁..h_T of a forward pass (what `rnnForward` returns), shape [T, H].
 * @returns The norms for k = 0..T, shape [T + 1]; result[0] = ‖I‖_F = √H.
 * @throws {RangeError} When Wh is not square, or a row of hs is not of length H.
 * @guarantee decays When ‖W_h‖_F < 1 the norms fall at least geometrically:
 *   result[k] ≤ √H · ‖W_h‖_F^k, because tanh′ ≤ 1 (vanishing gradients).
 * @guarantee grows When every state is 0 (tanh unsaturated, tanh′ = 1) and
 *   W_h = c·Q with Q orthogonal, result[k] = √H · c^k: for c > 1 the norms
 *   grow geometrically (exploding gradients).
 */
export function gradientNorms(Wh: Matrix, hs: Matrix): Vector {
  const H = Wh.length;
  if (Wh.some((row) => row.length !== H) || hs.some((h) => h.length !== H)) {
    throw new RangeError(
      `Cannot compute the gradient norms as Wh must be [H, H] and hs [T, H]: Wh has ${H} rows of lengths ${
        [...new Set(Wh.map((r) => r.length))].join(", ") || "(none)"
      }, hs rows of lengths ${[...new Set(hs.map((h) => h.length))].join(", ") || "(none)"}`,
    );
  }
  const frobenius = (M: Matrix) =>
    Math.sqrt(M.reduce((s, row) => s + row.reduce((t, m) => t + m * m, 0), 0));
  let J: Matrix = Wh.map((_, i) => Wh.map((_, j) => (i === j ? 1 : 0))); // ∂h_T/∂h_T = I [H, H]
  const norms: Vector = [frobenius(J)];
  for (let k = 1; k <= hs.length; k++) {
    const d = hs[hs.length - k].map((h) => 1 - h * h); // tanh′ at h_{T−k+1} [H]
    // New factors go on the right: the chain rule runs from h_T back towards h_{T−k}.
    J = J.map((row) => Wh.map((_, j) => row.reduce((s, m, l) => s + m * d[l] * Wh[l][j], 0)));
    norms.push(frobenius(J));
  }
  return norms;
}
