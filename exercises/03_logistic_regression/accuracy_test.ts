// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { accuracy } from "./accuracy.ts";

test("accuracy() is the fraction of samples on the right side of ½", () => {
  // Predictions 1, 0, 1, 0 against labels 1, 0, 0, 0: three of four right.
  expectClose(accuracy([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 0]), 0.75, {
    what: "accuracy([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 0])",
  });
});

test("accuracy() uses the threshold it is given", () => {
  // With t = 0.7, p = 0.6 is class 0: all four right.
  expectClose(accuracy([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 0], 0.7), 1, {
    what: "accuracy([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 0], 0.7)",
  });
});

test("accuracy() counts a probability equal to the threshold as class 1", () => {
  expectClose(accuracy([0.5, 0.5], [1, 0]), 0.5, { what: "accuracy([0.5, 0.5], [1, 0])" });
  expectClose(accuracy([0.3], [1], 0.3), 1, { what: "accuracy([0.3], [1], 0.3)" });
});

test("accuracy() throws a RangeError for mismatched or empty inputs and thresholds outside [0, 1]", () => {
  expectThrows(() => accuracy([0.5, 0.1], [1]), RangeError, "accuracy([0.5, 0.1], [1])");
  expectThrows(() => accuracy([], []), RangeError, "accuracy([], [])");
  expectThrows(() => accuracy([0.5], [1], 1.5), RangeError, "accuracy([0.5], [1], 1.5)");
  expectThrows(() => accuracy([0.5], [1], NaN), RangeError, "accuracy([0.5], [1], NaN)");
});
