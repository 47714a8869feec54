import type { layerNorm } from "../../../exercises/07_transformer_block/layer_norm.ts";
import { cases } from "../../define.ts";
import { randomMatrix } from "../../../lib/random.ts";
import { affine, between, type M, unevenRows } from "../_hidden.ts";

/**
 * A sentence when a row of `got` [T, d] does not have mean 0 and variance
 * σ²/(σ² + ε) (σ² the row of x's own variance: 1 but for ε), else null.
 */
function rowsStandardized(
  got: unknown,
  [x, , , eps = 1e-5]: [M, unknown, unknown, number?],
): string | null {
  if (!Array.isArray(got) || got.length !== x.length) {
    return `expected ${x.length} rows (one per position of x)`;
  }
  for (let t = 0; t < x.length; t++) {
    const row = got[t] as unknown;
    if (!Array.isArray(row) || row.length !== x[t].length) {
      return `expected row ${t} to have ${x[t].length} entries`;
    }
    const d = row.length;
    const mean = row.reduce((s: number, v: number) => s + v, 0) / d;
    const variance = row.reduce((s: number, v: number) => s + (v - mean) ** 2, 0) / d;
    const mu = x[t].reduce((s, v) => s + v, 0) / d;
    const sigma2 = x[t].reduce((s, v) => s + (v - mu) ** 2, 0) / d;
    const wanted = sigma2 / (sigma2 + eps);
    if (!(Math.abs(mean) < 1e-6) || !(Math.abs(variance - wanted) < 1e-6)) {
      return `row ${t} has mean ${mean} and variance ${variance}; with γ = 1, β = 0 each row ` +
        `should have mean 0 and variance σ²/(σ² + ε) = ${wanted} (1 but for ε; the variance ` +
        "divides by d, not d − 1, and ε goes inside the square root)";
    }
  }
  return null;
}

/** Hidden cases of `layerNorm`. */
export default cases<typeof layerNorm>([
  {
    id: "random-x-of-varying-shape-with-gamma-and-beta",
    name: "random x [T, d] (T ≠ d, rows of different scales) with γ, β and ε = 1e-5",
    points: 2.75,
    args: (r) => {
      const [t, d] = [between(r, 2, 9), between(r, 2, 12)];
      const { gamma, beta } = affine(r, d);
      return [unevenRows(r, t === d ? t + 1 : t, d), gamma, beta, 1e-5];
    },
  },
  {
    id: "every-row-has-mean-0-and-variance-1",
    name: "with γ = 1 and β = 0 every row has mean 0 and variance σ²/(σ² + ε): 1 but for ε",
    points: 2,
    property: "normalized",
    args: (r) => {
      const [t, d] = [between(r, 3, 8), between(r, 4, 16)];
      return [unevenRows(r, t, d), new Array(d).fill(1), new Array(d).fill(0), 1e-5];
    },
    check: (got, args) => rowsStandardized(got, args),
  },
  {
    id: "uses-the-epsilon-it-is-given",
    name: "ε is the one given (ε = 0.1 on rows of small spread, where it matters)",
    points: 1,
    args: (r) => {
      const [t, d] = [between(r, 2, 6), between(r, 3, 10)];
      const { gamma, beta } = affine(r, d);
      const x = randomMatrix(r, t, d).map((row) => row.map((v) => 0.2 * v));
      return [x, gamma, beta, 0.1];
    },
  },
  {
    id: "a-single-position",
    name: "a single position (T = 1): its features are normalized together",
    points: 1,
    args: (r) => {
      const d = between(r, 3, 10);
      const { gamma, beta } = affine(r, d);
      return [unevenRows(r, 1, d), gamma, beta, 1e-5];
    },
  },
  {
    id: "a-constant-row-gives-beta",
    name: "a constant row gives β (finite: ε keeps the division defined)",
    points: 1,
    args: (r) => {
      const d = between(r, 2, 8);
      const { gamma, beta } = affine(r, d);
      const x = randomMatrix(r, 3, d);
      x[1] = new Array(d).fill(r.uniform(-5, 5));
      return [x, gamma, beta, 1e-5];
    },
  },
  {
    id: "leaves-its-arguments-unchanged",
    name: "layerNorm() leaves x, γ and β unchanged (it returns new arrays)",
    points: 1,
    property: "pure",
    args: (r) => {
      const [t, d] = [between(r, 2, 6), between(r, 2, 6)];
      const { gamma, beta } = affine(r, d);
      return [unevenRows(r, t, d), gamma, beta, 1e-5];
    },
  },
  // Each bad shape is a case of its own, posed on every attempt (two cases that drew one of two at
  // random let an implementation missing one check through on half the attempts), and x without
  // columns. A quarter point each.
  {
    id: "throws-a-rangeerror-when-gamma-has-the-wrong-length",
    name: "throws a RangeError when γ is not d long",
    points: 0.25,
    args: (r) => {
      const d = between(r, 2, 6);
      const { gamma, beta } = affine(r, d);
      return [randomMatrix(r, 3, d), gamma.slice(1), beta, 1e-5];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-beta-has-the-wrong-length",
    name: "throws a RangeError when β is not d long",
    points: 0.25,
    args: (r) => {
      const d = between(r, 2, 6);
      const { gamma, beta } = affine(r, d);
      return [randomMatrix(r, 3, d), gamma, [...beta, 0], 1e-5];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-x-has-no-rows",
    name: "throws a RangeError when x has no rows",
    points: 0.25,
    args: (r) => {
      const { gamma, beta } = affine(r, between(r, 2, 6));
      return [[], gamma, beta, 1e-5];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-a-row-of-x-is-not-d-long",
    name: "throws a RangeError when a row of x (the last) is shorter than the others",
    points: 0.25,
    args: (r) => {
      const d = between(r, 2, 6);
      const { gamma, beta } = affine(r, d);
      const ragged = randomMatrix(r, 3, d);
      ragged[2] = ragged[2].slice(1);
      return [ragged, gamma, beta, 1e-5];
    },
    throws: "RangeError",
  },
  {
    id: "throws-a-rangeerror-when-x-has-no-columns",
    name: "throws a RangeError when the rows of x are empty (d = 0, with γ and β empty)",
    points: 0.25,
    args: (r) => [Array.from({ length: between(r, 1, 4) }, () => []), [], [], 1e-5],
    throws: "RangeError",
  },
]);
