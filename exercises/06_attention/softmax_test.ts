// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { softmax } from "./softmax.ts";

test("softmax() of [0, ln 2, ln 3] is [1/6, 2/6, 3/6]: exp, then divide by the sum", () => {
  expectClose(softmax([[0, Math.log(2), Math.log(3)]]), [[1 / 6, 2 / 6, 3 / 6]], {
    what: "softmax([[0, ln 2, ln 3]])",
  });
});

test("softmax() normalises each row on its own (over the columns)", () => {
  const got = softmax([[1, 1], [0, Math.log(3)]]);
  expectClose(got, [[0.5, 0.5], [0.25, 0.75]], { what: "softmax([[1, 1], [0, ln 3]])" });
  expectClose(softmax([[5], [-2]]), [[1], [1]], { what: "softmax([[5], [-2]]) (one column)" });
});

test("softmax() subtracts the row maximum: [1000, 1000 + ln 3] does not overflow", () => {
  // exp(1000) is Infinity in float64; exp(1000 − 1000 − ln 3) is not.
  expectClose(softmax([[1000, 1000 + Math.log(3)]]), [[0.25, 0.75]], {
    what: "softmax([[1000, 1000 + ln 3]])",
  });
  expectClose(softmax([[-1000, -1000]]), [[0.5, 0.5]], { what: "softmax([[-1000, -1000]])" });
});

test("softmax() gives an −∞ entry a weight of exactly 0", () => {
  expectClose(softmax([[2, -Infinity, 2]]), [[0.5, 0, 0.5]], {
    atol: 0,
    what: "softmax([[2, -Infinity, 2]])",
  });
});

test("softmax() leaves its argument unchanged", () => {
  const rows = [[1, 2], [3, -Infinity]];
  softmax(rows);
  expectClose(rows, [[1, 2], [3, -Infinity]], { what: "rows after softmax(rows)" });
});

test("softmax() throws a RangeError for a row that is all −∞ or empty", () => {
  expectThrows(
    () => softmax([[0, 1], [-Infinity, -Infinity]]),
    RangeError,
    "softmax of a row of −∞",
  );
  expectThrows(() => softmax([[]]), RangeError, "softmax([[]])");
});
