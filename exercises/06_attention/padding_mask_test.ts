// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { paddingMask } from "./padding_mask.ts";

const X = -Infinity;

test("paddingMask([2, 3], 3) hides the padding keys of each sequence from every query", () => {
  expectClose(paddingMask([2, 3], 3), [
    [[0, 0, X], [0, 0, X], [0, 0, X]],
    [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
  ], { what: "paddingMask([2, 3], 3)" });
});

test("paddingMask() with length 1 leaves only the first key", () => {
  expectClose(paddingMask([1], 2), [[[0, X], [0, X]]], { what: "paddingMask([1], 2)" });
});

test("paddingMask() of an empty batch is []", () => {
  expectClose(paddingMask([], 4), [], { what: "paddingMask([], 4)" });
});

test("paddingMask() throws a RangeError for a length outside 1..T or a bad T", () => {
  expectThrows(() => paddingMask([2, 0], 3), RangeError, "paddingMask([2, 0], 3)");
  expectThrows(() => paddingMask([4], 3), RangeError, "paddingMask([4], 3)");
  expectThrows(() => paddingMask([1], 0), RangeError, "paddingMask([1], 0)");
});
