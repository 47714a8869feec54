import type { momentumStep } from "../../../exercises/02_gradient_descent/momentum.ts";
import { variants } from "../../define.ts";
import { type MomentumOptions, type V } from "../_variants.ts";

/** Known-wrong variants of `momentumStep`. */
export default variants<typeof momentumStep>({
  // α ≠ 1 − β, so "α applied twice" and the averaging form v = βv + (1 − β)g differ.
  probes: [[[1, -2, 0.5], [0.4, -1, 2], [0.3, 0.2, -0.5], { learningRate: 0.05, beta: 0.8 }]],
  variants: [
    {
      id: "momentum.lr_twice",
      section: "momentum",
      // α folded into the velocity and then applied again.
      fn: (theta: V, grad: V, velocity: V, o: MomentumOptions) => {
        const v = velocity.map((vi, i) => o.beta * vi + o.learningRate * grad[i]);
        return { theta: theta.map((t, i) => t - o.learningRate * v[i]), velocity: v };
      },
    },
    {
      id: "momentum.averaging_form",
      section: "momentum",
      // v = βv + (1 − β)g: the averaging convention some courses teach, not tf.train.momentum's.
      fn: (theta: V, grad: V, velocity: V, o: MomentumOptions) => {
        const v = velocity.map((vi, i) => o.beta * vi + (1 - o.beta) * grad[i]);
        return { theta: theta.map((t, i) => t - o.learningRate * v[i]), velocity: v };
      },
    },
    {
      id: "momentum.velocity_not_carried",
      section: "momentum",
      // v = g: the previous velocity is ignored, so this is plain gradient descent.
      fn: (theta: V, grad: V, _velocity: V, o: MomentumOptions) => ({
        theta: theta.map((t, i) => t - o.learningRate * grad[i]),
        velocity: grad.slice(),
      }),
    },
    {
      id: "momentum.stale_velocity",
      section: "momentum",
      // θ moved with the old velocity, before this step's gradient is added to it.
      fn: (theta: V, grad: V, velocity: V, o: MomentumOptions) => ({
        theta: theta.map((t, i) => t - o.learningRate * velocity[i]),
        velocity: velocity.map((vi, i) => o.beta * vi + grad[i]),
      }),
    },
  ],
});
