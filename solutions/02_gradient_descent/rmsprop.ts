import type { Vector } from "../../lib/types.ts";

/**
 * One step of RMSprop: each coordinate's step is divided by the root of a
 * running average of its squared gradients.
 *
 *   v ← ρ v + (1 − ρ) g²        θ ← θ − α g / (√v + ε)
 *
 * Squares, roots and divisions act on each coordinate on its own; v starts
 * at zeros. ε sits outside the root, as in Adam (`tf.train.rmsprop` puts it
 * inside). The function is pure: it returns new arrays.
 *
 * @param theta Parameters θ, shape [P].
 * @param grad Gradient g of the loss at θ, shape [P].
 * @param v Running average of squared gradients from the previous step (zeros before the first), shape [P].
 * @param opts `learningRate` α > 0, `rho` ρ in [0, 1), `epsilon` ε > 0.
 * @returns The new `theta` and `v`, each shape [P].
 * @throws {RangeError} When theta, grad and v differ in length.
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function rmspropStep(
  theta: Vector,
  grad: Vector,
  v: Vector,
  opts: { learningRate: number; rho: number; epsilon: number },
): { theta: Vector; v: Vector } {
  if (grad.length !== theta.length || v.length !== theta.length) {
    throw new RangeError(
      `Cannot take an RMSprop step as theta, grad and v must have one length: ${theta.length}, ${grad.length} and ${v.length}`,
    );
  }
  const { learningRate, rho, epsilon } = opts;
  const vNew = v.map((vi, i) => rho * vi + (1 - rho) * grad[i] ** 2); // [P]
  return {
    theta: theta.map((t, i) => t - (learningRate * grad[i]) / (Math.sqrt(vNew[i]) + epsilon)),
    v: vNew,
  };
}
