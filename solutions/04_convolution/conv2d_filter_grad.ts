/** Four nested arrays: images [N, H, W, C] (NHWC) or a filter [KH, KW, Cin, Cout]. */
export type Tensor4 = number[][][][];

/**
 * The gradient of a loss with respect to the filter of `tf.conv2d(x, w, strides,
 * padding)`, given the gradient dy with respect to the convolution's output.
 * Each filter tap meets, over the whole batch, exactly the inputs it multiplied:
 *
 *   dW[p,q,c,o] = Σ_{n,i,j} x[n, i·sh + p − padTop, j·sw + q − padLeft, c] · dy[n,i,j,o]
 *
 * with x read as 0 outside the image, and the output size and padding of each axis
 * those of the forward convolution (see convOutputSize). This is what tfjs calls
 * Conv2DBackpropFilter, and what `tf.grad` computes for a conv2d's filter. It is a sum
 * over the batch, not a mean (a mean belongs in the loss).
 *
 * @param x The convolution's input, shape [N, H, W, Cin].
 * @param dy ∂L/∂out, the gradient with respect to its output, shape [N, OH, OW, Cout].
 * @param filterShape [KH, KW, Cin, Cout]: the filter's shape.
 * @param strides [sh, sw]: the forward convolution's strides.
 * @param padding The forward convolution's padding, `"valid"` or `"same"`.
 * @returns dW = ∂L/∂w, shape [KH, KW, Cin, Cout].
 * @guarantee pure It returns new arrays; every argument is unchanged after the call.
 * @throws {RangeError} When filterShape's Cin differs from x's channels, dy's shape is not
 *   the convolution's output shape [N, OH, OW, Cout], a stride is not an integer ≥ 1,
 *   padding is neither `"valid"` nor `"same"`, or under `"valid"` the filter is larger
 *   than the image.
 */
export function conv2dFilterGradient(
  x: Tensor4,
  dy: Tensor4,
  filterShape: [number, number, number, number],
  strides: [number, number],
  padding: "valid" | "same",
): Tensor4 {
  const [n, h, wd, cIn] = [x.length, x[0].length, x[0][0].length, x[0][0][0].length];
  const [kh, kw, fIn, cOut] = filterShape;
  if (fIn !== cIn) {
    throw new RangeError(
      `Cannot compute the filter gradient as the filter must have ${cIn} input channels like x: it has ${fIn}`,
    );
  }
  const rows = _axis(h, kh, strides[0], padding);
  const cols = _axis(wd, kw, strides[1], padding);
  const want = [n, rows.out, cols.out, cOut];
  const got = [dy.length, dy[0]?.length, dy[0]?.[0]?.length, dy[0]?.[0]?.[0]?.length];
  if (got.some((d, k) => d !== want[k])) {
    throw new RangeError(
      `Cannot compute the filter gradient as dy must have the output's shape [${want}]: it has [${got}]`,
    );
  }
  // dW [KH, KW, Cin, Cout], accumulated tap by tap.
  const dW = Array.from(
    { length: kh },
    () =>
      Array.from({ length: kw }, () => Array.from({ length: cIn }, () => new Array(cOut).fill(0))),
  );
  for (let a = 0; a < n; a++) {
    for (let i = 0; i < rows.out; i++) {
      for (let j = 0; j < cols.out; j++) {
        const g = dy[a][i][j]; // [Cout]
        for (let p = 0; p < kh; p++) {
          const r = i * strides[0] + p - rows.padBefore;
          if (r < 0 || r >= h) continue; // a zero of the padding contributes nothing
          for (let q = 0; q < kw; q++) {
            const k = j * strides[1] + q - cols.padBefore;
            if (k < 0 || k >= wd) continue;
            for (let c = 0; c < cIn; c++) {
              const v = x[a][r][k][c];
              const tap = dW[p][q][c]; // [Cout]
              for (let o = 0; o < cOut; o++) tap[o] += v * g[o];
            }
          }
        }
      }
    }
  }
  return dW;
}

/** Output length and zeros before, along one axis, as tfjs computes them. */
function _axis(
  h: number,
  k: number,
  s: number,
  padding: "valid" | "same",
): { out: number; padBefore: number } {
  if (!Number.isInteger(s) || s < 1) {
    throw new RangeError(
      `Cannot compute the filter gradient as strides must be integers >= 1: current value is ${s}`,
    );
  }
  if (padding === "valid") {
    if (k > h) {
      throw new RangeError(
        `Cannot compute the filter gradient as the filter (${k}) is larger than the image (${h})`,
      );
    }
    return { out: Math.floor((h - k) / s) + 1, padBefore: 0 };
  }
  if (padding !== "same") {
    throw new RangeError(
      `Cannot compute the filter gradient as padding must be "valid" or "same": current value is ${
        JSON.stringify(padding)
      }`,
    );
  }
  const out = Math.ceil(h / s);
  const padTotal = Math.max((out - 1) * s + k - h, 0);
  return { out, padBefore: Math.floor(padTotal / 2) }; // the odd zero goes after
}
