/**
 * Functions that tests pass as arguments (for example to a numerical
 * gradient). A process boundary cannot carry a function, so a test sends
 * `{ $fn: name, params }` and the receiving side rebuilds it from here.
 *
 * @module
 */

/** A serialisable stand-in for a function argument. */
export interface FnRef {
  $fn: string;
  params: number[];
}

/** Builders: name → (params) → function of a vector. */
export const FIXTURES: Record<string, (params: number[]) => (theta: number[]) => number> = {
  /** Σ pᵢ θᵢ² + Σ θᵢ θᵢ₊₁ — smooth, with coupled coordinates. */
  quadratic: (p) => (theta) =>
    theta.reduce((s, t, i) => s + (p[i % p.length] ?? 1) * t * t + t * (theta[i + 1] ?? 0), 0),
  /** Σ sin(p₀ θᵢ) + p₁ Σ θᵢ³ — non-quadratic. */
  wavy: (p) => (theta) => theta.reduce((s, t) => s + Math.sin(p[0] * t) + p[1] * t ** 3, 0),
};

/**
 * Replaces every `{ $fn, params }` inside a value with the function it names.
 *
 * @param value A value that came across a process boundary.
 * @returns The same value with functions rebuilt.
 * @throws {TypeError} When `$fn` names no fixture.
 */
export function reviveFunctions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveFunctions);
  if (value !== null && typeof value === "object") {
    const ref = value as Partial<FnRef>;
    if (typeof ref.$fn === "string") {
      const make = FIXTURES[ref.$fn];
      if (!make) throw new TypeError(`Unknown fixture function "${ref.$fn}"`);
      return make(ref.params ?? []);
    }
  }
  return value;
}
