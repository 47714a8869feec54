// Do not edit: your work is checked against these.
import { tf } from "../../lib/tf.ts";
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { rnnGradient } from "./rnn_gradient.ts";

/** The same gradient by tfjs's automatic differentiation (float32), for comparison. */
function tfReference(
  xs: number[][],
  h0: number[],
  Wh: number[][],
  Wx: number[][],
  b: number[],
  v: number[],
) {
  return tf.tidy(() => {
    const loss = (W: tf.Tensor, U: tf.Tensor, bias: tf.Tensor) => {
      let h = tf.tensor2d([h0]); // [1, H]: row vectors, so W_h h becomes h W_hᵀ
      let L: tf.Tensor = tf.scalar(0);
      for (const x of xs) {
        h = tf.tanh(
          h.matMul(W, false, true).add(tf.tensor2d([x]).matMul(U, false, true)).add(bias),
        );
        L = L.add(h.mul(tf.tensor2d([v])).sum());
      }
      return L;
    };
    const [dWh, dWx, db] = tf.grads(loss)([tf.tensor2d(Wh), tf.tensor2d(Wx), tf.tensor2d([b])]);
    return { dWh: dWh.arraySync(), dWx: dWx.arraySync(), db: (db.arraySync() as number[][])[0] };
  });
}

test("rnnGradient() of one step of one unit: δ = v (1 − h₁²)", () => {
  // h₁ = tanh(0.5·1 + 2·0.25 + 0) = tanh(1); ∂L/∂W_h = δ h₀, ∂L/∂W_x = δ x₁, ∂L/∂b = δ.
  const delta = 3 * (1 - Math.tanh(1) ** 2);
  expectClose(rnnGradient([[0.25]], [1], [[0.5]], [[2]], [0], [3]), {
    dWh: [[delta]],
    dWx: [[delta * 0.25]],
    db: [delta],
  }, { rtol: 1e-12, what: "rnnGradient([[0.25]], [1], [[0.5]], [[2]], [0], [3])" });
});

test("rnnGradient() agrees with tf.grads: T = 4, H = 2, D = 3", () => {
  const args = [
    [[1, -0.5, 0.25], [0, 1, -1], [0.5, 0.5, 2], [-1, 0, 0.5]], // xs [4, 3]
    [0.5, -0.25], // h0 [2]
    [[0.9, -0.6], [0.4, 0.7]], // Wh [2, 2], not symmetric
    [[0.3, -0.2, 0.5], [-0.4, 0.6, 0.1]], // Wx [2, 3]
    [0.1, -0.2], // b [2]
    [1, -2], // v [2]
  ] as const;
  const [xs, h0, Wh, Wx, b, v] = args.map((a) => structuredClone(a)) as unknown as [
    number[][],
    number[],
    number[][],
    number[][],
    number[],
    number[],
  ];
  expectClose(rnnGradient(xs, h0, Wh, Wx, b, v), tfReference(xs, h0, Wh, Wx, b, v), {
    rtol: 1e-4,
    atol: 1e-5,
    what: "rnnGradient(...) against tf.grads on a 4-step sequence",
  });
});

test("rnnGradient() of an empty sequence is zero", () => {
  expectClose(rnnGradient([], [0, 1], [[1, 2], [3, 4]], [[1], [1]], [0, 0], [1, 1]), {
    dWh: [[0, 0], [0, 0]],
    dWx: [[0], [0]],
    db: [0, 0],
  }, { what: "rnnGradient([], [0, 1], ...)" });
});

test("rnnGradient() throws a RangeError when the shapes disagree", () => {
  const Wh = [[1, 0], [0, 1]];
  expectThrows(() => rnnGradient([[1]], [0, 0], Wh, [[1], [1]], [0, 0], [1]), RangeError, "v [1]");
  expectThrows(
    () => rnnGradient([[1, 2]], [0, 0], Wh, [[1], [1]], [0, 0], [1, 1]),
    RangeError,
    "xs row [2], Wx [2, 1]",
  );
});
