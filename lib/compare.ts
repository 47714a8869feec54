/**
 * Tolerant comparison of numbers, arrays, matrices and records. It returns
 * the first difference as data (never prose), so the learner's loop and the
 * grader can explain it in the learner's language.
 *
 * @module
 */

/** Where in a nested value a difference was found, e.g. `[2][0]` or `.dW[1]`. */
export type Path = string;

/** The first difference between a value and what was expected. */
export type Mismatch =
  | { kind: "type"; path: Path; expected: string; got: string }
  | { kind: "shape"; path: Path; expected: number[]; got: number[] }
  | { kind: "key"; path: Path; key: string }
  | { kind: "nan"; path: Path; expected: number; got: number }
  | { kind: "value"; path: Path; expected: number; got: number; relErr: number }
  | { kind: "other"; path: Path; expected: string; got: string }
  | { kind: "leak"; path: Path; before: number; after: number };

/** Tolerances: a pair of numbers matches when either bound holds. */
export interface Tolerance {
  /** Largest relative error `|a−b| / max(1e-8, |a|+|b|)`; default 1e-7. */
  rtol?: number;
  /** Largest absolute error, for values near zero; default 1e-9. */
  atol?: number;
}

/**
 * The relative error used throughout the course (CS231n's measure).
 *
 * @param a One number.
 * @param b The other.
 * @returns `|a−b| / max(1e-8, |a|+|b|)`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { relErr } from "./compare.ts";
 * assert.ok(relErr(1, 1 + 1e-9) < 1e-7);
 * ```
 */
export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/**
 * The shape of a nested array (`[rows, cols]` for a matrix), or `null` for
 * a ragged array or a non-array.
 *
 * @param x Any value.
 * @returns Its shape, `[]` for a number.
 */
export function shapeOf(x: unknown): number[] | null {
  if (typeof x === "number") return [];
  if (!isArrayLike(x)) return null;
  if (x.length === 0) return [0];
  const inner = shapeOf(x[0]);
  if (inner === null) return null;
  for (let i = 1; i < x.length; i++) {
    const s = shapeOf(x[i]);
    if (s === null || s.join() !== inner.join()) return null;
  }
  return [x.length, ...inner];
}

/** A short name for the type of a value: `number`, `array`, `record`, … */
export function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (ArrayBuffer.isView(x)) return x.constructor.name;
  if (typeof x === "object") return "record";
  return typeof x;
}

/**
 * Finds the first difference between `got` and `expected`.
 *
 * @param got The value produced.
 * @param expected The reference value.
 * @param tol The tolerances for numbers.
 * @returns `null` when they match, else the first mismatch.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compare } from "./compare.ts";
 * assert.equal(compare([[1, 2]], [[1, 2]]), null);
 * assert.equal(compare([1, 2], [[1], [2]])?.kind, "shape");
 * ```
 */
export function compare(
  got: unknown,
  expected: unknown,
  tol: Tolerance = {},
  path: Path = "",
): Mismatch | null {
  const rtol = tol.rtol ?? 1e-7;
  const atol = tol.atol ?? 1e-9;
  if (typeof expected === "number") {
    if (typeof got !== "number") {
      return { kind: "type", path, expected: "number", got: typeName(got) };
    }
    if (Number.isNaN(expected) && Number.isNaN(got)) return null;
    if (Number.isNaN(got) || (Number.isFinite(expected) && !Number.isFinite(got))) {
      return { kind: "nan", path, expected, got };
    }
    if (got === expected) return null;
    const e = relErr(got, expected);
    if (Math.abs(got - expected) <= atol || e <= rtol) return null;
    return { kind: "value", path, expected, got, relErr: e };
  }
  if (isArrayLike(expected)) {
    if (!isArrayLike(got)) {
      return { kind: "type", path, expected: "array", got: typeName(got) };
    }
    const es = shapeOf(expected);
    const gs = shapeOf(got);
    if (es !== null && gs !== null && es.join() !== gs.join()) {
      return { kind: "shape", path, expected: es, got: gs };
    }
    if (got.length !== expected.length) {
      return { kind: "shape", path, expected: [expected.length], got: [got.length] };
    }
    for (let i = 0; i < expected.length; i++) {
      const m = compare(got[i], expected[i], tol, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (got === null || typeof got !== "object" || isArrayLike(got)) {
      return { kind: "type", path, expected: "record", got: typeName(got) };
    }
    for (const key of Object.keys(expected)) {
      if (!Object.hasOwn(got, key)) return { kind: "key", path, key };
      const m = compare(
        (got as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tol,
        `${path}.${key}`,
      );
      if (m) return m;
    }
    return null;
  }
  if (Object.is(got, expected)) return null;
  return { kind: "other", path, expected: String(expected), got: String(got) };
}
