// Do not edit: your work is checked against these.
import { expectClose, expectThrows, test } from "../../lib/testing.ts";
import { sampleNext } from "./sample_next.ts";

const ln = Math.log;
const opts = (temperature: number, topK: number, u: number) => ({ temperature, topK, u });

test("sampleNext() turns u into the first token whose running sum of p is > u", () => {
  // p = [0.1, 0.2, 0.5, 0.2]: the running sums are 0.1, 0.3, 0.8, 1.
  const logits = [ln(1), ln(2), ln(5), ln(2)];
  const got = [0.05, 0.2, 0.5, 0.95].map((u) => sampleNext(logits, opts(1, 0, u)));
  expectClose(got, [0, 1, 2, 3], {
    rtol: 0,
    what:
      "sampleNext([ln 1, ln 2, ln 5, ln 2], { temperature: 1, topK: 0, u }), u = 0.05, 0.2, 0.5, 0.95",
  });
});

test("sampleNext() needs the running sum strictly greater than u: u = 0.25 is past token 0", () => {
  // Four equal logits: p = 1/4 each, running sums 0.25, 0.5, 0.75, 1 (exact in float64).
  const got = [0, 0.25, 0.5, 0.75].map((u) => sampleNext([3, 3, 3, 3], opts(1, 0, u)));
  expectClose(got, [0, 1, 2, 3], {
    rtol: 0,
    what: "sampleNext([3, 3, 3, 3], { temperature: 1, topK: 0, u }) for u = 0, 0.25, 0.5, 0.75",
  });
});

test("sampleNext() divides the logits by the temperature", () => {
  // [0, ln 2] / T gives p = [1/5, 4/5] at T = 0.5, [1/3, 2/3] at T = 1, [0.414, 0.586] at T = 2.
  const got = [0.5, 1, 2].map((t) => sampleNext([0, ln(2)], opts(t, 0, 0.3)));
  expectClose(got, [1, 0, 0], {
    rtol: 0,
    what: "sampleNext([0, ln 2], { temperature: T, topK: 0, u: 0.3 }) for T = 0.5, 1, 2",
  });
});

test("sampleNext() at temperature 0 returns the largest logit, the lowest index on ties", () => {
  const got = [0, 0.5, 0.99].map((u) => sampleNext([1, 3, 0.5, 3, -2], opts(0, 0, u)));
  expectClose(got, [1, 1, 1], {
    rtol: 0,
    what: "sampleNext([1, 3, 0.5, 3, -2], { temperature: 0, topK: 0, u }) for u = 0, 0.5, 0.99",
  });
});

test("sampleNext() with top-k keeps the k largest logits and renormalises them", () => {
  // p over all four is [0.4, 0.1, 0.3, 0.2]; k = 2 keeps tokens 0 and 2: p = [4/7, 0, 3/7, 0].
  const logits = [ln(4), ln(1), ln(3), ln(2)];
  const got = [0.5, 0.6, 0.99].map((u) => sampleNext(logits, opts(1, 2, u)));
  expectClose(got, [0, 2, 2], {
    rtol: 0,
    what:
      "sampleNext([ln 4, ln 1, ln 3, ln 2], { temperature: 1, topK: 2, u }) for u = 0.5, 0.6, 0.99",
  });
  // k = 0 and k ≥ V keep every token: the running sums are 0.4, 0.5, 0.8, 1.
  const all = [0, 4, 10].map((k) => sampleNext(logits, opts(1, k, 0.45)));
  expectClose(all, [1, 1, 1], {
    rtol: 0,
    what:
      "sampleNext([ln 4, ln 1, ln 3, ln 2], { temperature: 1, topK: k, u: 0.45 }) for k = 0, 4, 10",
  });
});

test("sampleNext() with top-k keeps the lower index of a tie at the boundary: exactly k", () => {
  // k = 2 of [1, 2, 1, 1] keeps tokens 1 and 0: p = [1/(1 + e), e/(1 + e)] = [0.269, 0.731].
  const got = [0.1, 0.99].map((u) => sampleNext([1, 2, 1, 1], opts(1, 2, u)));
  expectClose(got, [0, 1], {
    rtol: 0,
    what: "sampleNext([1, 2, 1, 1], { temperature: 1, topK: 2, u }) for u = 0.1, 0.99",
  });
});

test("sampleNext() never returns a masked (−∞) token, not even for u = 0", () => {
  const logits = [-Infinity, 0, -Infinity, 0]; // p = [0, 0.5, 0, 0.5]
  const got = [0, 0.5].map((u) => sampleNext(logits, opts(1, 0, u)));
  expectClose(got, [1, 3], {
    rtol: 0,
    what: "sampleNext([-Infinity, 0, -Infinity, 0], { temperature: 1, topK: 0, u }) for u = 0, 0.5",
  });
});

test("sampleNext() stays finite for logits near ±1e4 and a temperature of 0.01", () => {
  // (ℓ − max ℓ) / T: [0, −100, −2e6] → p ≈ [1, 3.7e-44, 0].
  expectClose(sampleNext([1e4, 1e4 - 1, -1e4], opts(0.01, 0, 0.999)), 0, {
    rtol: 0,
    what: "sampleNext([1e4, 1e4 - 1, -1e4], { temperature: 0.01, topK: 0, u: 0.999 })",
  });
  // [−1e4, −1e4 + 0.02] / 0.01 differ by 2: p = [1/(1 + e²), e²/(1 + e²)] = [0.119, 0.881].
  const got = [0.1, 0.2].map((u) => sampleNext([-1e4, -1e4 + 0.02], opts(0.01, 0, u)));
  expectClose(got, [0, 1], {
    rtol: 0,
    what: "sampleNext([-1e4, -1e4 + 0.02], { temperature: 0.01, topK: 0, u }) for u = 0.1, 0.2",
  });
});

test("sampleNext() leaves logits and opts unchanged", () => {
  const logits = [2, -1, 0.5, -Infinity, 2];
  const o = opts(0.7, 3, 0.4);
  sampleNext(logits, o);
  expectClose([logits, o], [[2, -1, 0.5, -Infinity, 2], opts(0.7, 3, 0.4)], {
    rtol: 0,
    what: "logits and opts after sampleNext(logits, opts)",
  });
});

test("sampleNext() throws a RangeError for bad logits or options", () => {
  const ok = opts(1, 0, 0.5);
  expectThrows(() => sampleNext([], ok), RangeError, "sampleNext([], …)");
  expectThrows(() => sampleNext([-Infinity, -Infinity], ok), RangeError, "every logit −∞");
  expectThrows(() => sampleNext([1, NaN], ok), RangeError, "a NaN logit");
  expectThrows(() => sampleNext([1, Infinity], ok), RangeError, "a +∞ logit");
  expectThrows(() => sampleNext([1, 2], opts(-0.5, 0, 0.5)), RangeError, "temperature −0.5");
  expectThrows(() => sampleNext([1, 2], opts(NaN, 0, 0.5)), RangeError, "temperature NaN");
  expectThrows(() => sampleNext([1, 2], opts(1, 1.5, 0.5)), RangeError, "topK 1.5");
  expectThrows(() => sampleNext([1, 2], opts(1, -1, 0.5)), RangeError, "topK −1");
  expectThrows(() => sampleNext([1, 2], opts(1, 0, 1)), RangeError, "u = 1");
  expectThrows(() => sampleNext([1, 2], opts(1, 0, -0.1)), RangeError, "u = −0.1");
  expectThrows(() => sampleNext([1, 2], opts(0, 0, 1.5)), RangeError, "u = 1.5 at temperature 0");
});
