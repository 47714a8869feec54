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
    [[2, 8, 9, 2], [3, 3, 2, 3], [2, 2], "valid"], // x's last row and column unread: im2col
    [[4, 28, 28, 1], [5, 5, 1, 8], [1, 1], "valid"], // the lesson's first layer
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

/** The same function of the same inputs on cpu and on wasm, element by element. */
async function sameOnBothBackends(f: () => tf.Tensor, what: string): Promise<void> {
  const on = async (backend: string) => {
    await tf.setBackend(backend);
    return tf.tidy(() => Array.from(f().dataSync()));
  };
  const before = tf.memory().numTensors;
  const cpu = await on("cpu");
  const wasm = await on("wasm");
  assert.equal(tf.memory().numTensors, before, `${what}: no tensor leaks`);
  assert.equal(wasm.length, cpu.length, what);
  for (let i = 0; i < cpu.length; i++) {
    assert.ok(
      Math.abs(wasm[i] - cpu[i]) <= 1e-4 * (1 + Math.abs(cpu[i])),
      `${what}[${i}]: ${wasm[i]} vs ${cpu[i]}`,
    );
  }
}

Deno.test("tf: products with transposed operands on wasm (the kit's wrapper) match cpu", async (t) => {
  const r = rng(7);
  const cases: Array<[number[], number[], boolean, boolean]> = [
    [[3, 5], [4, 5], false, true],
    [[5, 3], [5, 4], true, false],
    [[5, 3], [4, 5], true, true],
    [[2, 3, 5], [2, 4, 5], false, true], // batched
    [[2, 5, 3], [1, 5, 4], true, false], // batched, broadcast b
  ];
  for (const [as, bs, ta, tb] of cases) {
    await t.step(`a ${as}${ta ? "ᵀ" : ""} · b ${bs}${tb ? "ᵀ" : ""}`, async () => {
      const av = randomVector(r, as.reduce((x, y) => x * y));
      const bv = randomVector(r, bs.reduce((x, y) => x * y));
      await sameOnBothBackends(() => tf.matMul(tf.tensor(av, as), tf.tensor(bv, bs), ta, tb), "C");
      // tfjs 4.22's wasm kernel adds a bias wrongly to batched (rank-3) products, with or
      // without transposes (the kit leaves that alone; dense layers multiply rank-2 tensors).
      if (as.length > 2) return;
      const bias = randomVector(r, tb ? bs.at(-2)! : bs.at(-1)!);
      await sameOnBothBackends(
        () =>
          tf.fused.matMul({
            a: tf.tensor(av, as),
            b: tf.tensor(bv, bs),
            transposeA: ta,
            transposeB: tb,
            bias: tf.tensor1d(bias),
            activation: "relu",
          }),
        "fused C",
      );
    });
  }
  // The gradient of a product asks for both transposes.
  await sameOnBothBackends(() => {
    const a = tf.tensor(randomVector(rng(1), 12), [3, 4]);
    const b = tf.tensor(randomVector(rng(2), 20), [4, 5]);
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))))([
      a,
      b,
    ]);
    return tf.concat([da.flatten(), db.flatten()]);
  }, "dA, dB");
});

Deno.test("tf: the gradient of gather (the kit's UnsortedSegmentSum on wasm) matches cpu", async () => {
  const table = randomVector(rng(3), 6 * 4);
  const ids = [5, 0, 5, 2, 2, 2, 1];
  await sameOnBothBackends(
    () =>
      tf.grad((t: tf.Tensor) =>
        tf.sum(tf.mul(tf.gather(t, tf.tensor1d(ids, "int32")), tf.range(1, 8).reshape([7, 1])))
      )(tf.tensor2d(table, [6, 4])),
    "d table",
  );
  await sameOnBothBackends(
    () => tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4]), tf.tensor1d([3, -1, 0, 3], "int32"), 4),
    "segment sums (an id out of range dropped)",
  );
});

const kit = (name: string) =>
  (tf.getKernel(name, "wasm")?.kernelFunc as { kit?: boolean } | undefined)?.kit === true;

Deno.test("tf: the kit's Conv2DBackpropInput on wasm (a convolution of dy) matches cpu", async (t) => {
  assert.ok(kit("Conv2DBackpropInput"), "the kit's kernel is registered");
  const r = rng(11);
  const shapes: Array<[number[], number[], [number, number], "valid" | "same" | number]> = [
    [[2, 12, 12, 8], [3, 3, 8, 16], [1, 1], "valid"], // the lesson's second layer
    [[2, 7, 9, 3], [3, 3, 3, 4], [1, 1], "same"],
    [[1, 8, 6, 2], [2, 4, 2, 3], [1, 1], "same"], // even kernel: uneven padding
    [[1, 5, 5, 2], [3, 3, 2, 2], [1, 1], 1], // explicit padding
    [[1, 5, 5, 2], [2, 2, 2, 2], [1, 1], 3], // padding wider than the kernel: the backend's own
    [[2, 9, 9, 2], [3, 3, 2, 2], [2, 2], "same"], // stride 2: the backend's own
  ];
  for (const [xs, ws, strides, pad] of shapes) {
    await t.step(`x ${xs}, w ${ws}, strides ${strides}, pad ${pad}`, async () => {
      const xv = randomVector(r, xs.reduce((a, b) => a * b));
      const wv = randomVector(r, ws.reduce((a, b) => a * b));
      await sameOnBothBackends(() => {
        const w = tf.tensor4d(wv, ws as [number, number, number, number]);
        const f = (x: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, w, strides, pad)));
        return tf.grad(f)(tf.tensor4d(xv, xs as [number, number, number, number]));
      }, "dx");
    });
  }
});

Deno.test("tf: the kit's MaxPoolGrad on wasm matches cpu, ties and overlaps included", async (t) => {
  assert.ok(kit("MaxPoolGrad"), "the kit's kernel is registered");
  const r = rng(12);
  const shapes: Array<[number[], number, number, "valid" | "same"]> = [
    [[2, 24, 24, 3], 2, 2, "valid"], // the lesson's pools
    [[1, 7, 7, 2], 3, 2, "same"], // overlapping windows cut by padding
    [[1, 6, 5, 2], 3, 1, "same"],
    [[2, 5, 5, 1], 2, 2, "valid"], // the last row and column unread
  ];
  for (const [xs, size, stride, pad] of shapes) {
    for (const ties of [false, true]) {
      await t.step(
        `x ${xs}, pool ${size}, stride ${stride}, ${pad}${ties ? ", ties" : ""}`,
        async () => {
          // After a ReLU many windows hold equal zeros: the first one (row by row) gets the gradient.
          const xv = randomVector(r, xs.reduce((a, b) => a * b)).map((v) =>
            ties ? Math.max(0, v) : v
          );
          await sameOnBothBackends(() => {
            const x = tf.tensor4d(xv, xs as [number, number, number, number]);
            const out = tf.maxPool(x, size, stride, pad);
            const weights = tf.tensor(randomVector(rng(5), out.size), out.shape);
            return tf.grad((v: tf.Tensor) =>
              tf.sum(tf.mul(tf.maxPool(v as tf.Tensor4D, size, stride, pad), weights))
            )(x);
          }, "dx");
        },
      );
    }
  }
});
