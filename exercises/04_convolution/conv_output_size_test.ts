// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { convOutputSize } from "./conv_output_size.ts";

test("convOutputSize() under valid: a 3-wide window fits 5 − 3 + 1 = 3 times", () => {
  expectClose(convOutputSize(5, 3, 1, "valid"), { out: 3, padBefore: 0, padAfter: 0 }, {
    what: 'convOutputSize(5, 3, 1, "valid")',
  });
});

test("convOutputSize() under valid with stride 2 rounds down: floor((6 − 3) / 2) + 1 = 2", () => {
  expectClose(convOutputSize(6, 3, 2, "valid"), { out: 2, padBefore: 0, padAfter: 0 }, {
    what: 'convOutputSize(6, 3, 2, "valid")',
  });
});

test("convOutputSize() under same with stride 1 keeps the size and pads K − 1", () => {
  expectClose(convOutputSize(5, 3, 1, "same"), { out: 5, padBefore: 1, padAfter: 1 }, {
    what: 'convOutputSize(5, 3, 1, "same")',
  });
});

test("convOutputSize() under same with an even kernel puts the extra zero after", () => {
  // padTotal = (5 − 1)·1 + 4 − 5 = 3: one before, two after.
  expectClose(convOutputSize(5, 4, 1, "same"), { out: 5, padBefore: 1, padAfter: 2 }, {
    what: 'convOutputSize(5, 4, 1, "same")',
  });
});

test("convOutputSize() under same with stride 2 pads only what the last window needs", () => {
  // out = ceil(6 / 2) = 3, padTotal = 2·2 + 3 − 6 = 1.
  expectClose(convOutputSize(6, 3, 2, "same"), { out: 3, padBefore: 0, padAfter: 1 }, {
    what: 'convOutputSize(6, 3, 2, "same")',
  });
});

test("convOutputSize() under same with an input smaller than the kernel", () => {
  // out = 2, padTotal = (2 − 1)·1 + 4 − 2 = 3.
  expectClose(convOutputSize(2, 4, 1, "same"), { out: 2, padBefore: 1, padAfter: 2 }, {
    what: 'convOutputSize(2, 4, 1, "same")',
  });
});

test("convOutputSize() under same never pads a negative amount when the stride exceeds K", () => {
  // out = ceil(7 / 3) = 3, (3 − 1)·3 + 1 − 7 = 0.
  expectClose(convOutputSize(7, 1, 3, "same"), { out: 3, padBefore: 0, padAfter: 0 }, {
    what: 'convOutputSize(7, 1, 3, "same")',
  });
});

test("convOutputSize() throws a RangeError for a size, kernel or stride that is not an integer ≥ 1", () => {
  expectThrows(
    () => convOutputSize(0, 3, 1, "same"),
    RangeError,
    'convOutputSize(0, 3, 1, "same")',
  );
  expectThrows(() => convOutputSize(5, 2.5, 1, "same"), RangeError, "convOutputSize(5, 2.5, …)");
  expectThrows(() => convOutputSize(5, 3, 0, "valid"), RangeError, "convOutputSize(5, 3, 0, …)");
});

test("convOutputSize() throws a RangeError for a padding other than valid or same", () => {
  expectThrows(
    () => convOutputSize(5, 3, 1, "full" as "same"),
    RangeError,
    'convOutputSize(5, 3, 1, "full")',
  );
});

test("convOutputSize() throws a RangeError when no window fits under valid", () => {
  expectThrows(
    () => convOutputSize(2, 3, 1, "valid"),
    RangeError,
    'convOutputSize(2, 3, 1, "valid")',
  );
});
