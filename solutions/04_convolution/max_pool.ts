/** Images in NHWC order, x[n][row][column][channel]: shape [N, H, W, C]. */
export type Tensor4 = number[][][][];

/**
 * Max pooling exactly as `tf.maxPool(x, poolSize, strides, padding)` computes it:
 * the largest value of each window, channel by channel.
 *
 *   out[n,i,j,c] = max over in-bounds (p, q) of x[n, i·sh + p − padTop, j·sw + q − padLeft, c]
 *
 * Output size and padding per axis are those of convOutputSize. Under `"same"` the
 * padding is not made of zeros: positions outside the image are skipped, so a
 * window of negative numbers still returns a negative number.
 *
 * @param x Images, shape [N, H, W, C].
 * @param poolSize [KH, KW]: the window's height and width.
 * @param strides [sh, sw]: the step between windows down and across.
 * @param padding `"valid"` or `"same"`.
 * @returns The pooled maps, shape [N, OH, OW, C].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 * @throws {RangeError} When a window size or stride is not an integer ≥ 1, padding is
 *   neither `"valid"` nor `"same"`, or under `"valid"` the window is larger than the image.
 */
export function maxPool2d(
  x: Tensor4,
  poolSize: [number, number],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  const [h, w] = [x[0].length, x[0][0].length];
  const rows = _axis(h, poolSize[0], strides[0], padding);
  const cols = _axis(w, poolSize[1], strides[1], padding);
  return x.map((image) =>
    // [H, W, C] → [OH, OW, C]
    Array.from({ length: rows.out }, (_, i) =>
      Array.from({ length: cols.out }, (_, j) =>
        image[0][0].map((_, c) => {
          let best = -Infinity;
          for (let p = 0; p < poolSize[0]; p++) {
            const r = i * strides[0] + p - rows.padBefore;
            // Outside the image: skipped, not read as a zero.
            if (r < 0 || r >= h) {
              continue;
            }
            for (let q = 0; q < poolSize[1]; q++) {
              const k = j * strides[1] + q - cols.padBefore;
              if (k < 0 || k >= w) {
                continue;
              }
              best = Math.max(best, image[r][k][c]);
            }
          }
          return best;
        })))
  );
}

/** Output length and zeros before, along one axis, as tfjs computes them. */
function _axis(
  h: number,
  k: number,
  s: number,
  padding: "valid" | "same",
): { out: number; padBefore: number } {
  for (const v of [k, s]) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(
        `Cannot pool as window sizes and strides must be integers >= 1: current value is ${v}`,
      );
    }
  }
  if (padding === "valid") {
    if (k > h) {
      throw new RangeError(
        `Cannot pool as the window (${k}) is larger than the image (${h}) under "valid"`,
      );
    }
    return { out: Math.floor((h - k) / s) + 1, padBefore: 0 };
  }
  if (padding !== "same") {
    throw new RangeError(
      `Cannot pool as padding must be "valid" or "same": current value is ${
        JSON.stringify(padding)
      }`,
    );
  }
  const out = Math.ceil(h / s);
  const padTotal = Math.max((out - 1) * s + k - h, 0);
  return { out, padBefore: Math.floor(padTotal / 2) }; // the odd one goes after
}
