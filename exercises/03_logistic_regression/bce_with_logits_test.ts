// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { bceWithLogits } from "./bce_with_logits.ts";

test("bceWithLogits() of z = 0 is log 2, whatever the label", () => {
  expectClose(bceWithLogits([0, 0], [0, 1]), Math.LN2, { what: "bceWithLogits([0, 0], [0, 1])" });
});

test("bceWithLogits() equals −mean(y log p + (1 − y) log(1 − p)) for moderate logits", () => {
  const z = [2, -1, 0.5];
  const y = [1, 0, 0];
  const p = z.map((v) => 1 / (1 + Math.exp(-v)));
  const textbook = -(Math.log(p[0]) + Math.log(1 - p[1]) + Math.log(1 - p[2])) / 3;
  expectClose(bceWithLogits(z, y), textbook, {
    rtol: 1e-12,
    what: "bceWithLogits([2, -1, 0.5], [1, 0, 0])",
  });
});

test("bceWithLogits() is finite at |z| = 1e4: a confident mistake costs |z|, a confident hit 0", () => {
  // Right: z = 1e4 with y = 1, z = −1e4 with y = 0 cost 0. Wrong: each costs 1e4.
  expectClose(bceWithLogits([1e4, -1e4], [1, 0]), 0, {
    what: "bceWithLogits([1e4, -1e4], [1, 0])",
  });
  expectClose(bceWithLogits([-1e4, 1e4], [1, 0]), 1e4, {
    what: "bceWithLogits([-1e4, 1e4], [1, 0])",
  });
});

test("bceWithLogits() is a mean: it does not grow with N", () => {
  expectClose(bceWithLogits(Array(8).fill(0), Array(8).fill(1)), Math.LN2, {
    what: "bceWithLogits(eight zeros, eight ones)",
  });
});

test("bceWithLogits() throws a RangeError when the lengths differ or are 0", () => {
  expectThrows(() => bceWithLogits([1, 2], [1]), RangeError, "bceWithLogits([1, 2], [1])");
  expectThrows(() => bceWithLogits([], []), RangeError, "bceWithLogits([], [])");
});
