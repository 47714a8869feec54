/**
 * Variant helpers shared by the exercises of lesson 05 (grader only: never in the kit).
 *
 * @module
 */

export type M = number[][];
export type V = number[];

/** W_h h + W_x x + b, the pre-activation [H]. */
export const preActivation = (h: V, x: V, Wh: M, Wx: M, b: V): V =>
  Wh.map((row, i) =>
    row.reduce((s, w, j) => s + w * h[j], b[i]) + Wx[i].reduce((s, w, k) => s + w * x[k], 0)
  );

/** The correct step tanh(W_h h + W_x x + b). */
export const step = (h: V, x: V, Wh: M, Wx: M, b: V): V =>
  preActivation(h, x, Wh, Wx, b).map(Math.tanh);

// Probes: H = 2, D = 3, T = 3, non-symmetric weights, a non-zero h0.
export const XS: M = [[1, -0.5, 0.25], [0, 1, -1], [0.5, 0.5, 2]]; // [3, 3]
export const H0: V = [0.5, -0.25]; // [2]
export const WH: M = [[0.9, -0.6], [0.4, 0.7]]; // [2, 2]
export const WX: M = [[0.3, -0.2, 0.5], [-0.4, 0.6, 0.1]]; // [2, 3]
export const B: V = [0.1, -0.2]; // [2]
