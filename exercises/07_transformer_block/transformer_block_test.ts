// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { type BlockParams, transformerBlock } from "./transformer_block.ts";

const zeros = (rows: number, cols: number) =>
  Array.from({ length: rows }, () => new Array(cols).fill(0));
const I2 = [[1, 0], [0, 1]];

/** A block with d = 2, h = 3 whose sublayers add nothing; `over` replaces some weights. */
const params = (over: Partial<BlockParams> = {}): BlockParams => ({
  gamma1: [1, 1],
  beta1: [0, 0],
  Wq: zeros(2, 1),
  Wk: zeros(2, 1),
  Wv: zeros(2, 1),
  Wo: zeros(1, 2),
  gamma2: [1, 1],
  beta2: [0, 0],
  W1: zeros(2, 3),
  b1: [0, 0, 0],
  W2: zeros(3, 2),
  b2: [0, 0],
  ...over,
});

const x = [[1, 3], [4, 2]]; // [T = 2, d = 2]
// With d = 2, layer norm maps [1, 3] to c·[−1, 1] and [4, 2] to c·[1, −1], where c = 1/√(1 + ε).
const c = 1 / Math.sqrt(1 + 1e-5);

test("transformerBlock() passes x through unchanged when both sublayers add zero", () => {
  // A pre-norm block normalizes only the sublayers' inputs, never the residual stream itself.
  expectClose(transformerBlock(x, params()), x, {
    what: "transformerBlock([[1, 3], [4, 2]], weights that make both sublayers output 0)",
  });
});

test("transformerBlock() adds the MLP's output to the stream: out = h + MLP(LN₂(h))", () => {
  // W1 = 0, W2 = 0: the MLP outputs b2 at every position.
  expectClose(transformerBlock(x, params({ b2: [0.5, -1] })), [[1.5, 2], [4.5, 1]], {
    what: "transformerBlock([[1, 3], [4, 2]], only b2 = [0.5, -1] non-zero)",
  });
});

test("transformerBlock() is causal: position 0 attends only to itself", () => {
  // Wq = Wk = 0: every allowed score is 0, so the weights are uniform over positions 0..t.
  // V = LN₁(x) (Wv = I, d_v = 2): row 0 gets v₀ = c·[−1, 1], row 1 the mean of v₀ and v₁ = [0, 0].
  expectClose(
    transformerBlock(x, params({ Wq: zeros(2, 1), Wk: zeros(2, 1), Wv: I2, Wo: I2 })),
    [[1 - c, 3 + c], [4, 2]],
    { what: "transformerBlock([[1, 3], [4, 2]], Wq = Wk = 0, Wv = Wo = I)" },
  );
});

test("transformerBlock() weighs positions by softmax(q·k / √d_k) with d_k = d_v = 1", () => {
  // q = a [[1], [0]] = c·[−1, 1]; k = a [[0], [2]] = 2c·[1, −1]; v = a [[1], [0]] = c·[−1, 1].
  // Row 1 scores q₁k₀ = 2c², q₁k₁ = −2c²: weights w₀ = σ(4c²), w₁ = 1 − w₀.
  const w0 = 1 / (1 + Math.exp(-4 * c * c));
  const a1 = c * (1 - 2 * w0); // w₀·v₀ + w₁·v₁
  expectClose(
    transformerBlock(x, params({ Wq: [[1], [0]], Wk: [[0], [2]], Wv: [[1], [0]], Wo: [[1, 2]] })),
    [[1 - c, 3 - 2 * c], [4 + a1, 2 + 2 * a1]],
    { rtol: 1e-9, what: "transformerBlock([[1, 3], [4, 2]], Wq = [[1], [0]], Wk = [[0], [2]], …)" },
  );
});

test("transformerBlock() leaves x and the weights unchanged", () => {
  const p = params({ Wv: I2, Wo: I2, b2: [0.5, -1] });
  const input = [[1, 3], [4, 2]];
  transformerBlock(input, p);
  expectClose([input, p], [x, params({ Wv: I2, Wo: I2, b2: [0.5, -1] })], {
    rtol: 0,
    what: "x and params after transformerBlock(x, params)",
  });
});

test("transformerBlock() throws a RangeError when the shapes disagree", () => {
  expectThrows(() => transformerBlock(x, params({ Wq: zeros(3, 1) })), RangeError, "Wq [3, 1]");
  expectThrows(() => transformerBlock(x, params({ Wk: zeros(2, 2) })), RangeError, "Wk [2, 2]");
  expectThrows(() => transformerBlock(x, params({ Wo: zeros(1, 3) })), RangeError, "Wo [1, 3]");
  expectThrows(() => transformerBlock([], params()), RangeError, "x [0, 2]");
});
