import type { Vector } from "../../lib/types.ts";

/** Adam's memory between steps: moving averages of g and g², and the step count. */
export interface AdamState {
  /** First moment m (moving average of the gradient), shape [P]. */
  m: Vector;
  /** Second moment v (moving average of the squared gradient), shape [P]. */
  v: Vector;
  /** Steps taken so far (0 before the first). */
  t: number;
}

/** Adam's hyperparameters (Kingma & Ba suggest 0.001, 0.9, 0.999, 1e-8). */
export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * One step of Adam: momentum on the gradient, divided per coordinate by a
 * running estimate of the gradient's size.
 *
 *   t ← t + 1
 *   m ← β₁ m + (1 − β₁) g            v ← β₂ v + (1 − β₂) g²      (g² per coordinate)
 *   m̂ = m / (1 − β₁ᵗ)                v̂ = v / (1 − β₂ᵗ)           (bias correction)
 *   θ ← θ − α m̂ / (√v̂ + ε)
 *
 * m and v start at zero, so early on they are too small; dividing by
 * 1 − βᵗ undoes that. The function is pure: it returns new arrays and a new
 * state and leaves its arguments as they were.
 *
 * @param theta Parameters θ, shape [P].
 * @param grad Gradient g of the loss at θ, shape [P].
 * @param state The state after the previous step (`m`, `v` zeros and `t` 0 before the first).
 * @param opts `learningRate` α, `beta1` β₁, `beta2` β₂, `epsilon` ε.
 * @returns The new `theta` and the new `state` (with `t` one larger).
 * @throws {RangeError} When theta, grad, state.m and state.v differ in length.
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function adamStep(
  theta: Vector,
  grad: Vector,
  state: AdamState,
  opts: AdamOptions,
): { theta: Vector; state: AdamState } {
  const p = theta.length;
  if (grad.length !== p || state.m.length !== p || state.v.length !== p) {
    throw new RangeError(
      `Cannot take an Adam step as theta, grad, m and v must have the same length: ${p}, ${grad.length}, ${state.m.length}, ${state.v.length}`,
    );
  }
  const { learningRate, beta1, beta2, epsilon } = opts;
  const t = state.t + 1;
  const m = state.m.map((mi, i) => beta1 * mi + (1 - beta1) * grad[i]); // [P]
  const v = state.v.map((vi, i) => beta2 * vi + (1 - beta2) * grad[i] * grad[i]); // [P]
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  const next = theta.map((th, i) =>
    th - (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon)
  );
  return { theta: next, state: { m, v, t } };
}
