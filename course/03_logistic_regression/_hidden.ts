/**
 * Hidden-case helpers shared by the exercises of lesson 03 (grader only: never in the kit).
 *
 * @module
 */
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";
import { sigmoid } from "../../solutions/03_logistic_regression/sigmoid.ts";

export type M = number[][];
export type V = number[];

/** N and D drawn from the given ranges (inclusive). */
export const size = (r: Rng, [nLo, nHi]: number[], [dLo, dHi]: number[]) => ({
  n: nLo + r.int(nHi - nLo + 1),
  d: dLo + r.int(dHi - dLo + 1),
});

/** Labels exactly 0 or 1, shape [n], with at least one of each when n ≥ 2. */
export function labels(r: Rng, n: number): V {
  const y: V = Array.from({ length: n }, () => (r.next() < 0.5 ? 0 : 1));
  if (n >= 2) [y[0], y[1]] = [0, 1];
  return r.shuffle(y);
}

/**
 * Classification data drawn from a logistic model: X [N, D] standard normal,
 * y ~ Bernoulli(σ(X w* + b*)), so the classes overlap (not separable).
 */
export function logisticData(r: Rng, n: number, d: number, scale = 2): { X: M; y: V } {
  const X = randomMatrix(r, n, d); // [N, D]
  const wTrue = randomVector(r, d).map((v) => scale * v); // [D]
  const bTrue = r.uniform(-1, 1);
  const p = sigmoid(X.map((row) => row.reduce((s, x, j) => s + x * wTrue[j], bTrue))); // [N]
  const y: V = p.map((pi) => (r.next() < pi ? 1 : 0));
  if (n >= 2 && y.every((v) => v === y[0])) y[0] = 1 - y[0];
  return { X, y };
}

/** Logits that reach |z| = 1e4 in both directions, shuffled, shape [n]. */
export function extremeLogits(r: Rng, n: number): V {
  const z = Array.from(
    { length: n },
    (_, i) => i % 3 === 0 ? (i % 2 ? 1e4 : -1e4) : (r.next() < 0.5 ? -1 : 1) * r.uniform(30, 1e4),
  );
  return r.shuffle(z);
}

/**
 * A check that every entry of `got` is within float64 rounding of `expected`
 * by true relative error (plus two subnormal steps), unlike the default
 * comparison, whose relative error treats every value below 1e-8 as equal.
 */
export function exactVector(got: unknown, expected: V): string | null {
  if (!Array.isArray(got) || got.length !== expected.length) {
    return `expected an array of length ${expected.length}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const g = got[i];
    if (typeof g !== "number" || Number.isNaN(g)) return `entry ${i} is ${g}, not a number`;
    if (Math.abs(g - expected[i]) > 1e-12 * Math.abs(expected[i]) + 1e-323) {
      return `entry ${i} is ${g}, but float64 can hold ${expected[i]} there`;
    }
  }
  return null;
}

/** The fitted record { w, b } a student returned, or a sentence saying what is wrong. */
export function asFit(got: unknown, d: number): { w: V; b: number } | string {
  const g = got as { w?: unknown; b?: unknown } | null;
  if (!g || typeof g !== "object" || !Array.isArray(g.w) || typeof g.b !== "number") {
    return "expected a record { w, b, ... }";
  }
  if (g.w.length !== d) return `expected w of length ${d}, got ${g.w.length}`;
  return { w: g.w as V, b: g.b };
}

/** The mean binary cross-entropy of w, b on X, y, computed here (never taken from the student). */
export function lossOf(X: M, y: V, w: V, b: number): number {
  return X.reduce((s, row, i) => {
    const z = row.reduce((t, x, j) => t + x * w[j], b);
    return s + Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
  }, 0) / X.length;
}
