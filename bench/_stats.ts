/**
 * Statistics the benchmarks share.
 *
 * @module
 */

/**
 * The median of some measurements.
 *
 * @param xs The measurements (not changed).
 * @returns The middle value, or the mean of the two middle values.
 */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
