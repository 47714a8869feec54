// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { causalMask } from "./causal_mask.ts";

const X = -Infinity;

test("causalMask(3) lets each position see itself and the past, never the future", () => {
  expectClose(causalMask(3), [[0, X, X], [0, 0, X], [0, 0, 0]], { what: "causalMask(3)" });
});

test("causalMask(1) is [[0]]: one token sees itself", () => {
  expectClose(causalMask(1), [[0]], { what: "causalMask(1)" });
});

test("causalMask() throws a RangeError when T is not an integer ≥ 1", () => {
  expectThrows(() => causalMask(0), RangeError, "causalMask(0)");
  expectThrows(() => causalMask(2.5), RangeError, "causalMask(2.5)");
});
