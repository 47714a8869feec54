import type { softmax } from "../../../exercises/06_attention/softmax.ts";
import { cases } from "../../define.ts";
import { between, F32, type M, rowsSumToOne, scaled, tfSoftmax } from "../_reference.ts";

/** Hidden cases of `softmax`, against tf.softmax. */
export default cases<typeof softmax>([
  {
    id: "random-rows",
    name: "softmax() of random scores (several rows and columns)",
    points: 1.75,
    args: (r) => [scaled(r, between(r, 2, 6), between(r, 3, 9), 3)],
    expect: tfSoftmax,
    tol: F32,
  },
  {
    id: "large-scores",
    // Purity is graded on inputs where every known mistake also gives a wrong value,
    // so a right answer that only changes its argument is not named as one of them.
    name:
      "softmax() of scores near ±800, each row's first 800 below the rest (exp overflows unless the row's maximum is subtracted), leaving them unchanged",
    property: "pure",
    points: 2,
    args: (
      r,
    ) => [
      scaled(r, between(r, 2, 4), between(r, 3, 6), 5).map((row, i) =>
        // The first score far below the others: subtracting it, not the maximum, overflows too.
        row.map((x, j) => x + (i % 2 ? -800 : 800) - (j === 0 ? 800 : 0))
      ),
    ],
    expect: tfSoftmax,
    tol: F32,
  },
  {
    // Arguments travel to the student's process as JSON, which has no −∞ (it
    // arrives as null), so the masked entries here are −1e300: exp of it is 0.
    id: "masked-entries",
    name: "softmax() gives masked entries (−1e300) a weight of exactly 0",
    points: 2,
    property: "masked-entries-get-zero",
    args: (r) => [
      scaled(r, between(r, 3, 6), between(r, 4, 8), 2).map((row) => {
        const keep = r.int(row.length);
        return row.map((x, j) => (j !== keep && r.next() < 0.4 ? -1e300 : x));
      }),
    ],
    check: (got, [rows]) => {
      const g = got as M;
      for (const [i, row] of rows.entries()) {
        for (const [j, x] of row.entries()) {
          if (x === -1e300 && g?.[i]?.[j] !== 0) {
            return `the weight of the masked entry at [${i}][${j}] is ${
              g?.[i]?.[j]
            }, not exactly 0`;
          }
        }
      }
      return null;
    },
    expect: tfSoftmax,
    tol: F32,
  },
  {
    id: "rows-sum-to-one",
    name: "softmax(): every row of the result sums to 1",
    points: 1,
    property: "rows-sum-to-one",
    args: (r) => [scaled(r, between(r, 5, 10), between(r, 2, 20), 4)],
    check: (got) => rowsSumToOne(got),
    // The values too: one-hot rows sum to 1 as well.
    expect: tfSoftmax,
    tol: F32,
  },
  {
    id: "one-column",
    name: "softmax() of a single column: every weight is 1",
    points: 1,
    args: (r) => [scaled(r, between(r, 2, 5), 1, 3)],
    expect: tfSoftmax,
    tol: F32,
  },
  {
    id: "one-long-row",
    name: "softmax() of one row of 200 scores",
    points: 1,
    args: (r) => [scaled(r, 1, 200, 2)],
    expect: tfSoftmax,
    tol: F32,
  },
  {
    id: "throws-on-empty-row",
    name: "softmax() throws a RangeError for an empty row",
    points: 1,
    args: (r) => {
      const rows = scaled(r, 3, between(r, 2, 5));
      rows[r.int(3)] = [];
      return [rows];
    },
    throws: "RangeError",
  },
  {
    // −∞ travels to the student's process intact (lib/wire.ts tags it).
    id: "throws-on-a-row-of-minus-infinity",
    name: "softmax() throws a RangeError for a row whose every entry is −∞",
    points: 0.25,
    args: (r) => {
      const rows = scaled(r, 3, between(r, 2, 5));
      rows[r.int(3)] = rows[0].map(() => -Infinity);
      return [rows];
    },
    throws: "RangeError",
  },
]);
