/**
 * Known-wrong variants for lesson 01 (see the catalogue in the curriculum).
 *
 * @module
 */
import type { Catalogue } from "./types.ts";

type M = number[][];
type V = number[];

const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * b[i], 0);
const sum = (a: V): number => a.reduce((s, x) => s + x, 0);
const mean = (a: V): number => sum(a) / a.length;

/** Solves A θ = c (A square) by Gaussian elimination, so the catalogue loads no mathjs. */
function _solve(A: M, c: V): V {
  const n = c.length;
  const m = A.map((row, i) => [...row, c[i]]); // [n, n+1]
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
    [m[k], m[p]] = [m[p], m[k]];
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= f * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let j = i + 1; j < n; j++) s -= m[i][j] * x[j];
    x[i] = s / m[i][i];
  }
  return x;
}

/** θ solving (XᵀX) θ = Xᵀy for the columns of X as given. */
function _normal(X: M, y: V): V {
  const cols = X[0].map((_, j) => X.map((row) => row[j])); // [D, N]
  return _solve(cols.map((a) => cols.map((b) => dot(a, b))), cols.map((a) => dot(a, y)));
}

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
  mse: {
    probes: [[[1, 2, 3, 4], [1.5, 1, 4, 2]]],
    variants: [
      {
        id: "mse.sum",
        section: "mean-squared-error",
        fn: (yHat: V, y: V) => sum(yHat.map((v, i) => (v - y[i]) ** 2)),
      },
      {
        id: "mse.half",
        section: "mean-squared-error",
        // The ½ some books put in front for a tidier gradient.
        fn: (yHat: V, y: V) => mean(yHat.map((v, i) => (v - y[i]) ** 2)) / 2,
      },
      {
        id: "mse.abs",
        section: "mean-squared-error",
        fn: (yHat: V, y: V) => mean(yHat.map((v, i) => Math.abs(v - y[i]))),
      },
      {
        id: "mse.root",
        section: "mean-squared-error",
        fn: (yHat: V, y: V) => Math.sqrt(mean(yHat.map((v, i) => (v - y[i]) ** 2))),
      },
    ],
  },
  normal_equations: {
    probes: [[[[1, 2], [2, 0], [3, 1], [4, 5], [0, 1]], [3, 1, 2, 7, 0.5]]],
    variants: [
      {
        id: "normal_equations.no_ones_column",
        section: "the-normal-equations",
        fn: (X: M, y: V) => ({ w: _normal(X, y), b: 0 }),
      },
      {
        id: "normal_equations.theta_order",
        section: "the-normal-equations",
        // Ones column prepended, so θ₀ is b, but θ is read as if it were appended.
        fn: (X: M, y: V) => {
          const theta = _normal(X.map((row) => [1, ...row]), y);
          return { w: theta.slice(0, -1), b: theta[theta.length - 1] };
        },
      },
    ],
  },
  r_squared: {
    probes: [[[2, 2, 3, 5], [1, 2, 3, 6]], [[0, 1, 5, 2, 4], [1, 1, 3, 4, 6]]],
    variants: [
      {
        id: "r_squared.ratio",
        section: "how-good-is-the-fit-r-squared",
        fn: (yHat: V, y: V) => {
          const m = mean(y);
          return sum(y.map((v, i) => (v - yHat[i]) ** 2)) / sum(y.map((v) => (v - m) ** 2));
        },
      },
      {
        id: "r_squared.abs",
        section: "how-good-is-the-fit-r-squared",
        fn: (yHat: V, y: V) => {
          const m = mean(y);
          return 1 -
            sum(y.map((v, i) => Math.abs(v - yHat[i]))) / sum(y.map((v) => Math.abs(v - m)));
        },
      },
      {
        id: "r_squared.explained",
        section: "how-good-is-the-fit-r-squared",
        // SS_reg / SS_tot: equal to R² only for a least-squares fit on its own data.
        fn: (yHat: V, y: V) => {
          const m = mean(y);
          return sum(yHat.map((v) => (v - m) ** 2)) / sum(y.map((v) => (v - m) ** 2));
        },
      },
      {
        id: "r_squared.swapped",
        section: "how-good-is-the-fit-r-squared",
        // rSquared(y, yHat): the spread is measured around the mean of ŷ.
        fn: (yHat: V, y: V) => {
          const m = mean(yHat);
          return 1 - sum(y.map((v, i) => (v - yHat[i]) ** 2)) / sum(yHat.map((v) => (v - m) ** 2));
        },
      },
      {
        id: "r_squared.correlation",
        section: "how-good-is-the-fit-r-squared",
        fn: (yHat: V, y: V) => {
          const a = mean(yHat);
          const m = mean(y);
          const cov = sum(yHat.map((v, i) => (v - a) * (y[i] - m)));
          return cov ** 2 /
            (sum(yHat.map((v) => (v - a) ** 2)) * sum(y.map((v) => (v - m) ** 2)));
        },
      },
    ],
  },
};
