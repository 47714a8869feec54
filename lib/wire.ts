/**
 * Plain data that JSON can carry: NaN, ±Infinity and `undefined` are tagged
 * (`{ $num: "NaN" }`, `{ $undefined: true }`), typed arrays become arrays.
 * The diagnosis data the kit ships is written this way.
 *
 * @module
 */

/**
 * Tags what JSON cannot hold.
 *
 * @param value Plain data (numbers, strings, arrays, records).
 * @returns A value `JSON.stringify` keeps exactly.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromWire, toWire } from "./wire.ts";
 * const v = [1, NaN, -Infinity];
 * assert.deepEqual(fromWire(JSON.parse(JSON.stringify(toWire(v)))), v);
 * ```
 */
export function toWire(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : { $num: String(value) };
  if (value === undefined) return { $undefined: true };
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, toWire);
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

/**
 * Restores what {@link toWire} tagged.
 *
 * @param value Parsed JSON.
 * @returns The plain value.
 */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.$num === "string") return Number(o.$num);
    if (o.$undefined === true) return undefined;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromWire(v)]));
  }
  return value;
}
