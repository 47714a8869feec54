// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { attention } from "./attention.ts";

// One query, two keys, d_k = 4 so √d_k = 2: scores [2, 0] / 2 = [1, 0] → weights [e, 1] / (e + 1).
const Q = [[1, 1, 0, 0]];
const K = [[1, 1, 0, 0], [0, 0, 1, -1]];
const V = [[10, 0, 1], [0, 10, 1]];
const W = [Math.E / (Math.E + 1), 1 / (Math.E + 1)];

test("attention() weights the values by softmax(q·k / √d_k) over the keys", () => {
  expectClose(attention(Q, K, V), {
    weights: [W],
    output: [[10 * W[0], 10 * W[1], 1]],
  }, { what: "attention(Q [1, 4], K [2, 4], V [2, 3])" });
});

test("attention() handles Tq ≠ Tk and d_k ≠ d_v: output [Tq, d_v], weights [Tq, Tk]", () => {
  // Three queries over two keys, d_k = 1, d_v = 2. A query of 0 sees both keys equally.
  const got = attention([[0], [1], [-1]], [[1], [-1]], [[1, 0], [0, 1]]);
  const a = 1 / (1 + Math.exp(-2)); // softmax([1, −1]) = [a, 1 − a]
  expectClose(got, {
    weights: [[0.5, 0.5], [a, 1 - a], [1 - a, a]],
    output: [[0.5, 0.5], [a, 1 - a], [1 - a, a]],
  }, { what: "attention([[0], [1], [-1]], [[1], [-1]], [[1, 0], [0, 1]])" });
});

test("attention() gives a key hidden by the mask a weight of exactly 0", () => {
  const mask = [[true, false]];
  expectClose(attention(Q, K, V, mask), { weights: [[1, 0]], output: [[10, 0, 1]] }, {
    atol: 0,
    what: "attention(Q, K, V, [[true, false]])",
  });
  expectClose(attention(Q, K, V, [[-Infinity, 0]]).weights, [[0, 1]], {
    atol: 0,
    what: "attention(Q, K, V, [[-Infinity, 0]]).weights",
  });
});

test("attention() adds a numeric mask to the scores before the softmax", () => {
  // scores [1, 0] + [0, 1] = [1, 1]: equal weights.
  expectClose(attention(Q, K, V, [[0, 1]]).weights, [[0.5, 0.5]], {
    what: "attention(Q, K, V, [[0, 1]]).weights",
  });
});

test("attention() does not overflow on large scores", () => {
  // Scores 2000 and 0 after scaling: the weights are [1, 0] up to rounding, never NaN.
  const got = attention([[2000]], [[1], [0]], [[1], [2]]);
  expectClose(got, { weights: [[1, 0]], output: [[1]] }, {
    what: "attention([[2000]], [[1], [0]], [[1], [2]])",
  });
});

test("attention() leaves its arguments unchanged", () => {
  const q = [[1, 2]];
  const k = [[0, 1], [1, 0]];
  const v = [[1], [2]];
  const mask = [[true, true]];
  attention(q, k, v, mask);
  expectClose({ q, k, v }, { q: [[1, 2]], k: [[0, 1], [1, 0]], v: [[1], [2]] }, {
    what: "the arguments after attention",
  });
});

test("attention() throws a RangeError when the shapes do not fit", () => {
  expectThrows(() => attention(Q, K, [[1, 2, 3]]), RangeError, "attention with 2 keys and 1 value");
  expectThrows(() => attention([[1, 2]], K, V), RangeError, "attention with d_k 2 for Q, 4 for K");
  expectThrows(() => attention(Q, K, V, [[true]]), RangeError, "attention with a [1, 1] mask");
});

test("attention() throws a RangeError when the mask hides every key from a query", () => {
  expectThrows(
    () => attention(Q, K, V, [[false, false]]),
    RangeError,
    "attention(Q, K, V, [[false, false]])",
  );
});
