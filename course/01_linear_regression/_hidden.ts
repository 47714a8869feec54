/**
 * Hidden-case helpers shared by the exercises of lesson 01 (grader only: never in the kit).
 *
 * @module
 */
import { randomVector, type Rng } from "../../lib/random.ts";

export type M = number[][];
export type V = number[];

export const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * b[i], 0);
export const avg = (a: V): number => a.reduce((s, x) => s + x, 0) / a.length;
/** A bias well away from 0, so a forgotten bias always shows. */
export const bias = (r: Rng): number => (r.next() < 0.5 ? -1 : 1) * r.uniform(1, 4);
/** Targets y = X w + b + noise·ε, shape [N]. */
export const targets = (r: Rng, X: M, noise: number): V => {
  const w = randomVector(r, X[0].length);
  const b = bias(r);
  return X.map((row) => dot(row, w) + b + noise * r.normal());
};
/** The fit {w, b} a student returned, or null when it has the wrong form. */
export const asFit = (got: unknown): { w: V; b: number } | null => {
  const g = got as { w?: unknown; b?: unknown } | null;
  return g && Array.isArray(g.w) && typeof g.b === "number" ? { w: g.w as V, b: g.b } : null;
};
/** One-feature least squares in closed form: slope Sxy/Sxx, intercept ȳ − slope·x̄. */
export const line = (x: V, y: V): { w: V; b: number } => {
  const mx = avg(x);
  const my = avg(y);
  const slope = dot(x.map((v) => v - mx), y.map((v) => v - my)) /
    dot(x.map((v) => v - mx), x.map((v) => v - mx));
  return { w: [slope], b: my - slope * mx };
};
