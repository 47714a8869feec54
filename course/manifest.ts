/**
 * The course, in order: the one list of lessons and exercises. Every file of
 * an exercise is found from its lesson's `dir` and its `name` (see
 * {@link allExercises}); nothing else registers it. `deno task new <lesson>
 * <name>` adds an entry here and scaffolds those files.
 *
 * @module
 */
import type { Exercise, Lesson, ResolvedExercise } from "./types.ts";

const plain = (
  name: string,
  entry: string,
  section: string,
  extra: Partial<Exercise> = {},
): Exercise => ({
  name,
  entry,
  section,
  points: 10,
  timeLimitMs: 2000,
  forbiddenOps: [],
  ...extra,
});

/** tfjs's automatic differentiation: off limits where the gradient is the exercise. */
const AUTODIFF = ["grad", "grads", "valueAndGrad", "valueAndGrads"];

/** tfjs's convolutions and pooling: off limits where writing them is the exercise. */
const CONV = ["conv2d", "fused.conv2d", "depthwiseConv2d", "separableConv2d"];
const POOL = ["maxPool", "avgPool", "pool", "maxPoolWithArgmax"];

/** Every lesson of the course; lessons without exercises are still being written. */
export const LESSONS: Lesson[] = [
  {
    dir: "01_linear_regression",
    title: "Linear regression",
    exercises: [
      plain("predict", "predict", "prediction", { forbiddenOps: ["matMul", "dot"] }),
      plain("mse", "mse", "mean-squared-error", {
        forbiddenOps: ["losses.meanSquaredError", "metrics.meanSquaredError"],
      }),
      plain("normal_equations", "fitNormalEquations", "the-normal-equations", {
        timeLimitMs: 5000,
      }),
      plain("r_squared", "rSquared", "how-good-is-the-fit-r-squared"),
    ],
  },
  {
    dir: "02_gradient_descent",
    title: "Gradient descent",
    exercises: [
      plain("mse_gradient", "mseGradient", "the-gradient-of-the-mse", { forbiddenOps: AUTODIFF }),
      plain("numerical_gradient", "numericalGradient", "checking-a-gradient", {
        forbiddenOps: AUTODIFF,
      }),
      plain("tf_gradient", "tfGradient", "checking-a-gradient", { timeLimitMs: 5000 }),
      plain("batch_gd", "batchGradientDescent", "batch-gradient-descent", {
        forbiddenOps: [...AUTODIFF, "train.sgd"],
      }),
      plain("lr_bound", "maxStableLearningRate", "how-large-a-step-is-safe", { timeLimitMs: 5000 }),
      plain("sgd", "stochasticGradientDescent", "stochastic-gradient-descent", {
        forbiddenOps: [...AUTODIFF, "train.sgd"],
      }),
      plain("minibatch_gd", "miniBatchGradientDescent", "mini-batch-gradient-descent", {
        forbiddenOps: [...AUTODIFF, "train.sgd"],
      }),
      plain("momentum", "momentumStep", "momentum", { forbiddenOps: ["train.momentum"] }),
      plain("rmsprop", "rmspropStep", "rmsprop", { forbiddenOps: ["train.rmsprop"] }),
      plain("adam", "adamStep", "adam", { forbiddenOps: ["train.adam"] }),
    ],
  },
  {
    dir: "03_logistic_regression",
    title: "Logistic regression",
    exercises: [
      plain("sigmoid", "sigmoid", "the-sigmoid", { forbiddenOps: ["sigmoid"] }),
      plain("bce_with_logits", "bceWithLogits", "binary-cross-entropy", {
        forbiddenOps: [
          "sigmoid",
          "softplus",
          "losses.sigmoidCrossEntropy",
          "metrics.binaryCrossentropy",
        ],
      }),
      plain("logistic_gradient", "logisticGradient", "the-gradient-of-the-cross-entropy", {
        forbiddenOps: AUTODIFF,
      }),
      plain("train_logistic", "trainLogistic", "training", {
        forbiddenOps: [...AUTODIFF, "train.sgd"],
      }),
      plain("accuracy", "accuracy", "accuracy"),
    ],
  },
  {
    dir: "04_convolution",
    title: "Convolution and pooling",
    exercises: [
      plain("conv_output_size", "convOutputSize", "the-output-size"),
      plain("conv2d", "conv2d", "convolution-as-tfjs-computes-it", { forbiddenOps: CONV }),
      plain("max_pool", "maxPool2d", "pooling", { forbiddenOps: POOL }),
      plain("avg_pool", "avgPool2d", "pooling", { forbiddenOps: POOL }),
      plain(
        "conv2d_filter_grad",
        "conv2dFilterGradient",
        "the-gradient-with-respect-to-the-filter",
        {
          forbiddenOps: [...AUTODIFF, ...CONV, "conv2dTranspose", "conv2DBackpropFilter"],
        },
      ),
      plain("train_cnn", "trainCnn", "a-cnn-that-reads-digits", {
        // Training: the loop's long check gets minutes; a hidden case trains for about a second
        // (tens of steps), so 20 s of CPU is a 10× margin, and a student whose training never
        // ends costs a class run seconds, not minutes.
        timeLimitMs: 20_000,
        budget: { caseMs: 20_000, longMs: 300_000 },
      }),
    ],
  },
  {
    dir: "05_recurrent_networks",
    title: "Recurrent networks",
    exercises: [
      plain("rnn_step", "rnnStep", "one-step"),
      plain("rnn_forward", "rnnForward", "a-sequence-carrying-the-state"),
      plain("rnn_gradient", "rnnGradient", "backpropagation-through-time", {
        forbiddenOps: AUTODIFF,
        timeLimitMs: 5000,
      }),
      plain("gradient_norms", "gradientNorms", "vanishing-and-exploding-gradients"),
    ],
  },
  {
    dir: "06_attention",
    title: "Attention",
    exercises: [
      plain("softmax", "softmax", "a-stable-softmax", { forbiddenOps: ["softmax", "logSoftmax"] }),
      plain("attention", "attention", "scaled-dot-product-attention", {
        forbiddenOps: ["softmax", "matMul", "dot"],
      }),
      plain("causal_mask", "causalMask", "the-causal-mask", { forbiddenOps: ["linalg.bandPart"] }),
      plain("padding_mask", "paddingMask", "padding-masks"),
      plain("multi_head", "multiHeadAttention", "multi-head-attention", {
        forbiddenOps: ["matMul"],
      }),
      plain("positional_encoding", "positionalEncoding", "positional-encoding"),
    ],
  },
  {
    dir: "07_transformer_block",
    title: "A transformer block",
    exercises: [
      plain("layer_norm", "layerNorm", "layer-normalization", {
        forbiddenOps: ["moments", "batchNorm"],
      }),
      plain("mlp", "mlp", "the-mlp"),
      plain("transformer_block", "transformerBlock", "the-block", {
        forbiddenOps: ["softmax", "moments"],
      }),
      // sample_next first: the capstone's long check writes poems with it.
      plain("sample_next", "sampleNext", "sampling-temperature-and-top-k", {
        forbiddenOps: ["softmax", "logSoftmax", "topk", "multinomial", "argMax"],
      }),
      plain("train_char_model", "trainCharModel", "a-model-that-writes", {
        // Training: the loop's long check gets minutes; a hidden case trains for about a second
        // (tens of steps), so 20 s of CPU is a 10× margin, and a student whose training never
        // ends costs a class run seconds, not minutes.
        timeLimitMs: 20_000,
        budget: { caseMs: 20_000, longMs: 300_000 },
      }),
    ],
  },
];

/**
 * All exercises in course order, with their paths.
 *
 * @param lessons The lessons (the course's own by default).
 * @returns The flattened list.
 */
export function allExercises(lessons: Lesson[] = LESSONS): ResolvedExercise[] {
  const out: ResolvedExercise[] = [];
  for (const lesson of lessons) {
    for (const ex of lesson.exercises) {
      out.push({
        ...ex,
        lesson,
        file: `exercises/${lesson.dir}/${ex.name}.ts`,
        testFile: `exercises/${lesson.dir}/${ex.name}_test.ts`,
        solutionFile: `solutions/${lesson.dir}/${ex.name}.ts`,
        lessonFile: `lessons/${lesson.dir}.md`,
        hiddenFile: `course/${lesson.dir}/${ex.name}/hidden.ts`,
        variantsFile: `course/${lesson.dir}/${ex.name}/variants.ts`,
        diagnosisFile: `course/${lesson.dir}/${ex.name}/diagnosis.json`,
        textsFile: (lang = "en") => `locales/${lang}/${lesson.dir}/${ex.name}.json`,
        index: out.length,
      });
    }
  }
  return out;
}

/**
 * Finds an exercise by name.
 *
 * @param name The exercise's name, e.g. `"mse"`.
 * @returns The exercise, or `undefined`.
 */
export function findExercise(name: string): ResolvedExercise | undefined {
  return allExercises().find((e) => e.name === name);
}
