/**
 * Variant helpers shared by the exercises of lesson 02 (grader only: never in the kit).
 *
 * @module
 */

export type M = number[][];
export type V = number[];
export interface Options {
  learningRate: number;
  epochs: number;
  batchSize?: number;
  seed?: number;
}
export interface GradientKnobs {
  sign?: number;
  factor?: number;
  bias?: boolean;
}

export const predict = (X: M, w: V, b: number): V =>
  X.map((row) => row.reduce((s, x, j) => s + x * w[j], b));

export const mse = (X: M, y: V, w: V, b: number): number =>
  predict(X, w, b).reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / y.length;

/** The MSE gradient, with knobs that turn it into the wrong versions. */
export function gradient(
  X: M,
  y: V,
  w: V,
  b: number,
  knobs: GradientKnobs = {},
): { dW: V; db: number } {
  const { sign = 1, factor = 2, bias = true } = knobs;
  const yHat = predict(X, w, b); // [N]
  const g = yHat.map((p, i) => (sign * factor * (p - y[i])) / X.length); // [N]
  const dW = w.map((_, j) => X.reduce((s, row, i) => s + row[j] * g[i], 0)); // [D]
  return { dW, db: bias ? g.reduce((s, x) => s + x, 0) : 0 };
}

/**
 * Gradient descent from zero; `batchesOf(epoch)` lists that epoch's batches
 * of row indices, one step per batch, and `step` is the factor on each gradient.
 */
export function train(
  X: M,
  y: V,
  step: number,
  epochs: number,
  batchesOf: (epoch: number) => number[][],
): { w: V; b: number; losses: V } {
  let w: V = new Array(X[0].length).fill(0); // [D]
  let b = 0;
  const losses = [mse(X, y, w, b)];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of batchesOf(epoch)) {
      const { dW, db } = gradient(batch.map((i) => X[i]), batch.map((i) => y[i]), w, b);
      w = w.map((wj, j) => wj - step * dW[j]);
      b -= step * db;
    }
    losses.push(mse(X, y, w, b));
  }
  return { w, b, losses };
}

export const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

export const chunks = (order: number[], size: number, keepLast: boolean): number[][] => {
  // The variants share the correct check, so the diagnosis never loops forever.
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Bad batchSize: ${size}`);
  const out: number[][] = [];
  for (let s = 0; s < order.length; s += size) {
    if (keepLast || s + size <= order.length) out.push(order.slice(s, s + size));
  }
  return out;
};

export const singles = (order: number[]): number[][] => order.map((i) => [i]);

// Probes: small, with both signs, N not a multiple of the batch size, ≥ 2 epochs.
export const X5: M = [[1, 2], [3, -1], [0, 1], [-2, 0.5], [1, 1]]; // [5, 2]
export const Y5: V = [1, 0, 2, -1, 3];

export interface MomentumOptions {
  learningRate: number;
  beta: number;
}
export interface AdamState {
  m: V;
  v: V;
  t: number;
}
export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** The exact MSE gradient times `factor / 2` (2 is right, 1 is the ½-MSE convention). */
export function scaledGradient(X: M, y: V, w: V, b: number, factor: number): { dW: V; db: number } {
  const r = X.map((row, i) => row.reduce((s, x, j) => s + x * w[j], b) - y[i]); // ŷ − y [N]
  const g = r.map((ri) => (factor * ri) / X.length); // [N]
  return {
    dW: w.map((_, j) => X.reduce((s, row, i) => s + row[j] * g[i], 0)),
    db: g.reduce((s, x) => s + x, 0),
  };
}

/** Adam with knobs that turn it into the wrong versions. */
export function adam(
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
export function lambdaMax(A: M): number {
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
export function gram(A: M, scale: number): M {
  return A[0].map((_, i) =>
    A[0].map((_, j) => scale * A.reduce((s, row) => s + row[i] * row[j], 0))
  );
}

export const withOnes = (X: M): M => X.map((row) => [...row, 1]); // [N, D+1]

// Probes use dyadic numbers and N = 4, so a float32 tfjs result is exact
// and can match a float64 variant.
export const XG: M = [[1, 2], [0, -1], [2, 1], [3, 0]]; // [4, 2]
export const YG: V = [1, 0, -1, 2];

export const ADAM_OPTS: AdamOptions = {
  learningRate: 0.01,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
};
