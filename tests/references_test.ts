// The trusted side's references when several submissions are graded at once in one process
// (`grade-all` runs its jobs concurrently): a reference that must run on tfjs's cpu backend does,
// whatever the other jobs do meanwhile.
import assert from "node:assert/strict";
import { tf } from "../lib/tf.ts";
import { onCpu } from "../course/04_convolution/_hidden.ts";

Deno.test("onCpu: references started together all run on cpu, and wasm comes back after", async () => {
  await tf.ready();
  const before = tf.getBackend();
  const seen: string[] = [];
  const calls: Promise<unknown>[] = [];
  // Calls started a few microtasks apart: without taking turns, one call's switch back to wasm
  // lands between another's switch to cpu and its reference (1 of these 24 ran on wasm, and the
  // process was left on cpu).
  for (let k = 0; k < 12; k++) {
    calls.push(onCpu(() => seen.push(tf.getBackend())));
    calls.push((async () => {
      for (let i = 0; i < k; i++) await Promise.resolve();
      return onCpu(() => seen.push(tf.getBackend()));
    })());
  }
  await Promise.all(calls);
  assert.equal(seen.length, 24);
  assert.deepEqual(seen.filter((b) => b !== "cpu"), [], "a reference ran off the cpu backend");
  assert.equal(tf.getBackend(), before, "the process was left on another backend");
});

Deno.test("onCpu: a reference that throws rejects its own call and lets the next one run", async () => {
  await tf.ready();
  const failing = onCpu(() => {
    throw new Error("bad reference");
  });
  const next = onCpu(() => tf.getBackend());
  await assert.rejects(failing, /bad reference/);
  assert.equal(await next, "cpu");
  assert.notEqual(tf.getBackend(), "cpu");
});
