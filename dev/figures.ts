/**
 * Draws the lessons' figures from code, so every picture can be rebuilt and
 * checked. Run from anywhere:
 *
 *   deno run --allow-read --allow-write dev/figures.ts          writes the SVG files
 *   deno run --allow-read dev/figures.ts --check                exits 1 if a file is stale
 *
 * @module
 */
import { tf } from "../lib/tf.ts";
import { decisionBoundarySvg, lineChartSvg } from "../lib/plot.ts";
import { type Labelled, OVERLAPPING, SEPARABLE } from "../lib/datasets.ts";
import { trainLogistic } from "../solutions/03_logistic_regression/train_logistic.ts";
import { lesson04Figures } from "./figures_04.ts";
import { rnnForward } from "../solutions/05_recurrent_networks/rnn_forward.ts";
import { gradientNorms } from "../solutions/05_recurrent_networks/gradient_norms.ts";
import { rng } from "../lib/random.ts";

/** Steps drawn: after about 200 steps at α = 0.1 float32 rounding starts to show. */
const STEPS = 200;

/**
 * The article's example as written: x = 1..4, y = 2x, w = b = 0, plain
 * gradient descent on the MSE with `tf.train.sgd`.
 *
 * @param learningRate α.
 * @param steps How many steps to take.
 * @returns The loss before the first step, then after each step: [steps + 1].
 */
export function seedExampleLosses(learningRate: number, steps: number): number[] {
  const x = tf.tensor1d([1, 2, 3, 4]);
  const y = tf.tensor1d([2, 4, 6, 8]);
  const w = tf.variable(tf.scalar(0));
  const b = tf.variable(tf.scalar(0));
  const loss = () => tf.mean(tf.square(tf.sub(y, tf.add(tf.mul(w, x), b)))) as tf.Scalar;
  const optimizer = tf.train.sgd(learningRate);
  const losses = [tf.tidy(() => loss().dataSync()[0])];
  for (let i = 0; i < steps; i++) {
    optimizer.minimize(loss);
    losses.push(tf.tidy(() => loss().dataSync()[0]));
  }
  tf.dispose([x, y, w, b]);
  optimizer.dispose();
  return losses;
}

/**
 * Lesson 03: the decision boundary the reference training loop reaches on a
 * two-feature data set (α = 0.5).
 *
 * @param name What the data set is, for the title.
 * @param data The points and labels.
 * @param epochs How many steps to take.
 * @returns The SVG document.
 */
export function boundaryFigure(name: string, data: Labelled, epochs: number): string {
  const { w, b, losses } = trainLogistic(data.X, data.y, { learningRate: 0.5, epochs });
  const title = `${name}: ${epochs} steps, loss ${losses[epochs].toFixed(3)}, |w| = ${
    Math.hypot(...w).toFixed(2)
  }`;
  return decisionBoundarySvg(title, data.X, data.y, w, b);
}

/**
 * Lesson 05: ‖∂h_T/∂h_{T−k}‖_F against the distance k, for W_h = c·Q (Q a
 * fixed rotation of 8 units, so ‖W_h‖₂ = c) over 40 steps of random inputs.
 *
 * @param c The spectral norm of W_h.
 * @param inputScale How large the inputs are: 0 keeps every state at 0
 *   (tanh unsaturated), larger inputs push the units towards ±1.
 * @returns The norms for k = 0..40.
 */
export function gradientNormCurve(c: number, inputScale: number): number[] {
  const H = 8;
  const T = 40;
  // Q: a product of rotations in the planes (0, 1), (2, 3), … by different angles.
  const Wh = Array.from({ length: H }, () => new Array(H).fill(0));
  for (let p = 0; p < H; p += 2) {
    const a = 0.3 + p;
    [Wh[p][p], Wh[p][p + 1], Wh[p + 1][p], Wh[p + 1][p + 1]] = [
      Math.cos(a),
      -Math.sin(a),
      Math.sin(a),
      Math.cos(a),
    ];
  }
  const r = rng(5);
  const xs = Array.from({ length: T }, () => [inputScale * r.normal()]); // [T, 1]
  const Wx = Array.from({ length: H }, () => [r.normal()]); // [H, 1]
  const hs = rnnForward(
    xs,
    new Array(H).fill(0),
    Wh.map((row) => row.map((w) => c * w)),
    Wx,
    new Array(H).fill(0),
  );
  return gradientNorms(Wh.map((row) => row.map((w) => c * w)), hs);
}

/** Figure file (relative to the kit root) → its contents. */
export function figures(): Record<string, string> {
  return {
    "lessons/img/02_learning_rates.svg": lineChartSvg(
      `x = 1..4, y = 2x: MSE over the first ${STEPS} steps (log scale)`,
      [
        { label: "α = 0.5 (diverges)", values: seedExampleLosses(0.5, STEPS) },
        { label: "α = 0.1 (converges)", values: seedExampleLosses(0.1, STEPS) },
      ],
      { logY: true },
    ),
    "lessons/img/03_boundary_separable.svg": boundaryFigure("separable", SEPARABLE, 1000),
    "lessons/img/03_boundary_overlapping.svg": boundaryFigure("overlapping", OVERLAPPING, 1000),
    ...lesson04Figures(),
    "lessons/img/05_gradient_norms.svg": lineChartSvg(
      "RNN, H = 8: ‖∂h_T/∂h_(T−k)‖ against the distance k (log scale)",
      [
        { label: "‖W_h‖ = 1.25, states at 0 (explodes)", values: gradientNormCurve(1.25, 0) },
        { label: "‖W_h‖ = 0.8, random inputs (vanishes)", values: gradientNormCurve(0.8, 1) },
        { label: "‖W_h‖ = 3, large inputs (saturates)", values: gradientNormCurve(3, 3) },
      ],
      { logY: true },
    ),
  };
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  let stale = 0;
  for (const [path, svg] of Object.entries(figures())) {
    const url = new URL(`../${path}`, import.meta.url);
    if (!check) {
      await Deno.writeTextFile(url, svg);
      console.log(`✓ Wrote ${path}`);
    } else if ((await Deno.readTextFile(url).catch(() => "")) !== svg) {
      console.error(
        `error: ${path} is out of date: run deno run --allow-read --allow-write dev/figures.ts`,
      );
      stale++;
    }
  }
  if (check && stale === 0) console.log("✓ Every figure is up to date");
  Deno.exit(stale ? 1 : 0);
}
