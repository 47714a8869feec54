// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { rSquared } from "./r_squared.ts";

const y = [1, 2, 3, 6]; // mean 3, SS_tot = 4 + 1 + 0 + 9 = 14

test("rSquared() of a perfect prediction is 1", () => {
  expectClose(rSquared([...y], y), 1, { what: "rSquared([1, 2, 3, 6], [1, 2, 3, 6])" });
});

test("rSquared() of always predicting the mean of y is 0", () => {
  expectClose(rSquared([3, 3, 3, 3], y), 0, { what: "rSquared([3, 3, 3, 3], [1, 2, 3, 6])" });
});

test("rSquared() compares the squared residuals with the spread of y", () => {
  // SS_res = 1 + 0 + 0 + 1 = 2, so R² = 1 − 2/14
  expectClose(rSquared([2, 2, 3, 5], y), 6 / 7, { what: "rSquared([2, 2, 3, 5], [1, 2, 3, 6])" });
});

test("rSquared() is negative when the predictions are worse than the mean", () => {
  // SS_res = 25 + 1 + 1 + 25 = 52, so R² = 1 − 52/14
  expectClose(rSquared([6, 3, 2, 1], y), -19 / 7, {
    what: "rSquared([6, 3, 2, 1], [1, 2, 3, 6])",
  });
});

test("rSquared() of a constant y is 1 for a perfect prediction, else 0", () => {
  const got = [rSquared([4, 4, 4], [4, 4, 4]), rSquared([4, 5, 4], [4, 4, 4])];
  expectClose(got, [1, 0], {
    what: "[rSquared([4, 4, 4], [4, 4, 4]), rSquared([4, 5, 4], [4, 4, 4])]",
  });
});

test("rSquared() throws a RangeError when the lengths differ or are 0", () => {
  expectThrows(() => rSquared([1, 2], [1, 2, 3]), RangeError, "rSquared([1, 2], [1, 2, 3])");
  expectThrows(() => rSquared([], []), RangeError, "rSquared([], [])");
});
