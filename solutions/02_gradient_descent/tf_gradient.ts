import { tf } from "../../lib/tf.ts";
import type { Matrix, Vector } from "../../lib/types.ts";

/**
 * The gradient of the mean squared error of a linear model, found by
 * TensorFlow.js's automatic differentiation instead of by hand.
 *
 *   J(w, b) = (1/N) Σᵢ (Xᵢ·w + b − yᵢ)²        dW = ∂J/∂w [D],  db = ∂J/∂b
 *
 * Write J as a function of two tensors (w and b), hand it to `tf.grads`, and
 * read both gradients back as plain numbers. Every tensor created here must be
 * released before returning (`tf.tidy`), so a training loop can call this a
 * million times without leaking memory. The function is synchronous: read the
 * values with `dataSync()` or `arraySync()`. tfjs computes in float32, so the
 * result agrees with the exact gradient to about 1e-6 relative, not 1e-15.
 *
 * @param X Features, shape [N, D]: one row per sample.
 * @param y Targets, shape [N].
 * @param w Weights, shape [D].
 * @param b Bias.
 * @returns `{ dW, db }`: dW has shape [D], db is a number.
 * @throws {RangeError} When X has no rows, y does not have one value per row,
 *   or a row of X does not have one value per weight.
 * @guarantee no-leaks No tensor it creates outlives the call.
 */
export function tfGradient(X: Matrix, y: Vector, w: Vector, b: number): { dW: Vector; db: number } {
  const n = X.length;
  const d = w.length;
  if (n === 0) {
    throw new RangeError("Cannot compute the gradient as X must have at least one row: it has 0");
  }
  if (y.length !== n) {
    throw new RangeError(
      `Cannot compute the gradient as y must have one value per row of X: ${n} rows, ${y.length} targets`,
    );
  }
  const bad = X.findIndex((row) => row.length !== d);
  if (bad >= 0) {
    throw new RangeError(
      `Cannot compute the gradient as each row of X must have one value per weight: row ${bad} has ${
        X[bad].length
      }, ${d} weights`,
    );
  }
  return tf.tidy(() => {
    const Xtf = tf.tensor2d(X, [n, d]); // [N, D]
    const ytf = tf.tensor1d(y); // [N]
    const loss = (wt: tf.Tensor, bt: tf.Tensor) => {
      const yHat = tf.add(tf.reshape(tf.matMul(Xtf, tf.reshape(wt, [d, 1])), [n]), bt); // [N]
      return tf.mean(tf.square(tf.sub(yHat, ytf))); // []
    };
    const [gW, gB] = tf.grads(loss)([tf.tensor1d(w), tf.scalar(b)]); // [D], []
    return { dW: Array.from(gW.dataSync()), db: gB.dataSync()[0] };
  });
}
