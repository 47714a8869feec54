// Every input check a stub documents (@throws) is posed by the hidden tests on every attempt.
// For each check whose case was missing, or was one of several bad inputs a case drew at random,
// the reference solution without just that check (a text edit) must lose points on each of 40
// attempts, and only on the cases that pose that input.
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { allExercises } from "../course/manifest.ts";
import type { ResolvedExercise } from "../course/types.ts";
import { hiddenCases } from "../grader/course_data.ts";
import { drawArgs, gradeExercise } from "../grader/exercise.ts";
import type { ExerciseResult } from "../grader/record.ts";
import { caseSeed } from "../grader/seed.ts";
import { directCaller, ROOT } from "./_helpers.ts";

/** Attempts per variant, as in the grader's sweeps: each attempt draws new inputs. */
const SWEEP = 40;

// deno-lint-ignore no-explicit-any
type Fn = (...args: any[]) => unknown;

/**
 * The ids of the cases `fn` fails on one attempt's inputs. A training exercise runs only the
 * cases in `posing` (whether each was passed is read from its outcome: with no case of valid
 * input passed, the grader voids passed rejections).
 */
async function failedCases(
  ex: ResolvedExercise,
  fn: Fn,
  attempt: string,
  posing: string[],
): Promise<string[]> {
  let only: ((args: unknown[]) => boolean) | undefined;
  if (ex.name.startsWith("train_")) {
    const drawn = (await hiddenCases(ex)).filter((c) => posing.includes(c.id))
      .map((c) => drawArgs(c, caseSeed(null, undefined, ex.name, c.id, attempt)));
    only = (args) => drawn.some((d) => isDeepStrictEqual(d, args));
  }
  const er: ExerciseResult = { name: ex.name, lesson: ex.lesson.dir, score: 0, max: 0, cases: [] };
  await gradeExercise(directCaller(fn, only), ex, "", er, [], { repoRoot: ROOT, attempt });
  return only
    ? er.cases.filter((c) => posing.includes(c.id) && c.outcome !== "passed").map((c) => c.id)
    : er.cases.filter((c) => c.status !== "passed").map((c) => c.id);
}

/** A dependency's source, to paste in place of its import: no type imports, no exports. */
function inlined(source: string, edits: Array<[string, string]> = []): string {
  return edit(source, edits).split("\n").filter((l) => !l.startsWith("import type ")).join("\n")
    .replace(/^export /gm, "");
}

/** `source` with each `[from, to]` applied once; `from` must occur exactly once. */
function edit(source: string, edits: Array<[string, string]>): string {
  let out = source;
  for (const [from, to] of edits) {
    assert.equal(out.split(from).length - 1, 1, `the source should contain once: ${from}`);
    out = out.replace(from, () => to);
  }
  return out;
}

const solution = (rel: string) => Deno.readTextFileSync(join(ROOT, "solutions", rel));

/** rnnStep without its shape check, so that only the caller's checks remain. */
const UNCHECKED_RNN_STEP =
  `const rnnStep = (h: Vector, x: Vector, Wh: Matrix, Wx: Matrix, b: Vector): Vector =>
  Wh.map((row, i) =>
    Math.tanh(row.reduce((s, w, j) => s + w * h[j], b[i]) + Wx[i].reduce((s, w, k) => s + w * x[k], 0))
  );`;
const RNN_STEP_IMPORT = `import { rnnStep } from "./rnn_step.ts";`;

/** rnnForward with one of its checks edited, and rnnStep's check gone: for rnnGradient. */
const forwardWithout = (from: string, to: string): Array<[string, string]> => [[
  `import { rnnForward } from "./rnn_forward.ts";`,
  inlined(solution("05_recurrent_networks/rnn_forward.ts"), [
    [RNN_STEP_IMPORT, UNCHECKED_RNN_STEP],
    [from, to],
  ]),
]];

/** The Wo check of transformerBlock, and its helpers' checks as the reference writes them. */
const LAYER_NORM_CHECK =
  "x.length === 0 || d === 0 || beta.length !== d || x.some((row) => row.length !== d)";
const MLP_CHECK = `x.length === 0 || d === 0 || x.some((row) => row.length !== d) ||
    W1.some((row) => row.length !== h) || W2.length !== h || W2.some((row) => row.length !== dOut)`;
const UNCHECKED_LAYER_NORM: [string, string] = [
  `import { layerNorm } from "./layer_norm.ts";`,
  inlined(solution("07_transformer_block/layer_norm.ts"), [[LAYER_NORM_CHECK, "false"]]),
];

/** One input check removed from one exercise's reference, and the hidden cases that pose it. */
interface Removed {
  exercise: string;
  /** What is left out, for the step's name. */
  what: string;
  /** Text edits of the reference solution that leave the check out (and nothing else). */
  edits: Array<[string, string]>;
  /** The ids of the hidden cases that pose the bad input. */
  posing: string[];
}

const REMOVED: Removed[] = [
  // 01 normal equations: neither condition of "X and y have different lengths or are empty" had
  // a case.
  {
    exercise: "normal_equations",
    // mathjs's multiply rejects a y of another length with a RangeError of its own: by hand, as a
    // learner may write X̃ᵀy, nothing does.
    what: "the equal-lengths check (X̃ᵀy by hand)",
    edits: [
      ["X.length !== y.length || y.length === 0", "y.length === 0"],
      [
        "const c = multiply(XtT, y) as number[];",
        "const c = (XtT as number[][]).map((row) => row.reduce((s, v, i) => s + v * y[i], 0));",
      ],
    ],
    posing: ["throws-a-rangeerror-when-x-and-y-differ-in-length"],
  },
  {
    exercise: "normal_equations",
    what: "the no-samples check",
    edits: [["X.length !== y.length || y.length === 0", "X.length !== y.length"]],
    posing: ["throws-a-rangeerror-for-empty-x-and-y"],
  },
  {
    exercise: "r_squared",
    what: "the empty check",
    edits: [["yHat.length !== y.length || y.length === 0", "yHat.length !== y.length"]],
    posing: ["throws-a-rangeerror-for-empty-vectors"],
  },
  // 02: every array that must share θ's length.
  {
    exercise: "adam",
    what: "the v length check",
    edits: [[" || state.v.length !== p", ""]],
    posing: ["throws-a-rangeerror-when-v-has-the-wrong-length"],
  },
  {
    exercise: "adam",
    what: "the gradient length check",
    edits: [["grad.length !== p || ", ""]],
    posing: ["throws-a-rangeerror-when-the-gradient-has-the-wrong-length"],
  },
  {
    exercise: "adam",
    what: "the θ length check (g, m and v compared with each other only)",
    edits: [[
      "grad.length !== p || state.m.length !== p || state.v.length !== p",
      "grad.length !== state.m.length || state.m.length !== state.v.length",
    ]],
    posing: ["throws-a-rangeerror-when-theta-has-the-wrong-length"],
  },
  {
    exercise: "momentum",
    what: "the gradient length check",
    edits: [["grad.length !== theta.length || ", ""]],
    posing: ["throws-a-rangeerror-when-the-gradient-has-the-wrong-length"],
  },
  {
    exercise: "momentum",
    what: "the θ length check (g and the velocity compared with each other only)",
    edits: [[
      "grad.length !== theta.length || velocity.length !== theta.length",
      "grad.length !== velocity.length",
    ]],
    posing: ["throws-a-rangeerror-when-theta-has-the-wrong-length"],
  },
  {
    exercise: "rmsprop",
    what: "the gradient length check",
    edits: [["grad.length !== theta.length || ", ""]],
    posing: ["throws-when-the-gradient-has-the-wrong-length"],
  },
  {
    exercise: "rmsprop",
    what: "the θ length check (g and v compared with each other only)",
    edits: [[
      "grad.length !== theta.length || v.length !== theta.length",
      "grad.length !== v.length",
    ]],
    posing: ["throws-when-theta-has-the-wrong-length"],
  },
  {
    exercise: "mse_gradient",
    what: "the no-rows check",
    edits: [["n === 0 || y.length !== n", "y.length !== n"]],
    posing: ["throws-a-rangeerror-for-an-x-without-rows"],
  },
  {
    exercise: "tf_gradient",
    what: "the no-rows check",
    edits: [["if (n === 0) {", "if (n < 0) {"]],
    posing: ["throws-a-rangeerror-for-an-x-without-rows"],
  },
  {
    exercise: "tf_gradient",
    what: "the check of the rows against w (rows compared with each other only)",
    edits: [[
      "X.findIndex((row) => row.length !== d)",
      "X.findIndex((row) => row.length !== X[0].length)",
    ]],
    posing: ["throws-a-rangeerror-when-the-rows-are-longer-than-w"],
  },
  {
    exercise: "tf_gradient",
    // tf.tensor2d(X, [n, d]) happens to throw a RangeError for ragged rows; built from the flat
    // values, as a learner may build it, the tensor throws an Error.
    what: "the check of the rows after the first (the tensor built from X.flat())",
    edits: [
      [
        "X.findIndex((row) => row.length !== d)",
        "X.findIndex((row, i) => i === 0 && row.length !== d)",
      ],
      ["tf.tensor2d(X, [n, d])", "tf.tensor2d(X.flat(), [n, d])"],
    ],
    posing: ["throws-a-rangeerror-when-a-later-row-is-not-as-long-as-w"],
  },
  {
    exercise: "minibatch_gd",
    what: "the integer batchSize check",
    edits: [["!Number.isInteger(batchSize) || batchSize < 1", "batchSize < 1"]],
    posing: ["throws-a-rangeerror-for-a-fractional-batchsize"],
  },
  // 03: accuracy drew one of two bad lengths and one of two bad thresholds at random.
  {
    exercise: "accuracy",
    what: "the equal-lengths check",
    edits: [["p.length !== y.length || p.length === 0", "p.length === 0"]],
    posing: ["throws-a-rangeerror-when-the-lengths-differ"],
  },
  {
    exercise: "accuracy",
    what: "the empty check",
    edits: [["p.length !== y.length || p.length === 0", "p.length !== y.length"]],
    posing: ["throws-a-rangeerror-for-empty-vectors"],
  },
  {
    exercise: "accuracy",
    what: "the threshold ≥ 0 check",
    edits: [["!(threshold >= 0 && threshold <= 1)", "!(threshold <= 1)"]],
    posing: ["throws-a-rangeerror-for-a-threshold-below-0"],
  },
  {
    exercise: "accuracy",
    what: "the threshold ≤ 1 check",
    edits: [["!(threshold >= 0 && threshold <= 1)", "!(threshold >= 0)"]],
    posing: ["throws-a-rangeerror-for-a-threshold-above-1"],
  },
  {
    exercise: "accuracy",
    what: "the NaN threshold check",
    edits: [["!(threshold >= 0 && threshold <= 1)", "threshold < 0 || threshold > 1"]],
    posing: ["throws-a-rangeerror-for-a-nan-threshold"],
  },
  {
    exercise: "logistic_gradient",
    what: "the check of w against the rows (rows compared with each other only)",
    edits: [[
      "X.some((row) => row.length !== w.length)",
      "X.some((row) => row.length !== X[0].length)",
    ]],
    posing: ["throws-a-rangeerror-when-w-does-not-match-the-rows"],
  },
  {
    exercise: "logistic_gradient",
    what: "the no-rows check",
    edits: [["n === 0 || y.length !== n", "y.length !== n"]],
    posing: ["throws-a-rangeerror-for-an-x-without-rows"],
  },
  {
    exercise: "logistic_gradient",
    what: "the check of the rows after the first",
    edits: [["X.some((row) => row.length !== w.length)", "X[0].length !== w.length"]],
    posing: ["throws-a-rangeerror-when-a-later-row-does-not-match-w"],
  },
  {
    // The reference rejects no samples through bceWithLogits and logisticGradient: both without
    // that check, the lengths still checked.
    exercise: "train_logistic",
    what: "the no-samples check (in bceWithLogits and logisticGradient)",
    edits: [
      [
        `import { bceWithLogits } from "./bce_with_logits.ts";`,
        inlined(solution("03_logistic_regression/bce_with_logits.ts"), [[
          "z.length !== y.length || z.length === 0",
          "z.length !== y.length",
        ]]),
      ],
      [
        `import { logisticGradient } from "./logistic_gradient.ts";`,
        inlined(solution("03_logistic_regression/logistic_gradient.ts"), [[
          "n === 0 || y.length !== n",
          "y.length !== n",
        ]]),
      ],
    ],
    posing: ["throws-a-rangeerror-for-empty-x-and-y"],
  },
  // 04: the second axis, and sizes that are not integers.
  ...["max_pool", "avg_pool"].flatMap((exercise): Removed[] => [
    {
      exercise,
      what: "the valid-padding size check across",
      edits: [[
        "const cols = _axis(w, poolSize[1], strides[1], padding);",
        `const cols = padding === "valid" && poolSize[1] > w
    ? { out: Math.floor((w - poolSize[1]) / strides[1]) + 1, padBefore: 0 }
    : _axis(w, poolSize[1], strides[1], padding);`,
      ]],
      posing: ["throws-when-window-exceeds-image-width-under-valid"],
    },
    {
      exercise,
      what: "the integer window check",
      edits: [["!Number.isInteger(v) || v < 1", "(v === s && !Number.isInteger(v)) || v < 1"]],
      posing: ["throws-for-a-fractional-window"],
    },
    {
      exercise,
      what: "the integer stride check",
      edits: [["!Number.isInteger(v) || v < 1", "(v === k && !Number.isInteger(v)) || v < 1"]],
      posing: ["throws-for-a-fractional-stride"],
    },
  ]),
  {
    exercise: "conv2d",
    what: "the valid-padding size check across",
    edits: [[
      "const cols = _axis(wd, kw, strides[1], padding);",
      `const cols = padding === "valid" && kw > wd
    ? { out: Math.floor((wd - kw) / strides[1]) + 1, padBefore: 0 }
    : _axis(wd, kw, strides[1], padding);`,
    ]],
    posing: ["throws-when-filter-exceeds-image-width-under-valid"],
  },
  {
    exercise: "conv2d",
    what: "the integer stride check",
    edits: [["!Number.isInteger(s) || s < 1", "s < 1"]],
    posing: ["throws-for-a-fractional-stride"],
  },
  ...([["width", 2], ["channels", 3], ["batch", 0]] as const).map(([dim, k]): Removed => ({
    exercise: "conv2d_filter_grad",
    what: `the check of dy's ${dim}`,
    edits: [[
      "got.some((d, k) => d !== want[k])",
      `got.some((d, k) => k !== ${k} && d !== want[k])`,
    ]],
    posing: [`throws-when-dy-has-the-wrong-${dim}`],
  })),
  {
    exercise: "conv2d_filter_grad",
    what: "the integer stride check",
    edits: [["!Number.isInteger(s) || s < 1", "s < 1"]],
    posing: ["throws-for-a-fractional-stride"],
  },
  ...(["inSize", "kernel"] as const).map((name): Removed => ({
    exercise: "conv_output_size",
    what: `the ${name} ≥ 1 check`,
    edits: [[
      "!Number.isInteger(v) || v < 1",
      `!Number.isInteger(v) || (name !== "${name}" && v < 1)`,
    ]],
    posing: [name === "inSize" ? "throws-for-input-size-0" : "throws-for-kernel-0"],
  })),
  ...(["inSize", "kernel", "stride"] as const).map((name): Removed => ({
    exercise: "conv_output_size",
    what: `the integer ${name} check`,
    edits: [[
      "!Number.isInteger(v) || v < 1",
      `(name !== "${name}" && !Number.isInteger(v)) || v < 1`,
    ]],
    posing: [`throws-for-a-fractional-${name === "inSize" ? "input-size" : name}`],
  })),
  {
    exercise: "train_cnn",
    what: "the check of the test images",
    edits: [[" || !Number.isInteger(m)", ""]],
    posing: ["rejects-a-partial-test-image"],
  },
  // 05: rnnStep drew a bad W_h or a bad b at random; W_h's and W_x's rows had no case.
  {
    exercise: "rnn_step",
    what: "the check of W_h's rows",
    edits: [["Wh.length !== H || Wh.some", "Wh.some"]],
    posing: ["throws-when-wh-does-not-have-h-rows"],
  },
  {
    exercise: "rnn_step",
    what: "the check of W_h's columns",
    edits: [["Wh.length !== H || Wh.some((row) => row.length !== H) ||", "Wh.length !== H ||"]],
    posing: ["throws-when-a-row-of-wh-is-not-h-long"],
  },
  {
    exercise: "rnn_step",
    what: "the check of b",
    edits: [[" || b.length !== H\n", "\n"]],
    posing: ["throws-when-b-is-not-h-long"],
  },
  {
    exercise: "rnn_step",
    what: "the check of W_x's rows",
    edits: [["Wx.length !== H || ", ""]],
    posing: ["throws-when-wx-does-not-have-h-rows"],
  },
  // rnnForward: its own checks matter when there is no step (each step's rnnStep checks too).
  ...([
    ["W_h's rows", "Wh.length !== H || Wh.some", "Wh.some", "wh-does-not-have-h-rows"],
    [
      "W_h's columns",
      "Wh.length !== H || Wh.some((row) => row.length !== H) ||",
      "Wh.length !== H ||",
      "a-row-of-wh-is-not-h-long",
    ],
    ["b", "|| b.length !== H ||", "||", "b-is-not-h-long"],
    ["W_x's rows", "Wx.length !== H || ", "", "wx-does-not-have-h-rows"],
  ] as const).flatMap(([part, from, to, id]): Removed[] => [
    {
      exercise: "rnn_forward",
      what: `the check of ${part} (for T = 0)`,
      edits: [[from, to]],
      posing: [`throws-for-no-steps-when-${id}`],
    },
    {
      exercise: "rnn_gradient",
      what: `the check of ${part} (in rnnForward and rnnStep)`,
      edits: forwardWithout(from, to),
      posing: [`throws-when-${id}`],
    },
  ]),
  {
    // The bad row was sometimes the first: a check of xs[0] alone (and a step without checks).
    exercise: "rnn_forward",
    what: "the check of the rows of xs after the first",
    edits: [
      [RNN_STEP_IMPORT, UNCHECKED_RNN_STEP],
      ["xs.some((x) => x.length !== D)", "(xs.length > 0 && xs[0].length !== D)"],
    ],
    posing: ["throws-when-a-row-of-xs-does-not-fit"],
  },
  {
    exercise: "gradient_norms",
    what: "the check of the states",
    edits: [[" || hs.some((h) => h.length !== H)", ""]],
    posing: ["throws-when-a-state-is-not-h-long"],
  },
  {
    exercise: "gradient_norms",
    what: "the square W_h check",
    edits: [["Wh.some((row) => row.length !== H) || ", ""]],
    posing: ["throws-when-wh-is-not-square"],
  },
  // 06
  {
    exercise: "softmax",
    what: "the all −∞ check (empty rows still checked)",
    edits: [["if (max === -Infinity) {", "if (row.length === 0) {"]],
    posing: ["throws-on-a-row-of-minus-infinity"],
  },
  {
    exercise: "padding_mask",
    what: "the integer length check",
    edits: [["!Number.isInteger(n) || n < 1 || n > T", "n < 1 || n > T"]],
    posing: ["throws-on-a-fractional-length"],
  },
  {
    exercise: "padding_mask",
    what: "the integer T check",
    edits: [["!Number.isInteger(T) || T < 1", "T < 1"]],
    posing: ["throws-on-a-fractional-t"],
  },
  {
    exercise: "positional_encoding",
    what: "the T ≥ 1 check",
    edits: [["T < 1 || ", ""]],
    posing: ["throws-on-zero-length"],
  },
  {
    exercise: "positional_encoding",
    what: "the integer d check",
    edits: [["!Number.isInteger(d) || ", ""]],
    posing: ["throws-on-fractional-width"],
  },
  {
    exercise: "attention",
    what: "the check of Q's width",
    edits: [[" || q.some((row) => row.length !== dk)", ""]],
    posing: ["throws-when-q-and-k-have-different-widths"],
  },
  {
    exercise: "attention",
    what: "the check of the mask's rows",
    edits: [["mask.length !== q.length || ", ""]],
    posing: ["throws-when-the-mask-has-the-wrong-number-of-rows"],
  },
  {
    exercise: "attention",
    what: "the check of the mask's columns",
    edits: [[" || mask.some((row) => row.length !== k.length)", ""]],
    posing: ["throws-when-the-mask-rows-have-the-wrong-length"],
  },
  {
    // A check of boolean masks only: the softmax no longer rejects a row of −∞.
    exercise: "attention",
    what: "the check of a query a numeric mask hides from every key",
    edits: [
      [
        `import { softmax } from "./softmax.ts";`,
        `const softmax = (rows: Matrix): Matrix =>
  rows.map((row) => {
    const max = Math.max(...row);
    const e = row.map((x) => Math.exp(x - max));
    const sum = e.reduce((s, x) => s + x, 0);
    return e.map((x) => x / sum);
  });`,
      ],
      [
        "const scale = 1 / Math.sqrt(dk);",
        `if (mask?.some((row) => row.every((m) => m === false))) {
    throw new RangeError("Cannot attend as a query sees no key");
  }
  const scale = 1 / Math.sqrt(dk);`,
      ],
    ],
    posing: ["throws-on-a-query-masked-by-minus-infinity"],
  },
  {
    exercise: "multi_head",
    what: "the positive h check",
    edits: [["heads < 1 || ", ""]],
    posing: ["throws-when-heads-is-negative"],
  },
  {
    exercise: "multi_head",
    what: "the integer h check",
    edits: [["!Number.isInteger(heads) || ", ""]],
    posing: ["throws-when-heads-is-not-an-integer"],
  },
  ...(["wq", "wk", "wv", "wo"] as const).map((w): Removed => ({
    exercise: "multi_head",
    what: `the check of ${w}`,
    edits: [[
      "Object.entries({ wq, wk, wv, wo })",
      `Object.entries({ ${["wq", "wk", "wv", "wo"].filter((v) => v !== w).join(", ")} })`,
    ]],
    posing: [`throws-when-${w}-is-not-d-by-d`],
  })),
  // 07
  {
    exercise: "layer_norm",
    what: "the γ length check (d read from x)",
    edits: [["const d = gamma.length;", "const d = x[0]?.length ?? 0;"]],
    posing: ["throws-a-rangeerror-when-gamma-has-the-wrong-length"],
  },
  {
    exercise: "layer_norm",
    what: "the β length check",
    edits: [["beta.length !== d || ", ""]],
    posing: ["throws-a-rangeerror-when-beta-has-the-wrong-length"],
  },
  {
    exercise: "layer_norm",
    what: "the no-rows check",
    edits: [["x.length === 0 || ", ""]],
    posing: ["throws-a-rangeerror-when-x-has-no-rows"],
  },
  {
    exercise: "layer_norm",
    what: "the check of the rows after the first",
    edits: [["x.some((row) => row.length !== d)", "x[0].length !== d"]],
    posing: ["throws-a-rangeerror-when-a-row-of-x-is-not-d-long"],
  },
  {
    exercise: "layer_norm",
    what: "the no-columns check",
    edits: [["d === 0 || ", ""]],
    posing: ["throws-a-rangeerror-when-x-has-no-columns"],
  },
  {
    exercise: "mlp",
    what: "the check of W1's rows (d read from x)",
    edits: [["const d = W1.length;", "const d = x[0]?.length ?? 0;"]],
    posing: ["throws-a-rangeerror-when-w1-has-not-d-rows"],
  },
  {
    exercise: "mlp",
    what: "the check of b1 (h read from W1)",
    edits: [["const h = b1.length;", "const h = W1[0]?.length ?? 0;"]],
    posing: ["throws-a-rangeerror-when-b1-is-not-h-long"],
  },
  {
    exercise: "mlp",
    what: "the check of W2's rows",
    edits: [["W2.length !== h || ", ""]],
    posing: ["throws-a-rangeerror-when-w2-has-not-h-rows"],
  },
  {
    exercise: "mlp",
    what: "the check of b2 (d_out read from W2)",
    edits: [["const dOut = b2.length;", "const dOut = W2[0]?.length ?? 0;"]],
    posing: ["throws-a-rangeerror-when-b2-is-not-d-out-long"],
  },
  {
    exercise: "mlp",
    what: "the empty x check",
    edits: [["x.length === 0 || ", ""]],
    posing: ["throws-a-rangeerror-when-x-is-empty"],
  },
  {
    exercise: "mlp",
    what: "the check of the rows of x after the first",
    edits: [["x.some((row) => row.length !== d)", "x[0].length !== d"]],
    posing: ["throws-a-rangeerror-when-a-row-of-x-is-not-d-long"],
  },
  ...([
    [
      "Wq and Wk of one width",
      "!rowsOk(Wk, d, dK)",
      "Wk.length !== d",
      "wq-and-wk-have-different-widths",
    ],
    [
      "Wq's rows",
      "!rowsOk(Wq, d, dK)",
      "!Wq.every((row) => row.length === dK)",
      "wq-has-not-d-rows",
    ],
    [
      "Wk's rows",
      "!rowsOk(Wk, d, dK)",
      "!Wk.every((row) => row.length === dK)",
      "wk-has-not-d-rows",
    ],
    [
      "Wv's rows",
      "!rowsOk(Wv, d, dV)",
      "!Wv.every((row) => row.length === dV)",
      "wv-has-not-d-rows",
    ],
    ["Wo's columns", "!rowsOk(Wo, dV, d)", "Wo.length !== dV", "wo-has-not-d-columns"],
    [
      "Wo's rows",
      "!rowsOk(Wo, dV, d)",
      "!Wo.every((row) => row.length === d)",
      "wo-has-not-dv-rows",
    ],
  ] as const).map(([part, from, to, id]): Removed => ({
    exercise: "transformer_block",
    what: `the check of ${part}`,
    edits: [[from, to]],
    posing: [`throws-a-rangeerror-when-${id}`],
  })),
  {
    exercise: "transformer_block",
    what: "layerNorm's checks",
    edits: [UNCHECKED_LAYER_NORM],
    posing: ["throws-a-rangeerror-when-layer-norm-rejects-gamma2"],
  },
  {
    exercise: "transformer_block",
    what: "mlp's checks",
    edits: [[
      `import { mlp } from "./mlp.ts";`,
      inlined(solution("07_transformer_block/mlp.ts"), [[MLP_CHECK, "false"]]),
    ]],
    posing: ["throws-a-rangeerror-when-the-mlp-rejects-w1"],
  },
  {
    // d read from the weights, so that no check of x's width notices no rows (nor layerNorm).
    exercise: "transformer_block",
    what: "the empty x check",
    edits: [
      ["const d = x[0]?.length ?? 0;", "const d = Wq.length;"],
      ["x.length === 0 || ", ""],
      [
        `import { layerNorm } from "./layer_norm.ts";`,
        inlined(solution("07_transformer_block/layer_norm.ts"), [["x.length === 0 || ", ""]]),
      ],
    ],
    posing: ["throws-a-rangeerror-when-x-is-empty"],
  },
  // sample_next: each bad logit and option (the first cases of this kind drew one at random).
  ...([
    ["the NaN check", "Number.isNaN(l) || l === Infinity", "l === Infinity", ["a-nan-logit"]],
    ["the +∞ check", "Number.isNaN(l) || l === Infinity", "Number.isNaN(l)", ["an-infinite-logit"]],
    [
      "the empty check",
      "if (v === 0 || logits[best] === -Infinity)",
      "if (logits[best] === -Infinity)",
      ["empty-logits"],
    ],
    ["the all −∞ check", "if (v === 0 || logits[best] === -Infinity)", "if (v === 0)", [
      "every-logit-masked",
    ]],
    ["the negative temperature check", "!(t >= 0 && t < Infinity)", "!(t < Infinity)", [
      "a-negative-temperature",
    ]],
    ["the finite temperature check", "!(t >= 0 && t < Infinity)", "t < 0", [
      "an-infinite-temperature",
      "a-nan-temperature",
    ]],
    ["the integer topK check", "!Number.isInteger(k) || k < 0", "k < 0", ["a-fractional-topk"]],
    ["the negative topK check", "!Number.isInteger(k) || k < 0", "!Number.isInteger(k)", [
      "a-negative-topk",
    ]],
    ["the u < 1 check", "!(u >= 0 && u < 1)", "!(u >= 0)", [
      "u-of-one",
      "u-of-one-at-temperature-zero",
    ]],
    ["the u ≥ 0 check", "!(u >= 0 && u < 1)", "!(u < 1)", ["a-negative-u"]],
    ["the NaN u check", "!(u >= 0 && u < 1)", "u < 0 || u >= 1", ["a-nan-u"]],
  ] as const).map(([what, from, to, ids]): Removed => ({
    exercise: "sample_next",
    what,
    edits: [[from, to]],
    posing: ids.map((id) => `throws-a-rangeerror-for-${id}`),
  })),
  {
    // Greedy decoding returned before u is checked.
    exercise: "sample_next",
    what: "the u check at temperature 0",
    edits: [[
      "  if (!(u >= 0 && u < 1)) {",
      `  if (t === 0 && logits.some((l) => l > -Infinity)) return logits.indexOf(Math.max(...logits));
  if (!(u >= 0 && u < 1)) {`,
    ]],
    posing: ["throws-a-rangeerror-for-u-of-one-at-temperature-zero"],
  },
  // train_char_model: an id below 0, an empty corpus, and each size or count of opts.
  {
    exercise: "train_char_model",
    what: "the id ≥ 0 check",
    edits: [["!(id >= 0 && id < V)", "!(id < V)"]],
    posing: ["rejects-a-negative-id"],
  },
  ...([
    ["count", "rejects-an-empty-corpus"],
    ["d", "rejects-a-fractional-width"],
    ["hidden", "rejects-a-hidden-width-of-0"],
    ["steps", "rejects-a-fractional-step-count"],
    ["batchSize", "rejects-a-batch-size-of-0"],
  ] as const).map(([name, id]): Removed => ({
    exercise: "train_char_model",
    what: `the check of ${name}`,
    edits: [[
      "[count, L, d, hidden, steps, batchSize]",
      `[${
        ["count", "L", "d", "hidden", "steps", "batchSize"].filter((v) => v !== name).join(", ")
      }]`,
    ]],
    posing: [id],
  })),
];

/** A relative import that is not `import type`: the variant must then sit beside the original. */
const RUNTIME_RELATIVE_IMPORT = /^import (?!type )[^;]*from "\.{1,2}\//m;

Deno.test("throws audit: the reference without any one of the checks the hidden tests used to miss loses points on every attempt", async (t) => {
  const scratch = await Deno.makeTempDir({ prefix: "tensorlings-throws-audit-" });
  try {
    for (const [i, removed] of REMOVED.entries()) {
      const ex = allExercises().find((e) => e.name === removed.exercise);
      assert.ok(ex, `no exercise ${removed.exercise}`);
      await t.step(`${ex.name} without ${removed.what}`, async () => {
        const source = edit(await Deno.readTextFile(join(ROOT, ex.solutionFile)), removed.edits);
        // Relative imports must resolve as they do from the original.
        const file = RUNTIME_RELATIVE_IMPORT.test(source)
          ? join(ROOT, "solutions", ex.lesson.dir, `_audit_${ex.name}_${i}.ts`)
          : join(scratch, `${ex.name}_${i}.ts`);
        await Deno.writeTextFile(file, source);
        try {
          const fn = (await import(pathToFileURL(file).href))[ex.entry] as Fn;
          const escaped: string[] = [];
          const others = new Set<string>();
          for (let a = 0; a < SWEEP; a++) {
            const failed = await failedCases(ex, fn, `sweep-${a}`, removed.posing);
            if (failed.length === 0) escaped.push(`sweep-${a}`);
            for (const id of failed) if (!removed.posing.includes(id)) others.add(id);
          }
          assert.deepEqual(escaped, [], `it scores full marks on these attempts`);
          // The variant differs from the reference only where that check would have thrown.
          assert.deepEqual([...others], [], "it also fails cases that do not pose the bad input");
          const ids = new Set((await hiddenCases(ex)).map((c) => c.id));
          for (const id of removed.posing) assert.ok(ids.has(id), `${ex.name} has no case ${id}`);
        } finally {
          if (file.startsWith(join(ROOT, "solutions"))) await Deno.remove(file);
        }
      });
    }
  } finally {
    await Deno.remove(scratch, { recursive: true });
  }
});
