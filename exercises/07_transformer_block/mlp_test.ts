// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { mlp } from "./mlp.ts";

// GELU at a few points, from its formula ½ z (1 + tanh(√(2/π) (z + 0.044715 z³))).
const GELU = { "1": 0.8411919906082768, "-1": -0.15880800939172324, "0.5": 0.34571400982514394 };
const I2 = [[1, 0], [0, 1]];

test("mlp() with identity weights returns GELU of each entry", () => {
  expectClose(mlp([[1, -1], [0, 0.5]], I2, [0, 0], I2, [0, 0]), [
    [GELU["1"], GELU["-1"]],
    [0, GELU["0.5"]],
  ], { rtol: 1e-12, what: "mlp([[1, -1], [0, 0.5]], I, [0, 0], I, [0, 0])" });
});

test("mlp() widens to h = 3 and maps back to d_out = 1", () => {
  // x W1 + b1 = [1, 2, 1] + [0, 0, −0.5] = [1, 2, 0.5]; GELU(2) = 1.954597694087775.
  const W1 = [[1, 0, -1], [0, 1, 1]]; // [2, 3]
  const W2 = [[1], [0], [2]]; // [3, 1]
  expectClose(mlp([[1, 2]], W1, [0, 0, -0.5], W2, [0.25]), [[GELU["1"] + 2 * GELU["0.5"] + 0.25]], {
    rtol: 1e-12,
    what: "mlp([[1, 2]], [[1, 0, -1], [0, 1, 1]], [0, 0, -0.5], [[1], [0], [2]], [0.25])",
  });
});

test("mlp() lets almost nothing through for large negative pre-activations", () => {
  expectClose(mlp([[-30]], [[1]], [0], [[1]], [0.5]), [[0.5]], {
    atol: 1e-12,
    what: "mlp([[-30]], [[1]], [0], [[1]], [0.5])",
  });
});

test("mlp() throws a RangeError when the shapes disagree", () => {
  const x = [[1, 2]]; // [1, 2]
  expectThrows(() => mlp(x, [[1, 0]], [0, 0], I2, [0, 0]), RangeError, "x [1, 2], W1 [1, 2]");
  expectThrows(() => mlp(x, I2, [0], I2, [0, 0]), RangeError, "W1 [2, 2], b1 [1]");
  expectThrows(() => mlp(x, I2, [0, 0], [[1, 0]], [0, 0]), RangeError, "b1 [2], W2 [1, 2]");
  expectThrows(() => mlp(x, I2, [0, 0], I2, [0]), RangeError, "W2 [2, 2], b2 [1]");
  expectThrows(() => mlp([], I2, [0, 0], I2, [0, 0]), RangeError, "x [0, 2]");
});
