/**
 * Hidden-case helpers shared by the exercises of lesson 02 (grader only: never in the kit).
 *
 * @module
 */
import { type FnRef } from "../../lib/fixtures.ts";
import { randomMatrix, randomVector, type Rng } from "../../lib/random.ts";
import { numericalGradient } from "../../solutions/02_gradient_descent/numerical_gradient.ts";
import { add, divide, multiply, subtract, sum, transpose } from "mathjs";
import { lossFallsTo } from "../../grader/checks.ts";

export type M = number[][];
export type V = number[];
export interface Run {
  w: V;
  b: number;
  losses: V;
}

export const SEED_X: M = [[1], [2], [3], [4]]; // the seed article's data, [4, 1]
export const SEED_Y: V = [2, 4, 6, 8];

/** N and D drawn from the given ranges (inclusive). */
export const size = (r: Rng, [nLo, nHi]: number[], [dLo, dHi]: number[]) => ({
  n: nLo + r.int(nHi - nLo + 1),
  d: dLo + r.int(dHi - dLo + 1),
});

/** Random linear data: y = X w* + b* + noise·ε, X [N, D] standard normal. */
export function linearData(r: Rng, n: number, d: number, noise: number): { X: M; y: V } {
  const X = randomMatrix(r, n, d); // [N, D]
  const wTrue = randomVector(r, d); // [D]
  const bTrue = r.normal();
  const y = X.map((row) => row.reduce((s, x, j) => s + x * wTrue[j], bTrue) + noise * r.normal());
  return { X, y };
}

/** A sentence when `got` is not a run record with `epochs + 1` losses, else `null`. */
export function runShape(got: unknown, epochs: number): string | null {
  const run = got as Partial<Run> | null;
  if (!run || !Array.isArray(run.losses) || !Array.isArray(run.w)) {
    return "expected a record { w, b, losses }";
  }
  if (run.losses.length !== epochs + 1) {
    return `expected ${
      epochs + 1
    } losses (one before the first epoch, one after each), got ${run.losses.length}`;
  }
  return null;
}

/**
 * A check: the loss of the returned w and b (recomputed here, never the
 * student's own `losses`) is at most `fraction` of the start's.
 */
export const fallsTo = lossFallsTo;

/** ∂f/∂θ for the fixtures of lib/fixtures.ts, written out by hand. */
export function analyticGradient(ref: FnRef, theta: V): V {
  const p = ref.params;
  if (ref.$fn === "quadratic") {
    // f = Σ pᵢ θᵢ² + Σ θᵢ θᵢ₊₁
    return theta.map((t, i) =>
      2 * (p[i % p.length] ?? 1) * t + (theta[i + 1] ?? 0) + (theta[i - 1] ?? 0)
    );
  }
  // wavy: f = Σ sin(p₀ θᵢ) + p₁ Σ θᵢ³
  return theta.map((t) => p[0] * Math.cos(p[0] * t) + 3 * p[1] * t * t);
}

/**
 * The expected value of a numerical-gradient case: analytic for a `{ $fn }`
 * reference; the reference solution if the grader has already rebuilt it.
 */
export function expectGradient(...args: unknown[]): V {
  const [f, theta, eps] = args as [FnRef | ((t: V) => number), V, number | undefined];
  return typeof f === "function" ? numericalGradient(f, theta, eps) : analyticGradient(f, theta);
}

export const fnRef = ($fn: string, params: number[]): FnRef => ({ $fn, params });

/** float32 results against float64 references. */
export const F32 = { rtol: 1e-4, atol: 1e-5 };
export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** The exact MSE gradient, (2/N) Xᵀ(ŷ − y) and (2/N) Σ (ŷ − y), with mathjs. */
export const exactGradient = (...args: unknown[]): { dW: V; db: number } => {
  const [X, y, w, b] = args as [M, V, V, number];
  const r = subtract(add(multiply(X, w), b), y) as V; // ŷ − y [N]
  const n = X.length;
  return {
    dW: divide(multiply(multiply(transpose(X), r), 2), n) as V,
    db: (2 * (sum(r) as number)) / n,
  };
};
/** A learning rate between 0.001 and 0.5, never 1 (where "α twice" would not show). */
export const rate = (r: Rng): number => r.uniform(0.001, 0.5);
/** A vector of squared normals: a plausible second moment, shape [n]. */
export const positive = (r: Rng, n: number): V => randomVector(r, n).map((x) => x * x + 1e-3);
/** Features on different scales, shape [N, D]. */
export const scaledMatrix = (r: Rng, n: number, d: number): M => {
  const scales = Array.from({ length: d }, () => 10 ** r.uniform(-1, 1));
  return randomMatrix(r, n, d).map((row) => row.map((x, j) => x * scales[j] + r.uniform(-1, 1)));
};
