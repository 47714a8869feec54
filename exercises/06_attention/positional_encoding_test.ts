// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { positionalEncoding } from "./positional_encoding.ts";

test("positionalEncoding(): position 0 is [sin 0, cos 0, …] = [0, 1, 0, 1]", () => {
  expectClose(positionalEncoding(1, 4), [[0, 1, 0, 1]], { what: "positionalEncoding(1, 4)" });
});

test("positionalEncoding(3, 4): columns 0–1 turn at frequency 1, columns 2–3 at 1/100", () => {
  // d = 4: pair i = 0 has 10000^0 = 1; pair i = 1 has 10000^(−2/4) = 1/100.
  const row = (t: number) => [Math.sin(t), Math.cos(t), Math.sin(t / 100), Math.cos(t / 100)];
  expectClose(positionalEncoding(3, 4), [row(0), row(1), row(2)], {
    what: "positionalEncoding(3, 4)",
  });
});

test("positionalEncoding() with an odd d ends with a sine column", () => {
  // d = 3: columns 0, 1 at frequency 1; column 2 (pair i = 1) at 10000^(−2/3).
  const f = 10000 ** (-2 / 3);
  expectClose(positionalEncoding(2, 3), [[0, 1, 0], [Math.sin(1), Math.cos(1), Math.sin(f)]], {
    what: "positionalEncoding(2, 3)",
  });
});

test("positionalEncoding() throws a RangeError when T or d is not an integer ≥ 1", () => {
  expectThrows(() => positionalEncoding(0, 4), RangeError, "positionalEncoding(0, 4)");
  expectThrows(() => positionalEncoding(3, 0), RangeError, "positionalEncoding(3, 0)");
  expectThrows(() => positionalEncoding(3, 1.5), RangeError, "positionalEncoding(3, 1.5)");
});
