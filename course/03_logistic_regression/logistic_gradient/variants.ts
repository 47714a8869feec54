import type { logisticGradient } from "../../../exercises/03_logistic_regression/logistic_gradient.ts";
import { variants } from "../../define.ts";
import { gradientOf, logits, type M, sigma, type V, XP, YP } from "../_variants.ts";

/** Known-wrong variants of `logisticGradient`. */
export default variants<typeof logisticGradient>({
  probes: [[XP, YP, [0.5, -0.25], 0.1]],
  variants: [
    {
      id: "logistic_gradient.mse",
      section: "the-gradient-of-the-cross-entropy",
      // Lesson 02's gradient, (2/N) Xᵀ(z − y): the MSE of the logits, no sigmoid at all.
      fn: (X: M, y: V, w: V, b: number) =>
        gradientOf(X, logits(X, w, b).map((z, i) => z - y[i]), 2),
    },
    {
      id: "logistic_gradient.mse_of_sigmoid",
      section: "the-gradient-of-the-cross-entropy",
      // The gradient of (1/N) Σ (p − y)²: an extra factor 2·p(1 − p) that vanishes when p saturates.
      fn: (X: M, y: V, w: V, b: number) =>
        gradientOf(
          X,
          logits(X, w, b).map((z, i) => {
            const p = sigma(z);
            return (p - y[i]) * p * (1 - p);
          }),
          2,
        ),
    },
    {
      id: "logistic_gradient.factor_two",
      section: "the-gradient-of-the-cross-entropy",
      fn: (X: M, y: V, w: V, b: number) =>
        gradientOf(X, logits(X, w, b).map((z, i) => sigma(z) - y[i]), 2),
    },
    {
      id: "logistic_gradient.threshold",
      section: "thresholds-come-after-the-loss",
      // p replaced by the hard prediction 1[z ≥ 0] before the residual is taken.
      fn: (X: M, y: V, w: V, b: number) =>
        gradientOf(X, logits(X, w, b).map((z, i) => (z >= 0 ? 1 : 0) - y[i])),
    },
  ],
});
