/**
 * Known-wrong variants for lesson 02, second part: the gradient from
 * `tf.grads`, the momentum and Adam steps, and the learning-rate bound (see
 * the catalogue in the curriculum). Each variant is written out in plain
 * TypeScript, without tfjs or mathjs, so loading the catalogue stays cheap.
 *
 * @module
 */
import type { Catalogue } from "./types.ts";

type M = number[][];
type V = number[];
interface MomentumOptions {
  learningRate: number;
  beta: number;
}
interface AdamState {
  m: V;
  v: V;
  t: number;
}
interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** The exact MSE gradient times `factor / 2` (2 is right, 1 is the ½-MSE convention). */
function scaledGradient(X: M, y: V, w: V, b: number, factor: number): { dW: V; db: number } {
  const r = X.map((row, i) => row.reduce((s, x, j) => s + x * w[j], b) - y[i]); // ŷ − y [N]
  const g = r.map((ri) => (factor * ri) / X.length); // [N]
  return {
    dW: w.map((_, j) => X.reduce((s, row, i) => s + row[j] * g[i], 0)),
    db: g.reduce((s, x) => s + x, 0),
  };
}

/** Adam with knobs that turn it into the wrong versions. */
function adam(
  theta: V,
  grad: V,
  state: AdamState,
  o: AdamOptions,
  knobs: { lrPower?: number; correct?: boolean; sqrt?: boolean; staleT?: boolean } = {},
): { theta: V; state: AdamState } {
  const { lrPower = 1, correct = true, sqrt = true, staleT = false } = knobs;
  const t = state.t + 1;
  const m = state.m.map((mi, i) => o.beta1 * mi + (1 - o.beta1) * grad[i]); // [P]
  const v = state.v.map((vi, i) => o.beta2 * vi + (1 - o.beta2) * grad[i] ** 2); // [P]
  const k = staleT ? state.t : t;
  const c1 = correct ? 1 - o.beta1 ** k : 1;
  const c2 = correct ? 1 - o.beta2 ** k : 1;
  const next = theta.map((th, i) => {
    const denom = (sqrt ? Math.sqrt(v[i] / c2) : v[i] / c2) + o.epsilon;
    return th - (o.learningRate ** lrPower * (m[i] / c1)) / denom;
  });
  return { theta: next, state: { m, v, t } };
}

/** The largest eigenvalue of a symmetric matrix, by cyclic Jacobi rotations. */
function lambdaMax(A: M): number {
  const a = A.map((row) => row.slice());
  const n = a.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.4.1).
        const tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Math.max(...a.map((row, i) => row[i]));
}

/** `scale · AᵀA` for A of shape [N, K]: shape [K, K]. */
function gram(A: M, scale: number): M {
  return A[0].map((_, i) =>
    A[0].map((_, j) => scale * A.reduce((s, row) => s + row[i] * row[j], 0))
  );
}

const withOnes = (X: M): M => X.map((row) => [...row, 1]); // [N, D+1]

// Probes use dyadic numbers and N = 4, so a float32 tfjs result is exact
// and can match a float64 variant.
const XG: M = [[1, 2], [0, -1], [2, 1], [3, 0]]; // [4, 2]
const YG: V = [1, 0, -1, 2];

const ADAM_OPTS: AdamOptions = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** Lesson 02's catalogue, second part. */
export const CATALOGUE: Catalogue = {
  tf_gradient: {
    probes: [[XG, YG, [0.5, -0.5], 0.25], [[[1], [2], [3], [4]], [2, 4, 6, 8], [0], 0]],
    variants: [
      {
        id: "tf_gradient.sum_not_mean",
        section: "checking-a-gradient",
        // J = Σ (ŷᵢ − yᵢ)²: every gradient N times too large.
        fn: (X: M, y: V, w: V, b: number) => scaledGradient(X, y, w, b, 2 * X.length),
      },
      {
        id: "tf_gradient.half_mse",
        section: "checking-a-gradient",
        // J = (1/2N) Σ (ŷᵢ − yᵢ)²: the textbook ½ convention halves the gradient.
        fn: (X: M, y: V, w: V, b: number) => scaledGradient(X, y, w, b, 1),
      },
    ],
  },
  momentum: {
    probes: [[[1, -2, 0.5], [0.4, -1, 2], [0.3, 0.2, -0.5], { learningRate: 0.1, beta: 0.9 }]],
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
  },
  adam: {
    probes: [
      [[1, -2, 0.5], [0.4, -3, 2], { m: [0, 0, 0], v: [0, 0, 0], t: 0 }, ADAM_OPTS],
      [[1, -2, 0.5], [0.4, -3, 2], { m: [0.1, -0.2, 0.3], v: [0.05, 0.5, 0.2], t: 3 }, ADAM_OPTS],
    ],
    variants: [
      {
        id: "adam.lr_twice",
        section: "adam",
        fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
          adam(theta, grad, state, o, { lrPower: 2 }),
      },
      {
        id: "adam.no_bias_correction",
        section: "adam",
        fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
          adam(theta, grad, state, o, { correct: false }),
      },
      {
        id: "adam.no_sqrt",
        section: "adam",
        fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
          adam(theta, grad, state, o, { sqrt: false }),
      },
      {
        id: "adam.stale_t",
        section: "adam",
        // Bias correction with the old t: at t = 0 it divides by 1 − β⁰ = 0.
        fn: (theta: V, grad: V, state: AdamState, o: AdamOptions) =>
          adam(theta, grad, state, o, { staleT: true }),
      },
    ],
  },
  lr_bound: {
    // N = 3 and N = 5: with N = 4 "no 2/N" and "1/λ_max" give the same number.
    probes: [[[[1], [2], [3]]], [[[0.5, 1], [1, -1], [2, 0], [-1, 3], [1.5, 2]]]],
    variants: [
      {
        id: "lr_bound.no_scale",
        section: "how-large-a-step-is-safe",
        fn: (X: M) => 2 / lambdaMax(gram(withOnes(X), 1)),
      },
      {
        id: "lr_bound.no_ones",
        section: "how-large-a-step-is-safe",
        fn: (X: M) => 2 / lambdaMax(gram(X, 2 / X.length)),
      },
      {
        id: "lr_bound.one_over_lambda",
        section: "how-large-a-step-is-safe",
        fn: (X: M) => 1 / lambdaMax(gram(withOnes(X), 2 / X.length)),
      },
    ],
  },
};
