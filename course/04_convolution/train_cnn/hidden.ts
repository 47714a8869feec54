import type { trainCnn } from "../../../exercises/04_convolution/train_cnn.ts";
import { cases } from "../../define.ts";
import { type Digits, loadDigits, PIXELS, sliceDigits } from "../../../lib/mnist.ts";

// The grader's copy of the digits (the student's child process cannot read lib/data).
const ALL = await loadDigits();
/** `count` digits from a seeded offset in [0, 8000), and the 300 after index 8,000 held out. */
const split = (start: number, count: number): Digits => sliceDigits(ALL, start, start + count);
const HELD_OUT = sliceDigits(ALL, 8000, 8300);
/** The share of `got` that equals `want`, or a sentence when `got` is not one label per image. */
function agreement(got: unknown, want: Int32Array): number | string {
  if (!Array.isArray(got) || got.length !== want.length) {
    return `expected ${want.length} labels, one per test image, got ${
      Array.isArray(got) ? got.length : typeof got
    }`;
  }
  if (!got.every((l) => Number.isInteger(l) && l >= 0 && l <= 9)) {
    return "every label must be an integer in 0…9";
  }
  return got.filter((l, i) => l === want[i]).length / want.length;
}

/** Where a slice of the digits starts in the grader's copy (its first image's index). */
function offsetOf(images: Float32Array): number {
  for (let s = 0; s < ALL.count; s++) {
    let k = 0;
    while (k < PIXELS && ALL.images[s * PIXELS + k] === images[k]) k++;
    if (k === PIXELS) return s;
  }
  return -1;
}

/** Hidden cases of `trainCnn`: properties of the trained network, not equality with a reference run. */
export default cases<typeof trainCnn>([
  {
    id: "labels-held-out-digits-as-taught",
    name:
      "trainCnn() trained 1 epoch (50 steps of 16) on 800 digits, every label k relabelled (k + s) mod 10, gives ≥ 45 % of 300 held-out digits the label it was taught (chance: 10 %)",
    points: 7.75,
    args: (r) => {
      const shift = 1 + r.int(9); // a new code per attempt: the true labels do not pass
      const d = split(r.int(7200), 800);
      const labels = d.labels.map((l) => (l + shift) % 10);
      return [{ ...d, labels }, HELD_OUT.images.slice(0, 300 * PIXELS), {
        epochs: 1,
        batchSize: 16,
        seed: r.int(1000),
      }];
    },
    check: (got, args) => {
      const shift = (args[0].labels[0] - ALL.labels[offsetOf(args[0].images)] + 10) % 10;
      const truth = HELD_OUT.labels.slice(0, 300);
      const a = agreement(got, truth.map((l) => (l + shift) % 10));
      if (typeof a === "string") return a;
      if (a >= 0.45) return null;
      const t = agreement(got, truth) as number;
      return t >= 0.5
        ? `its labels are the digits' true labels for ${
          (100 * t).toFixed(1)
        } %, but the labels it was taught for only ${
          (100 * a).toFixed(1)
        } % (at least 45 %): it must learn from the labels it is given, not know them`
        : `it gave ${
          (100 * a).toFixed(1)
        } % of the held-out digits the label it was taught (at least 45 % after 50 steps)`;
    },
  },
  {
    id: "rejects-mismatched-images",
    name:
      "trainCnn() throws a RangeError when the training images do not hold 28 × 28 values per label",
    points: 1,
    args: () => [
      { count: 3, images: new Float32Array(2 * PIXELS), labels: Int32Array.from([1, 2, 3]) },
      new Float32Array(PIXELS),
      { epochs: 1, batchSize: 3, seed: 1 },
    ],
    throws: "RangeError",
  },
  {
    id: "rejects-a-partial-test-image",
    name: "trainCnn() throws a RangeError when the test images do not hold 28 × 28 values each",
    points: 0.25,
    args: (r) => [
      { count: 3, images: new Float32Array(3 * PIXELS), labels: Int32Array.from([1, 2, 3]) },
      new Float32Array((1 + r.int(3)) * PIXELS + 1 + r.int(PIXELS - 1)),
      { epochs: 1, batchSize: 3, seed: 1 },
    ],
    throws: "RangeError",
  },
  {
    id: "leaks-no-tensors",
    name: "trainCnn() leaves no tensor alive after it returns (model, optimizer, data disposed)",
    points: 1,
    property: "no-leaks",
    args: (
      r,
    ) => [split(r.int(7000), 100), HELD_OUT.images.slice(0, 20 * PIXELS), {
      epochs: 1,
      batchSize: 50,
      seed: r.int(1000),
    }],
    check: (got) => {
      const a = agreement(got, HELD_OUT.labels.slice(0, 20));
      return typeof a === "string" ? a : null;
    },
  },
]);
