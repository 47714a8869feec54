/**
 * Stages the child's recording tfjs (`grader/child_tf.ts`) and decides, from
 * what the child recorded during a call, which of an exercise's forbidden
 * tfjs ops were used.
 *
 * @module
 */
import { join } from "node:path";

/**
 * The other names the same computation is recorded under, for each op an
 * exercise may forbid: the kernels that compute it (run by name with
 * `engine().runKernel`, through `getKernel(…).kernelFunc`, or as the wasm
 * module's own export: all record `kernel:<name>`), the fused op, and the cpu
 * backend's plain implementation (`shared.<op>Impl`). Ops that tfjs composes
 * from other ops (moments, bandPart, the losses) have no kernel of their own:
 * writing them from their parts is what the exercise asks.
 */
const CONV_GRADS = [
  "kernel:Conv2DBackpropInput",
  "kernel:Conv2DBackpropFilter",
  "conv2dTranspose",
  "kernel:Conv3DBackpropInputV2",
  "kernel:Conv3DBackpropFilterV2",
  "conv3dTranspose",
];
const DEPTHWISE_GRADS = [
  "kernel:DepthwiseConv2dNativeBackpropInput",
  "kernel:DepthwiseConv2dNativeBackpropFilter",
];
/** A product of Fourier transforms is a (circular) convolution or correlation. */
const FOURIER = ["kernel:FFT", "kernel:IFFT"];
/** Every convolution kernel, and their gradients: each is a sum of products over windows. */
const CONVOLUTIONS = [
  ...FOURIER,
  "kernel:Conv2D",
  "kernel:FusedConv2D",
  "kernel:Conv3D",
  "kernel:DepthwiseConv2dNative",
  "kernel:FusedDepthwiseConv2D",
  ...CONV_GRADS,
  ...DEPTHWISE_GRADS,
];
// A 1 × 1 convolution is a matrix product, and a cosine distance of unnormalised vectors a dot.
const MATMUL = [
  "kernel:BatchMatMul",
  "kernel:_FusedMatMul",
  "fused.matMul",
  "fusedMatMul",
  "kernel:Einsum",
  "einsum",
  ...CONVOLUTIONS,
  "losses.cosineDistance",
  "cosineDistance",
  "mathjs.multiply",
  "mathjs.dot",
];
/** A model compiled with a loss or metric by name ("meanSquaredError", "binaryCrossentropy"). */
const LAYERS_LOSS = "layers.compile";
// A Huber loss whose δ exceeds every residual is half the squared error.
const MSE = [
  "losses.meanSquaredError",
  "metrics.meanSquaredError",
  "metrics.MSE",
  "metrics.mse",
  "meanSquaredError",
  "losses.huberLoss",
  "huberLoss",
  LAYERS_LOSS,
];
const SOFTMAX = ["kernel:Softmax", "logSumExp", "softmaxCrossEntropy", "kernel:LogSoftmax"];
// log(1 + eᶻ) is logSumExp([0, z]), and −log of a two-way softmax's share.
const SOFTPLUS = ["kernel:Softplus", "softplus", "logSigmoid", ...SOFTMAX];
// Non-max suppression of boxes that never overlap returns the k largest scores, in order.
const SUPPRESSION = [
  "kernel:NonMaxSuppressionV3",
  "kernel:NonMaxSuppressionV4",
  "kernel:NonMaxSuppressionV5",
  "kernel_impls.nonMaxSuppressionV3Impl",
  "kernel_impls.nonMaxSuppressionV4Impl",
  "kernel_impls.nonMaxSuppressionV5Impl",
  "image.nonMaxSuppressionAsync",
  "image.nonMaxSuppressionWithScoreAsync",
  "image.nonMaxSuppressionPaddedAsync",
];
const EQUIVALENTS: Record<string, string[]> = {
  matMul: MATMUL,
  dot: MATMUL,
  // A convolution's gradients are convolutions too (the input's: the filter turned half a circle;
  // the filter's: x and dy with the batch and the channels swapped), and so compute one.
  conv2d: [
    "kernel:Conv2D",
    "kernel:FusedConv2D",
    "fused.conv2d",
    "fusedConv2d",
    "kernel:Conv3D",
    ...CONV_GRADS,
    ...FOURIER,
  ],
  "fused.conv2d": ["kernel:FusedConv2D", "fusedConv2d"],
  depthwiseConv2d: [
    "kernel:DepthwiseConv2dNative",
    "kernel:FusedDepthwiseConv2D",
    "fused.depthwiseConv2d",
    "fusedDepthwiseConv2d",
    ...DEPTHWISE_GRADS,
  ],
  separableConv2d: [
    "kernel:DepthwiseConv2dNative",
    "kernel:FusedDepthwiseConv2D",
    ...DEPTHWISE_GRADS,
  ],
  conv2dTranspose: ["kernel:Conv2DBackpropInput"],
  conv2DBackpropFilter: ["kernel:Conv2DBackpropFilter"],
  // A 3-D pool or convolution of depth 1 is the 2-D one; a dilation with a zero filter is max-pooling.
  // A pool's gradient marks (or spreads over) each window, which a window sum then reads.
  maxPool: [
    "kernel:MaxPool",
    "kernel:MaxPool3D",
    "maxPool3d",
    "kernel:Dilation2D",
    "kernel:MaxPoolGrad",
    "kernel:MaxPool3DGrad",
  ],
  // A convolution with a filter of ones sums each window; a resize can average 2 × 2 blocks.
  avgPool: [
    "kernel:AvgPool",
    "kernel:AvgPool3D",
    "avgPool3d",
    "kernel:AvgPoolGrad",
    "kernel:AvgPool3DGrad",
    ...CONVOLUTIONS,
    "kernel:ResizeBilinear",
  ],
  pool: ["kernel:MaxPool", "kernel:AvgPool", "kernel:MaxPool3D", "kernel:AvgPool3D"],
  maxPoolWithArgmax: ["kernel:MaxPoolWithArgmax"],
  softmax: SOFTMAX,
  logSoftmax: SOFTMAX,
  // σ(z) is a two-way softmax's first share, exp(logSigmoid z), (1 + tanh(z/2))/2, and the
  // gradient of a sigmoid cross-entropy; 1 − exp(−softplus z).
  sigmoid: [
    "kernel:Sigmoid",
    "shared.sigmoidImpl",
    "activation:sigmoid",
    "kernel:Tanh",
    "mathjs.tanh",
    "losses.sigmoidCrossEntropy",
    "sigmoidCrossEntropy",
    ...SOFTPLUS,
  ],
  softplus: SOFTPLUS,
  "losses.sigmoidCrossEntropy": ["sigmoidCrossEntropy", LAYERS_LOSS, ...SOFTPLUS],
  "metrics.binaryCrossentropy": ["binaryCrossentropy", LAYERS_LOSS],
  // Local response normalisation with the right constants divides by √(σ² + ε); σ² is the mean
  // squared error against the mean.
  moments: ["kernel:LRN", "localResponseNormalization", ...MSE, "mathjs.variance", "mathjs.std"],
  batchNorm: ["kernel:FusedBatchNorm", "kernel:LRN", "localResponseNormalization"],
  topk: ["kernel:TopK", "shared.topKImpl", ...SUPPRESSION],
  multinomial: ["kernel:Multinomial", "mathjs.pickRandom"],
  // The position of one window's maximum, or the first box non-max suppression keeps.
  argMax: [
    "kernel:ArgMax",
    "kernel:ArgMin",
    "argMin",
    "kernel:MaxPoolWithArgmax",
    "maxPoolWithArgmax",
    ...SUPPRESSION,
  ],
  "losses.meanSquaredError": MSE,
  "metrics.meanSquaredError": MSE,
};

/**
 * What the child records once a call has recorded its bound of distinct names
 * (`grader/child.ts`): a flood of made-up scope names could have pushed the
 * forbidden op out, so the rule cannot be checked.
 */
export const OPS_OVERFLOW = "ops-overflow";
/**
 * What the child records when code reads the wasm module's function table or
 * its `dynCall_*` trampolines, which call any of its functions by index, or
 * makes a second module with the backend's factory (`grader/child_tf.ts`):
 * every forbidden op counts as used.
 */
export const ANY_KERNEL = "kernel:*";
/**
 * mathjs functions a from-scratch solution may call in any exercise: arithmetic, elementwise
 * functions, reductions, comparisons and the arrays' own plumbing. A call of any other mathjs
 * function (`grader/fast_mathjs.ts` records them all) in an exercise that forbids an op counts as
 * every forbidden op: the expression parser and its nodes, `chain`, `typed`, a new instance, a
 * typed function's own implementations, and the linear algebra compute anything unrecorded. The
 * few that compute a forbidden op directly are in EQUIVALENTS (`mathjs.multiply` for `matMul`).
 */
const MATHJS_SAFE = new Set([
  ..."abs add subtract divide dotMultiply dotDivide dotPow unaryMinus unaryPlus exp expm1 log log1p"
    .split(" "),
  ..."log2 log10 sqrt cbrt square cube pow nthRoot sign round floor ceil fix mod max min sum mean"
    .split(" "),
  ..."median mode prod cumsum quantileSeq mad norm map forEach filter size zeros ones identity"
    .split(" "),
  ..."matrix range concat reshape resize squeeze flatten subset index column row clone transpose"
    .split(" "),
  ..."diag count equal deepEqual larger largerEq smaller smallerEq unequal compare isNaN isZero"
    .split(" "),
  ..."isPositive isNegative isInteger isNumeric number format typeOf sin cos tan asin acos atan"
    .split(" "),
  ..."atan2 sinh cosh tanh asinh acosh atanh hypot erf gamma factorial random randomInt sort"
    .split(" "),
]);
/** The mathjs functions EQUIVALENTS counts as a particular op. */
const MATHJS_COUNTED = new Set(["multiply", "dot", "variance", "std", "pickRandom"]);

/** Ops that compute gradients (every one goes through `engine.gradients`). */
const AUTODIFF = new Set(["grad", "grads", "valueAndGrad", "valueAndGrads", "variableGrads"]);

/**
 * The forbidden ops among those the child recorded.
 *
 * @param forbidden The exercise's forbidden ops, as the manifest names them (`losses.meanSquaredError`).
 * @param used What the child recorded: paths called through `tf`, op scope names, `gradients`,
 *   `kernel:<name>`, `train.<optimizer>`.
 * @returns The forbidden ops used, in the manifest's order.
 */
export function forbiddenUsed(forbidden: string[], used: Iterable<string>): string[] {
  const seen = new Set(used);
  const mathjsAny = [...seen].some((name) => {
    if (!name.startsWith("mathjs.")) return false;
    const fn = name.slice("mathjs.".length);
    return !MATHJS_SAFE.has(fn) && !MATHJS_COUNTED.has(fn);
  });
  if (seen.has(ANY_KERNEL) || mathjsAny) return [...forbidden];
  // Any optimizer, set up to it, takes another's step (momentum 0 is SGD; Adam with β₁ = 0 and
  // no bias correction is RMSProp): where one is forbidden, every one is.
  const optimizer = [...seen].some((name) => name.startsWith("train."));
  return forbidden.filter((op) => {
    const last = op.split(".").pop()!;
    return seen.has(op) || seen.has(last) || (op.startsWith("train.") && optimizer) ||
      (AUTODIFF.has(op) && seen.has("gradients")) ||
      (EQUIVALENTS[op] ?? []).some((name) => seen.has(name));
  });
}

const VENDOR =
  `// Written by grader/tf_record.ts: "@tensorflow/tfjs" for a student's code, recording.
import { tf } from "../lib/tf.ts";
export * from "@tensorflow/tfjs";
export const losses = tf.losses;
export const metrics = tf.metrics;
export const train = tf.train;
export const fused = tf.fused;
export const shared = tf.shared;
export const image = tf.image;
export const kernel_impls = tf.kernel_impls;
export const backend_util = tf.backend_util;
export const linalg = tf.linalg;
export const signal = tf.signal;
export const spectral = tf.spectral;
export const sparse = tf.sparse;
`;

/**
 * Writes the recording tfjs into a staging folder: over `lib/tf.ts`, and as
 * the module "@tensorflow/tfjs" resolves to for the student's files.
 *
 * @param stageDir The staging folder.
 * @param repoRoot The course repository.
 * @param pin The tfjs package as the import map pins it (`npm:@tensorflow/tfjs@…`).
 * @returns Import-map entries and scopes for the staging folder's deno.json.
 */
export async function stageTfRecorder(
  stageDir: string,
  repoRoot: string,
  pin: string,
): Promise<{ imports: Record<string, string>; scopes: Record<string, Record<string, string>> }> {
  await Deno.mkdir(join(stageDir, "lib"), { recursive: true });
  await Deno.mkdir(join(stageDir, "vendor"), { recursive: true });
  // The kit's own tfjs goes where a student's import may not reach (the scan refuses vendor/);
  // the recorder, which imports it, takes its place.
  await Deno.copyFile(join(repoRoot, "lib", "tf.ts"), join(stageDir, "vendor", "tf_base.ts"));
  const recorder = await Deno.readTextFile(join(repoRoot, "grader", "child_tf.ts"));
  const from = `import { tf as real } from "../lib/tf.ts";`;
  if (!recorder.includes(from)) throw new Error(`grader/child_tf.ts must hold: ${from}`);
  await Deno.writeTextFile(
    join(stageDir, "lib", "tf.ts"),
    recorder.replace(from, `import { tf as real } from "../vendor/tf_base.ts";`),
  );
  await Deno.writeTextFile(join(stageDir, "vendor", "tfjs.js"), VENDOR);
  return {
    // The pin stays in the map under another name, so the course's lock still matches.
    imports: { "@tensorflow/tfjs": "./vendor/tfjs.js", "tensorlings:tfjs": pin },
    scopes: {
      "./lib/": { "@tensorflow/tfjs": pin },
      "./vendor/": { "@tensorflow/tfjs": pin },
    },
  };
}
