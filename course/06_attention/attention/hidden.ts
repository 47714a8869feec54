import type { attention } from "../../../exercises/06_attention/attention.ts";
import { cases } from "../../define.ts";
import {
  between,
  F32,
  type M,
  randomBoolMask,
  rowsSumToOne,
  scaled,
  tfAttention,
  zeroWhereMasked,
} from "../_reference.ts";

type Result = { output: M; weights: M };

/** Hidden cases of `attention`, against softmax(QKᵀ/√d_k + M)V in tfjs. */
export default cases<typeof attention>([
  {
    id: "self-attention-square",
    name: "attention() with Tq = Tk and d_k = d_v, no mask",
    points: 0.5,
    args: (r) => {
      const T = between(r, 2, 5);
      const d = between(r, 2, 6);
      return [scaled(r, T, d), scaled(r, T, d), scaled(r, T, d)];
    },
    expect: tfAttention,
    tol: F32,
  },
  {
    // Purity is graded on inputs where every known mistake also gives a wrong value
    // (a score of 900 in row 0; a hidden key with real weight in row 1), so a right
    // answer that only changes its arguments is not named as one of them.
    id: "leaves-arguments-unchanged",
    name: "attention() leaves Q, K, V and the mask unchanged",
    points: 1,
    property: "pure",
    args: () => [
      [[30, 30, 0, 0], [-0.1, -0.1, -1, -1]],
      [[30, 30, 0, 0], [0, 0, 1, 1], [1, -1, 0, 2]],
      [[1, 0], [0, 1], [2, -1]],
      [[true, true, true], [true, false, true]],
    ],
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "honest-shapes",
    name: "attention() with Tq ≠ Tk and d_k ≠ d_v (e.g. Q [4, 6], K [7, 6], V [7, 3])",
    points: 0.75,
    args: (r) => {
      const tq = between(r, 2, 5);
      const tk = tq + between(r, 1, 4);
      const dk = between(r, 4, 9);
      const dv = dk + (r.next() < 0.5 ? -between(r, 1, 3) : between(r, 1, 3));
      return [scaled(r, tq, dk), scaled(r, tk, dk), scaled(r, tk, dv)];
    },
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "wide-keys",
    name: "attention() with d_k = 64, where the 1/√d_k scale matters most",
    points: 0.75,
    args: (r) => {
      const tq = between(r, 3, 6);
      const tk = between(r, 4, 8);
      return [scaled(r, tq, 64), scaled(r, tk, 64), scaled(r, tk, between(r, 2, 5))];
    },
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "large-scores",
    name: "attention() with scores in the thousands (exp overflows without the row max subtracted)",
    points: 1,
    args: (r) => {
      const tk = between(r, 3, 6);
      return [scaled(r, between(r, 2, 4), 16, 40), scaled(r, tk, 16, 40), scaled(r, tk, 3)];
    },
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "boolean-mask",
    name: "attention() with a boolean mask: hidden keys get exactly 0 weight",
    points: 1,
    property: "masked-keys-get-zero",
    args: (r) => {
      const tq = between(r, 3, 5);
      const tk = between(r, 4, 7);
      const dk = between(r, 3, 6);
      return [
        scaled(r, tq, dk),
        scaled(r, tk, dk),
        scaled(r, tk, between(r, 2, 4)),
        randomBoolMask(r, tq, tk),
      ];
    },
    check: (got, [, , , mask]) => zeroWhereMasked((got as Result)?.weights, mask!),
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "additive-mask",
    // A large finite number where hidden, as many masks are written; the cases below send −∞ itself.
    name: "attention() with a numeric mask: −1e30 where hidden, a distance bias elsewhere",
    points: 1,
    args: (r) => {
      const T = between(r, 3, 6);
      const d = between(r, 2, 5);
      const mask = Array.from(
        { length: T },
        (_, i) => Array.from({ length: T }, (_, j) => (j > i ? -1e30 : -0.5 * (i - j))),
      );
      return [scaled(r, T, d), scaled(r, T, d), scaled(r, T, d + 1), mask];
    },
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "rows-sum-to-one",
    name:
      "attention(): each query's weights sum to 1 and hidden keys get exactly 0, even where a hidden key's score is 1e11 above every visible one (−∞, not a large finite number)",
    points: 1,
    property: "rows-sum-to-one",
    args: (r) => {
      const tq = between(r, 4, 8);
      const tk = between(r, 3, 9);
      const dk = between(r, 2, 8);
      const q = scaled(r, tq, dk, 2);
      const k = scaled(r, tk, dk, 2);
      const mask = randomBoolMask(r, tq, tk);
      // The first query: one hidden key points its way, and its score is made to exceed every
      // visible key's by 1e11. A mask of −1e9 in place of −∞ gives that key all the weight.
      const hidden = mask[0].findIndex((m, j) => !m && mask[0].some((v, i) => v && i !== j));
      const j0 = hidden >= 0 ? hidden : (mask[0][0] ? 1 : 0) % tk;
      mask[0] = mask[0].map((m, j) => j === j0 ? false : m || j === (j0 + 1) % tk);
      k[j0] = q[0].map((x) => 10 * x);
      const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
      const visible = k.filter((_, j) => mask[0][j]).map((kj) => dot(q[0], kj));
      const gap = (dot(q[0], k[j0]) - Math.max(...visible)) / Math.sqrt(dk);
      if (!(gap > 0)) throw new Error("the hidden key does not lead: draw again");
      q[0] = q[0].map((x) => x * (1e11 / gap));
      return [q, k, scaled(r, tk, 2), mask];
    },
    check: (got, [, , , mask]) =>
      rowsSumToOne((got as Result)?.weights) ??
        zeroWhereMasked((got as Result)?.weights, mask!),
    // The values too: one-hot weights on a visible key pass the check alone.
    expect: tfAttention,
    tol: F32,
  },
  {
    id: "throws-on-shape-mismatch",
    name: "attention() throws a RangeError when V has a different number of rows than K",
    points: 1,
    args: (r) => {
      const tk = between(r, 2, 5);
      return [scaled(r, 2, 3), scaled(r, tk, 3), scaled(r, tk + 1, 2)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-on-fully-masked-query",
    name: "attention() throws a RangeError when a query may see no key",
    points: 1,
    args: (r) => {
      const mask = randomBoolMask(r, 3, 4);
      mask[r.int(3)] = [false, false, false, false];
      return [scaled(r, 3, 2), scaled(r, 4, 2), scaled(r, 4, 2), mask];
    },
    throws: "RangeError",
  },
  // The other documented faults, one case each (a quarter point).
  {
    id: "throws-on-a-query-masked-by-minus-infinity",
    name: "attention() throws a RangeError when a numeric mask hides every key from a query (−∞)",
    points: 0.25,
    args: (r) => {
      const mask = scaled(r, 3, 4, 0.5);
      mask[r.int(3)] = [-Infinity, -Infinity, -Infinity, -Infinity];
      return [scaled(r, 3, 2), scaled(r, 4, 2), scaled(r, 4, 2), mask];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-q-and-k-have-different-widths",
    name: "attention() throws a RangeError when the rows of Q are one wider than those of K",
    points: 0.25,
    args: (r) => {
      const [tq, tk, dk] = [between(r, 2, 5), between(r, 2, 5), between(r, 2, 5)];
      return [scaled(r, tq, dk + 1), scaled(r, tk, dk), scaled(r, tk, between(r, 2, 4))];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-the-mask-has-the-wrong-number-of-rows",
    name: "attention() throws a RangeError when the mask has Tq + 1 rows",
    points: 0.25,
    args: (r) => {
      const [tq, tk] = [between(r, 2, 4), between(r, 2, 5)];
      return [scaled(r, tq, 3), scaled(r, tk, 3), scaled(r, tk, 2), randomBoolMask(r, tq + 1, tk)];
    },
    throws: "RangeError",
  },
  {
    id: "throws-when-the-mask-rows-have-the-wrong-length",
    name: "attention() throws a RangeError when the mask's rows have Tk + 1 entries",
    points: 0.25,
    args: (r) => {
      const [tq, tk] = [between(r, 2, 4), between(r, 2, 5)];
      // The extra entry comes last, so every query still sees a key among the first Tk.
      const mask = randomBoolMask(r, tq, tk).map((row) => [...row, r.next() < 0.5]);
      return [scaled(r, tq, 3), scaled(r, tk, 3), scaled(r, tk, 2), mask];
    },
    throws: "RangeError",
  },
]);
