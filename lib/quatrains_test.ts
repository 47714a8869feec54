import assert from "node:assert/strict";
import { END, loadQuatrains, ngramBaselines, splitPoems } from "./quatrains.ts";

Deno.test("loadQuatrains() returns four lines of five characters per poem, no duplicates", async () => {
  const poems = await loadQuatrains();
  const line = /^[\u4e00-\u9fff]{5}，[\u4e00-\u9fff]{5}。[\u4e00-\u9fff]{5}，[\u4e00-\u9fff]{5}。$/;
  assert.ok(poems.every((p) => line.test(p)), poems.find((p) => !line.test(p)));
  assert.equal(new Set(poems).size, poems.length);
  assert.equal(poems, await loadQuatrains()); // cached
});

Deno.test("splitPoems() holds out the last share, rounded up, and rejects empty parts", () => {
  const poems = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];
  assert.deepEqual(splitPoems(poems, 0.1).valid, ["j", "k"]);
  assert.equal(splitPoems(poems).train.length, 9);
  assert.throws(() => splitPoems(poems, 0), RangeError);
  assert.throws(() => splitPoems(poems, 1), RangeError);
  assert.throws(() => splitPoems(["a"], 0.5), RangeError);
});

Deno.test("ngramBaselines() counts by hand, end marks included", () => {
  // train "ab", "ba": n(a) = n(b) = 2, n(END) = 2, N = 6, V = 3 + unknown = 4.
  // valid "ab": predict a after END, b after a, END after b.
  const { unigram, bigram, predicted, vocabulary } = ngramBaselines(["ab", "ba"], ["ab"], 0.5);
  assert.equal(predicted, 3);
  assert.equal(vocabulary, 4);
  const p1 = 3 / 10;
  // n(END, a) / n(END) = 1/2, n(a, b) / n(a) = 1/2, n(b, END) / n(b) = 1/2.
  assert.ok(Math.abs(unigram + Math.log(p1)) < 1e-12);
  assert.ok(Math.abs(bigram + Math.log(0.5 * 0.5 + 0.5 * p1)) < 1e-12);
});

Deno.test("ngramBaselines() gives an unseen character the unknown symbol's finite cost", () => {
  const { unigram, bigram } = ngramBaselines(["ab", "ab"], ["az"], 0.5);
  assert.ok(Number.isFinite(unigram) && Number.isFinite(bigram));
  assert.ok(bigram > ngramBaselines(["ab", "ab"], ["ab"], 0.5).bigram);
});

Deno.test("ngramBaselines() throws a RangeError on empty sets or λ outside (0, 1)", () => {
  assert.throws(() => ngramBaselines([], ["ab"]), RangeError);
  assert.throws(() => ngramBaselines(["ab"], []), RangeError);
  assert.throws(() => ngramBaselines(["ab"], ["ab"], 1), RangeError);
  assert.throws(() => ngramBaselines(["ab"], ["ab"], 0), RangeError);
  assert.equal(END, "\n");
});
