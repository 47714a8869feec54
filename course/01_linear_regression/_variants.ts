/**
 * Variant helpers shared by the exercises of lesson 01 (grader only: never in the kit).
 *
 * @module
 */

export type M = number[][];
export type V = number[];

export const dot = (a: V, b: V): number => a.reduce((s, x, i) => s + x * b[i], 0);
export const sum = (a: V): number => a.reduce((s, x) => s + x, 0);
export const mean = (a: V): number => sum(a) / a.length;

/** Solves A θ = c (A square) by Gaussian elimination, so the catalogue loads no mathjs. */
export function _solve(A: M, c: V): V {
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
export function _normal(X: M, y: V): V {
  const cols = X[0].map((_, j) => X.map((row) => row[j])); // [D, N]
  return _solve(cols.map((a) => cols.map((b) => dot(a, b))), cols.map((a) => dot(a, y)));
}
