/**
 * Known-wrong variants for lesson 01 (see the catalogue in the curriculum).
 *
 * @module
 */
import type { Catalogue } from "./types.ts";

type M = number[][];
type V = number[];

const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * b[i], 0);

/** Lesson 01's catalogue. */
export const CATALOGUE: Catalogue = {
  predict: {
    probes: [[[[1, 2], [3, 4], [5, 6]], [0.5, -1], 2]],
    variants: [
      {
        id: "predict.no_bias",
        section: "prediction",
        fn: (X: M, w: V) => X.map((row) => dot(row, w)),
      },
      {
        id: "predict.transposed",
        section: "prediction",
        // Xᵀw: walks down the columns of X instead of along its rows.
        fn: (X: M, w: V, b: number) =>
          X[0].map((_, j) => X.reduce((s, row, i) => s + row[j] * (w[i] ?? 0), b)),
      },
    ],
  },
};
