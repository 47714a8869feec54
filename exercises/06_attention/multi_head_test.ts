// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { multiHeadAttention } from "./multi_head.ts";

const I2 = [[1, 0], [0, 1]];
const SWAP = [[0, 1], [1, 0]];
const a = Math.E / (Math.E + 1); // softmax([1, 0])[0]

test("multiHeadAttention() with d = 2 and two heads: each head attends in its own column", () => {
  // Head 0 sees column 0 of X: q = k = v = [1, 0]; head 1 sees column 1: [0, 1]. d_k = 1.
  const got = multiHeadAttention([[1, 0], [0, 1]], I2, I2, I2, I2, 2);
  expectClose(got, {
    output: [[a, 0.5], [0.5, a]],
    weights: [[[a, 1 - a], [0.5, 0.5]], [[0.5, 0.5], [1 - a, a]]],
  }, { what: "multiHeadAttention([[1, 0], [0, 1]], I, I, I, I, 2)" });
});

test("multiHeadAttention() mixes the merged heads with W_o", () => {
  const got = multiHeadAttention([[1, 0], [0, 1]], I2, I2, I2, SWAP, 2);
  expectClose(got.output, [[0.5, a], [a, 0.5]], { what: "… with W_o = [[0, 1], [1, 0]]" });
});

test("multiHeadAttention() splits by columns (reshape [T, h, d_k], then transpose), not by a flat reshape", () => {
  // T = 3, d = 2, h = 2: head 0 is column 0 of X = [1, 0, 1], head 1 is column 1 = [0, 1, 1].
  const x = [[1, 0], [0, 1], [1, 1]];
  const head = (col: number[]) =>
    col.map((qi) => {
      const e = col.map((kj) => Math.exp(qi * kj)); // d_k = 1: scores q·k / 1
      const s = e.reduce((p, z) => p + z, 0);
      return e.reduce((p, z, j) => p + (z / s) * col[j], 0);
    });
  const [h0, h1] = [head([1, 0, 1]), head([0, 1, 1])];
  expectClose(multiHeadAttention(x, I2, I2, I2, I2, 2).output, h0.map((o, t) => [o, h1[t]]), {
    what: "multiHeadAttention([[1, 0], [0, 1], [1, 1]], I, I, I, I, 2).output",
  });
});

test("multiHeadAttention() passes the mask to every head", () => {
  const causal = [[0, -Infinity], [0, 0]];
  const got = multiHeadAttention([[1, 0], [0, 1]], I2, I2, I2, I2, 2, causal);
  expectClose(got.weights, [[[1, 0], [0.5, 0.5]], [[1, 0], [1 - a, a]]], {
    what: "multiHeadAttention(…, 2, causal mask).weights",
  });
});

test("multiHeadAttention() without positions is permutation-equivariant: swapping tokens swaps outputs", () => {
  const x = [[1, 2, 0, -1], [0.5, -1, 2, 1], [-2, 0, 1, 1]];
  const w = [[1, 0, 2, 0], [0, 1, 0, -1], [1, 1, 0, 0], [0, 2, 1, 1]];
  const wo = [[0, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]];
  const got = multiHeadAttention(x, w, wo, w, wo, 2).output;
  const swapped = multiHeadAttention([x[2], x[1], x[0]], w, wo, w, wo, 2).output;
  expectClose(swapped, [got[2], got[1], got[0]], {
    what: "multiHeadAttention(X with rows 0 and 2 swapped, …).output",
  });
});

test("multiHeadAttention() leaves its arguments unchanged", () => {
  const x = [[1, 0], [0, 1]];
  multiHeadAttention(x, I2, I2, I2, SWAP, 1);
  expectClose({ x, I2, SWAP }, {
    x: [[1, 0], [0, 1]],
    I2: [[1, 0], [0, 1]],
    SWAP: [[0, 1], [1, 0]],
  }, {
    what: "the arguments after multiHeadAttention",
  });
});

test("multiHeadAttention() throws a RangeError when h does not divide d or W is not [d, d]", () => {
  const x = [[1, 0, 0, 1]];
  const I4 = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
  expectThrows(() => multiHeadAttention(x, I4, I4, I4, I4, 3), RangeError, "d = 4 with 3 heads");
  expectThrows(() => multiHeadAttention(x, I4, I4, I4, I4, 0), RangeError, "d = 4 with 0 heads");
  expectThrows(
    () => multiHeadAttention(x, I4, I4, I2, I4, 2),
    RangeError,
    "a [2, 2] W_v for d = 4",
  );
});
