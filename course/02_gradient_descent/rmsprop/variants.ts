import type { rmspropStep } from "../../../exercises/02_gradient_descent/rmsprop.ts";
import { variants } from "../../define.ts";

type Opts = { learningRate: number; rho: number; epsilon: number };

/** RMSprop with the average and the denominator chosen by the caller. */
const step = (
  theta: number[],
  grad: number[],
  v: number[],
  o: Opts,
  average: (vi: number, g: number) => number,
  denominator: (vNew: number, vOld: number) => number,
) => {
  const vNew = v.map((vi, i) => average(vi, grad[i]));
  return {
    theta: theta.map((t, i) => t - (o.learningRate * grad[i]) / denominator(vNew[i], v[i])),
    v: vNew,
  };
};

/** Known-wrong variants of `rmspropStep`. */
export default variants<typeof rmspropStep>({
  probes: [[[1, -1], [0.3, -2], [0.5, 0.02], { learningRate: 0.1, rho: 0.8, epsilon: 0.1 }]],
  variants: [
    {
      id: "rmsprop.old_v",
      section: "rmsprop",
      fn: (theta, grad, v, o) =>
        step(
          theta,
          grad,
          v,
          o,
          (vi, g) => o.rho * vi + (1 - o.rho) * g * g,
          (_, old) => Math.sqrt(old) + o.epsilon,
        ),
    },
    {
      id: "rmsprop.epsilon_inside",
      section: "rmsprop",
      // tf.train.rmsprop's convention: √(v + ε).
      fn: (theta, grad, v, o) =>
        step(
          theta,
          grad,
          v,
          o,
          (vi, g) => o.rho * vi + (1 - o.rho) * g * g,
          (vn) => Math.sqrt(vn + o.epsilon),
        ),
    },
    {
      id: "rmsprop.no_root",
      section: "rmsprop",
      fn: (theta, grad, v, o) =>
        step(
          theta,
          grad,
          v,
          o,
          (vi, g) => o.rho * vi + (1 - o.rho) * g * g,
          (vn) => vn + o.epsilon,
        ),
    },
    {
      id: "rmsprop.rho_swapped",
      section: "rmsprop",
      fn: (theta, grad, v, o) =>
        step(
          theta,
          grad,
          v,
          o,
          (vi, g) => (1 - o.rho) * vi + o.rho * g * g,
          (vn) => Math.sqrt(vn) + o.epsilon,
        ),
    },
  ],
});
