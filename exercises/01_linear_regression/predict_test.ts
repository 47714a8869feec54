// Do not edit: your work is checked against these.
import { expectClose, test } from "../../lib/testing.ts";
import { predict } from "./predict.ts";

test("predict() of one feature is w·x + b", () => {
  expectClose(predict([[1], [2], [3]], [2], 0.5), [2.5, 4.5, 6.5], {
    what: "predict([[1], [2], [3]], [2], 0.5)",
  });
});

test("predict() adds the bias to every row", () => {
  expectClose(predict([[0, 0], [0, 0]], [3, -1], 7), [7, 7], {
    what: "predict(zeros [2, 2], [3, -1], 7)",
  });
});

test("predict() returns one value per row, shape [N]", () => {
  const X = [[1, 2, 3], [4, 5, 6]]; // [2, 3]
  expectClose(predict(X, [1, 0, -1], 0), [-2, -2], { what: "predict(X [2, 3], w [3], 0)" });
});
