import assert from "node:assert/strict";
import { ANY_KERNEL, forbiddenUsed } from "../grader/tf_record.ts";

Deno.test("forbiddenUsed: a convolution's or a pool's gradient kernels count as the op they differentiate", () => {
  const conv = ["conv2d", "fused.conv2d", "depthwiseConv2d", "separableConv2d"];
  for (
    const road of [
      "kernel:Conv2DBackpropInput",
      "kernel:Conv2DBackpropFilter",
      "conv2dTranspose",
      "kernel:Conv3DBackpropInputV2",
    ]
  ) {
    assert.deepEqual(forbiddenUsed(conv, [road]), ["conv2d"], road);
  }
  assert.deepEqual(
    forbiddenUsed(conv, ["kernel:DepthwiseConv2dNativeBackpropFilter"]),
    ["depthwiseConv2d", "separableConv2d"],
  );
  assert.deepEqual(forbiddenUsed(["maxPool", "avgPool"], ["kernel:MaxPoolGrad"]), ["maxPool"]);
  assert.deepEqual(forbiddenUsed(["maxPool", "avgPool"], ["kernel:AvgPoolGrad"]), ["avgPool"]);
});

Deno.test("forbiddenUsed: a read of the wasm function table counts as every forbidden op; honest records as none", () => {
  assert.deepEqual(forbiddenUsed(["matMul", "dot"], [ANY_KERNEL]), ["matMul", "dot"]);
  assert.deepEqual(forbiddenUsed([], [ANY_KERNEL]), []);
  // What an honest from-scratch conv2d or max pool records: elementwise kernels, pads, slices.
  const honest = [
    "tensor4d",
    "kernel:Mul",
    "kernel:Add",
    "kernel:PadV2",
    "kernel:Slice",
    "kernel:Max",
  ];
  assert.deepEqual(forbiddenUsed(["conv2d", "depthwiseConv2d", "maxPool", "avgPool"], honest), []);
});

Deno.test("forbiddenUsed: where one optimizer is forbidden, every one is; the ops in disguise count", () => {
  assert.deepEqual(forbiddenUsed(["grad", "train.sgd"], ["train.momentum"]), ["train.sgd"]);
  assert.deepEqual(forbiddenUsed(["grad", "grads"], ["train.adam"]), []);
  assert.deepEqual(forbiddenUsed(["matMul", "dot"], ["kernel:Conv2D"]), ["matMul", "dot"]);
  assert.deepEqual(forbiddenUsed(["sigmoid"], ["kernel:Tanh"]), ["sigmoid"]);
  assert.deepEqual(forbiddenUsed(["losses.meanSquaredError"], ["layers.compile"]), [
    "losses.meanSquaredError",
  ]);
  assert.deepEqual(forbiddenUsed(["topk", "argMax"], ["image.nonMaxSuppressionAsync"]), [
    "topk",
    "argMax",
  ]);
  // An honest stable sigmoid, layer norm or top-k records none of them.
  const honest = ["kernel:Exp", "kernel:Neg", "kernel:Add", "kernel:RealDiv", "kernel:Mean"];
  assert.deepEqual(
    forbiddenUsed(["sigmoid", "moments", "batchNorm", "topk", "argMax"], honest),
    [],
  );
});

Deno.test("forbiddenUsed: mathjs's product and variance count as the op; any mathjs function but plain arithmetic counts as every op", () => {
  assert.deepEqual(forbiddenUsed(["matMul", "dot"], ["mathjs.multiply"]), ["matMul", "dot"]);
  assert.deepEqual(forbiddenUsed(["moments", "batchNorm"], ["mathjs.variance"]), ["moments"]);
  assert.deepEqual(forbiddenUsed(["sigmoid"], ["mathjs.tanh"]), ["sigmoid"]);
  // The parser, its nodes (a derivative is one), chain, a typed function's implementations, a new
  // instance, the linear algebra: each computes anything unrecorded.
  for (
    const road of [
      "mathjs.evaluate",
      "mathjs.derivative",
      "mathjs.chain",
      "mathjs.OperatorNode",
      "mathjs.multiply#internals",
      "mathjs.create",
      "mathjs.kron",
      "mathjs.fft",
    ]
  ) {
    assert.deepEqual(forbiddenUsed(["grad", "train.sgd"], [road]), ["grad", "train.sgd"], road);
  }
  assert.deepEqual(forbiddenUsed([], ["mathjs.evaluate"]), []);
  assert.deepEqual(forbiddenUsed(["matMul"], ["kernel:FFT"]), ["matMul"]);
  // Plain arithmetic, reductions and elementwise functions are honest work; tanh is honest where
  // the sigmoid is not the exercise (a GELU).
  assert.deepEqual(
    forbiddenUsed(
      ["matMul", "moments", "softmax"],
      ["mathjs.mean", "mathjs.sqrt", "mathjs.exp", "mathjs.sum", "mathjs.tanh", "mathjs.max"],
    ),
    [],
  );
});
