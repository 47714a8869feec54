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
