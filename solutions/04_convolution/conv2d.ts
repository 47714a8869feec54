/** Four nested arrays: images [N, H, W, C] (NHWC) or a filter [KH, KW, Cin, Cout]. */
export type Tensor4 = number[][][][];

/**
 * A 2-D convolution exactly as `tf.conv2d(x, w, strides, padding)` computes it,
 * plus a bias: a cross-correlation (the filter is not flipped) over NHWC images.
 *
 *   out[n,i,j,o] = b[o] + Σ_{p,q,c} x[n, i·sh + p − padTop, j·sw + q − padLeft, c] · w[p,q,c,o]
 *
 * x counts as 0 outside the image. Each axis has its own output size and padding
 * (see convOutputSize): "valid" pads nothing and keeps floor((H − KH)/sh) + 1 rows;
 * "same" keeps ceil(H/sh) rows and pads padTotal = max((OH − 1)·sh + KH − H, 0)
 * zeros, padTop = floor(padTotal/2), the extra one at the bottom (likewise for columns).
 *
 * @param x Images, shape [N, H, W, Cin].
 * @param w Filter, shape [KH, KW, Cin, Cout].
 * @param b Bias, shape [Cout].
 * @param strides [sh, sw]: the step between windows down and across.
 * @param padding `"valid"` or `"same"`.
 * @returns The feature maps, shape [N, OH, OW, Cout].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 * @throws {RangeError} When w's input channels differ from x's, b does not have one
 *   value per output channel, a stride is not an integer ≥ 1, padding is neither
 *   `"valid"` nor `"same"`, or under `"valid"` the filter is larger than the image.
 */
export function conv2d(
  x: Tensor4,
  w: Tensor4,
  b: number[],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  const [n, h, wd, cIn] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const [kh, kw, wIn, cOut] = [w.length, w[0].length, w[0][0].length, w[0][0][0].length];
  if (wIn !== cIn) {
    throw new RangeError(
      `Cannot convolve as the filter must have ${cIn} input channels like x: it has ${wIn}`,
    );
  }
  if (b.length !== cOut) {
    throw new RangeError(
      `Cannot convolve as b must have one value per output channel (${cOut}): it has ${b.length}`,
    );
  }
  const rows = _axis(h, kh, strides[0], padding);
  const cols = _axis(wd, kw, strides[1], padding);
  const out: Tensor4 = []; // [N, OH, OW, Cout]
  for (let a = 0; a < n; a++) {
    const image: number[][][] = [];
    for (let i = 0; i < rows.out; i++) {
      const row: number[][] = [];
      for (let j = 0; j < cols.out; j++) {
        const px = b.slice(); // [Cout]
        for (let p = 0; p < kh; p++) {
          const r = i * strides[0] + p - rows.padBefore;
          if (r < 0 || r >= h) continue; // a zero of the padding
          for (let q = 0; q < kw; q++) {
            const k = j * strides[1] + q - cols.padBefore;
            if (k < 0 || k >= wd) continue;
            for (let c = 0; c < cIn; c++) {
              const v = x[a][r][k][c];
              const taps = w[p][q][c]; // [Cout]
              for (let o = 0; o < cOut; o++) px[o] += v * taps[o];
            }
          }
        }
        row.push(px);
      }
      image.push(row);
    }
    out.push(image);
  }
  return out;
}

/** Output length and zeros before, along one axis, as tfjs computes them. */
function _axis(
  h: number,
  k: number,
  s: number,
  padding: "valid" | "same",
): { out: number; padBefore: number } {
  if (!Number.isInteger(s) || s < 1) {
    throw new RangeError(`Cannot convolve as strides must be integers >= 1: current value is ${s}`);
  }
  if (padding === "valid") {
    if (k > h) {
      throw new RangeError(
        `Cannot convolve as the filter (${k}) is larger than the image (${h}) under "valid"`,
      );
    }
    return { out: Math.floor((h - k) / s) + 1, padBefore: 0 };
  }
  if (padding !== "same") {
    throw new RangeError(
      `Cannot convolve as padding must be "valid" or "same": current value is ${
        JSON.stringify(padding)
      }`,
    );
  }
  const out = Math.ceil(h / s);
  const padTotal = Math.max((out - 1) * s + k - h, 0);
  return { out, padBefore: Math.floor(padTotal / 2) }; // the odd zero goes after
}
