// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { mse } from "./mse.ts";

test("mse() of a perfect fit is 0", () => {
  expectClose(mse([1, 2, 3], [1, 2, 3]), 0, { what: "mse([1, 2, 3], [1, 2, 3])" });
});

test("mse() averages the squared errors", () => {
  // errors −1, 0, 2, 0 → squares 1, 0, 4, 0 → mean 5/4
  expectClose(mse([1, 2, 3, 4], [2, 2, 1, 4]), 1.25, { what: "mse([1, 2, 3, 4], [2, 2, 1, 4])" });
});

test("mse() does not grow with N when every error is the same", () => {
  const small = mse([0.5, 0.5], [0, 0]);
  const large = mse(Array(8).fill(0.5), Array(8).fill(0));
  expectClose([small, large], [0.25, 0.25], { what: "[mse of 2 errors of 0.5, mse of 8]" });
});

test("mse() throws a RangeError when the lengths differ", () => {
  expectThrows(() => mse([1, 2, 3], [1, 2]), RangeError, "mse([1, 2, 3], [1, 2])");
});
