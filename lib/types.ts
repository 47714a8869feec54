/**
 * Shared array types. Shape letters are the same in every lesson:
 * N samples, D features, T time steps, H×W image, C channels, d_k key size.
 *
 * @module
 */

/** A vector of numbers, shape [N]. */
export type Vector = number[];

/** A matrix stored as rows, shape [rows, cols]. */
export type Matrix = number[][];
