import assert from "node:assert/strict";
import { tf } from "./tf.ts";
import { randomVector, rng } from "./random.ts";

Deno.test("tf: the kit's Conv2DBackpropFilter on wasm matches the cpu backend's", async (t) => {
  assert.equal(tf.getBackend(), "wasm", "the wasm backend loads in tests");
  const r = rng(4);
  const shapes: Array<[number[], number[], [number, number], "valid" | "same"]> = [
    [[2, 7, 9, 3], [3, 3, 3, 4], [1, 1], "valid"],
    [[1, 8, 6, 2], [2, 4, 2, 3], [2, 3], "same"], // even kernel: the extra row goes to the bottom
    [[3, 5, 5, 1], [5, 5, 1, 2], [2, 2], "same"],
    [[1, 2, 3, 2], [3, 3, 2, 1], [1, 1], "same"], // input smaller than the kernel
  ];
  for (const [xs, ws, strides, pad] of shapes) {
    await t.step(`x ${xs}, w ${ws}, strides ${strides}, ${pad}`, async () => {
      const xv = randomVector(r, xs.reduce((a, b) => a * b));
      const wv = randomVector(r, ws.reduce((a, b) => a * b));
      const gradOn = async (backend: string) => {
        await tf.setBackend(backend);
        return tf.tidy(() => {
          const x = tf.tensor4d(xv, xs as [number, number, number, number]);
          const f = (w: tf.Tensor) =>
            tf.sum(tf.square(tf.conv2d(x, w as tf.Tensor4D, strides, pad)));
          return Array.from(
            tf.grad(f)(tf.tensor4d(wv, ws as [number, number, number, number])).dataSync(),
          );
        });
      };
      const before = tf.memory().numTensors;
      const cpu = await gradOn("cpu");
      const wasm = await gradOn("wasm");
      assert.equal(tf.memory().numTensors, before, "no tensor leaks");
      assert.equal(wasm.length, cpu.length);
      for (let i = 0; i < cpu.length; i++) {
        assert.ok(
          Math.abs(wasm[i] - cpu[i]) <= 1e-4 * (1 + Math.abs(cpu[i])),
          `dW[${i}]: ${wasm[i]} vs ${cpu[i]}`,
        );
      }
    });
  }
});
