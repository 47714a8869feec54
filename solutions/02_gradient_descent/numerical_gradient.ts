import type { Vector } from "../../lib/types.ts";

/**
 * The gradient of f at θ by central differences, one coordinate at a time:
 *
 *   ∂f/∂θᵢ ≈ (f(θ + ε eᵢ) − f(θ − ε eᵢ)) / (2ε)
 *
 * where eᵢ is the i-th unit vector. The error shrinks like ε², against ε
 * for the one-sided difference (f(θ + ε eᵢ) − f(θ)) / ε.
 *
 * @param f A function of a vector, returning a number.
 * @param theta The point θ, shape [P]; it is not modified.
 * @param eps The step ε (default 1e-5).
 * @returns The estimated gradient, shape [P].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function numericalGradient(
  f: (theta: Vector) => number,
  theta: Vector,
  eps = 1e-5,
): Vector {
  const grad: Vector = []; // [P]
  for (let i = 0; i < theta.length; i++) {
    // Perturb copies: the caller's θ must come back unchanged, and f must
    // never see a half-restored point.
    const plus = theta.slice();
    plus[i] += eps;
    const minus = theta.slice();
    minus[i] -= eps;
    grad.push((f(plus) - f(minus)) / (2 * eps));
  }
  return grad;
}
