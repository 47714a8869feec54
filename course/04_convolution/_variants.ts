/**
 * Variant helpers shared by the exercises of lesson 04 (grader only: never in
 * the kit): one from-scratch convolution, pooling and filter gradient with
 * knobs that turn each into the known-wrong versions.
 *
 * @module
 */

export type T4 = number[][][][];
export type Padding = "valid" | "same";

/** How an axis is padded: tfjs's way, or one of the wrong ways learners write. */
export type PadRule =
  | "tf" // padTotal = max((out − 1)·s + K − H, 0), the extra zero after
  | "extra_before" // the extra zero before (top/left)
  | "symmetric" // floor(K/2) zeros on both sides, whatever K and s
  | "k_minus_1" // padTotal = K − 1, right only for stride 1
  | "ignore_stride"; // "same" means the output has H rows, whatever s

export interface Axis {
  out: number;
  padBefore: number;
  padAfter: number;
}

/** One axis's output length and padding under a rule (no argument checks). */
export function axis(
  h: number,
  k: number,
  s: number,
  padding: Padding,
  rule: PadRule = "tf",
): Axis {
  if (padding === "valid") return { out: Math.floor((h - k) / s) + 1, padBefore: 0, padAfter: 0 };
  if (rule === "symmetric") {
    const p = Math.floor(k / 2);
    return { out: Math.floor((h + 2 * p - k) / s) + 1, padBefore: p, padAfter: p };
  }
  const out = rule === "ignore_stride" ? h : Math.ceil(h / s);
  const total = rule === "k_minus_1" ? k - 1 : Math.max((out - 1) * s + k - h, 0);
  const before = rule === "extra_before" ? Math.ceil(total / 2) : Math.floor(total / 2);
  return { out, padBefore: before, padAfter: total - before };
}

export const dims = (x: T4): number[] => [x.length, x[0].length, x[0][0].length, x[0][0][0].length];

/** x[n][i][j][c], or 0 outside the input (the zero padding). */
const at = (x: T4, n: number, i: number, j: number, c: number): number =>
  i >= 0 && i < x[0].length && j >= 0 && j < x[0][0].length ? x[n][i][j][c] : 0;

/** x in NHWC, from x read as NCHW (the layout mix-up), so one code path serves both. */
const nchwAsNhwc = (x: T4): T4 => {
  const [n, c, h, w] = dims(x);
  return Array.from(
    { length: n },
    (_, a) =>
      Array.from(
        { length: h },
        (_, i) =>
          Array.from({ length: w }, (_, j) => Array.from({ length: c }, (_, k) => x[a][k][i][j])),
      ),
  );
};

/** The inverse layout change: NHWC → NCHW. */
const nhwcAsNchw = (y: T4): T4 => {
  const [n, h, w, c] = dims(y);
  return Array.from(
    { length: n },
    (_, a) =>
      Array.from(
        { length: c },
        (_, k) =>
          Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => y[a][i][j][k])),
      ),
  );
};

export interface ConvKnobs {
  rule?: PadRule;
  flip?: boolean; // true convolution: the filter turned by 180°
  nchw?: boolean; // x read as [N, C, H, W], the output written the same way
  oneStride?: boolean; // strides[0] used for both axes
}

/** out[n,i,j,o] = b[o] + Σ_{p,q,c} x[n, i·sh+p−pt, j·sw+q−pl, c] · w[p,q,c,o], with knobs. */
export function conv(
  x: T4,
  w: T4,
  b: number[],
  strides: [number, number],
  padding: Padding,
  knobs: ConvKnobs = {},
): T4 {
  const { rule = "tf", flip = false, nchw = false, oneStride = false } = knobs;
  const xs = nchw ? nchwAsNhwc(x) : x;
  const [n, h, wd, cIn] = dims(xs);
  const [kh, kw, , cOut] = dims(w);
  const [sh, sw] = oneStride ? [strides[0], strides[0]] : strides;
  const rows = axis(h, kh, sh, padding, rule);
  const cols = axis(wd, kw, sw, padding, rule);
  const y = Array.from(
    { length: n },
    (_, a) =>
      Array.from(
        { length: rows.out },
        (_, i) =>
          Array.from({ length: cols.out }, (_, j) =>
            Array.from({ length: cOut }, (_, o) => {
              let s = b[o];
              for (let p = 0; p < kh; p++) {
                for (let q = 0; q < kw; q++) {
                  const wp = flip ? kh - 1 - p : p;
                  const wq = flip ? kw - 1 - q : q;
                  for (let c = 0; c < cIn; c++) {
                    s += at(xs, a, i * sh + p - rows.padBefore, j * sw + q - cols.padBefore, c) *
                      w[wp][wq][c][o];
                  }
                }
              }
              return s;
            })),
      ),
  );
  return nchw ? nhwcAsNchw(y) : y;
}

export interface PoolKnobs {
  rule?: PadRule;
  countPadding?: boolean; // average over K·K, padding included
  zeroPadding?: boolean; // max over the zeros of the padding too
  oneStride?: boolean;
}

/** Max or average pooling over each channel, with knobs. */
export function pool(
  x: T4,
  size: [number, number],
  strides: [number, number],
  padding: Padding,
  mode: "max" | "avg",
  knobs: PoolKnobs = {},
): T4 {
  const { rule = "tf", countPadding = false, zeroPadding = false, oneStride = false } = knobs;
  const [n, h, wd, ch] = dims(x);
  const [kh, kw] = size;
  const [sh, sw] = oneStride ? [strides[0], strides[0]] : strides;
  const rows = axis(h, kh, sh, padding, rule);
  const cols = axis(wd, kw, sw, padding, rule);
  return Array.from(
    { length: n },
    (_, a) =>
      Array.from(
        { length: rows.out },
        (_, i) =>
          Array.from({ length: cols.out }, (_, j) =>
            Array.from({ length: ch }, (_, c) => {
              let best = -Infinity;
              let sum = 0;
              let count = 0;
              for (let p = 0; p < kh; p++) {
                for (let q = 0; q < kw; q++) {
                  const r = i * sh + p - rows.padBefore;
                  const k = j * sw + q - cols.padBefore;
                  const inside = r >= 0 && r < h && k >= 0 && k < wd;
                  if (!inside && !(mode === "avg" ? countPadding : zeroPadding)) {
                    continue;
                  }
                  const v = inside ? x[a][r][k][c] : 0;
                  best = Math.max(best, v);
                  sum += v;
                  count++;
                }
              }
              return mode === "max" ? best : sum / count;
            })),
      ),
  );
}

export interface GradKnobs {
  rule?: PadRule;
  flip?: boolean; // the gradient of a true convolution
  mean?: boolean; // divided by the batch size
  noStride?: boolean; // windows stepped by 1 instead of s
}

/** dW[p,q,c,o] = Σ_{n,i,j} x[n, i·sh+p−pt, j·sw+q−pl, c] · dy[n,i,j,o], with knobs. */
export function filterGrad(
  x: T4,
  dy: T4,
  filterShape: [number, number, number, number],
  strides: [number, number],
  padding: Padding,
  knobs: GradKnobs = {},
): T4 {
  const { rule = "tf", flip = false, mean = false, noStride = false } = knobs;
  const [n, h, wd] = dims(x);
  const [, oh, ow] = dims(dy);
  const [kh, kw, cIn, cOut] = filterShape;
  const [sh, sw] = noStride ? [1, 1] : strides;
  const rows = axis(h, kh, strides[0], padding, rule);
  const cols = axis(wd, kw, strides[1], padding, rule);
  const g = Array.from(
    { length: kh },
    (_, p) =>
      Array.from(
        { length: kw },
        (_, q) =>
          Array.from({ length: cIn }, (_, c) =>
            Array.from({ length: cOut }, (_, o) => {
              let s = 0;
              for (let a = 0; a < n; a++) {
                for (let i = 0; i < oh; i++) {
                  for (let j = 0; j < ow; j++) {
                    s += at(x, a, i * sh + p - rows.padBefore, j * sw + q - cols.padBefore, c) *
                      dy[a][i][j][o];
                  }
                }
              }
              return mean ? s / n : s;
            })),
      ),
  );
  // A true convolution's filter gradient is this one turned by 180°.
  return flip ? g.map((_, p) => g[kh - 1 - p].map((_, q) => g[kh - 1 - p][kw - 1 - q])) : g;
}

/** A [N, H, W, C] array of small dyadic numbers (exact in float32), from a counter. */
export function ramp(shape: [number, number, number, number], step = 0.25, mod = 9): T4 {
  let k = 0;
  const [n, h, w, c] = shape;
  return Array.from(
    { length: n },
    () =>
      Array.from(
        { length: h },
        () =>
          Array.from({ length: w }, () =>
            Array.from({ length: c }, () => ((k++ * 5) % mod - (mod >> 1)) * step)),
      ),
  );
}
