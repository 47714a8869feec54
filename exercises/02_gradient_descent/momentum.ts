import type { Vector } from "../../lib/types.ts";

/**
 * One step of gradient descent with momentum (Polyak's heavy ball).
 *
 *   v ← β v + g        θ ← θ − α v
 *
 * The velocity v is a running sum of past gradients, each step's share
 * shrinking by β. Directions where the gradient keeps its sign build up
 * speed; directions where it flips back and forth cancel out. With β = 0 this
 * is plain gradient descent. This is the convention of `tf.train.momentum`.
 *
 * The function is pure: it returns new arrays and leaves its arguments as
 * they were.
 *
 * @param theta Parameters θ, shape [P].
 * @param grad Gradient g of the loss at θ, shape [P].
 * @param velocity Velocity v from the previous step (zeros before the first), shape [P].
 * @param opts `learningRate` α > 0 and `beta` β in [0, 1).
 * @returns The new `theta` and `velocity`, each shape [P].
 * @throws {RangeError} When theta, grad and velocity differ in length.
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 */
export function momentumStep(
  theta: Vector,
  grad: Vector,
  velocity: Vector,
  opts: { learningRate: number; beta: number },
): { theta: Vector; velocity: Vector } {
  // TODO: check the lengths (RangeError); the new velocity first (β v + g), then θ − α v.
  // TODO: build new arrays: theta, grad and velocity must come back unchanged.
  throw new Error("Not implemented: momentumStep (lesson 02)");
}
