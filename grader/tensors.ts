/**
 * Large arguments by reference. A numeric vector or matrix with many numbers
 * does not travel to the child as JSON text on the call's line: the trusted
 * side writes its float64 values to a read-only file in the staging folder
 * and sends `{ $tensor: path, shape }`; the child reads the file and rebuilds
 * the same `number[]` or `number[][]` (every float64, NaN and ±Infinity
 * included, arrives exactly). The file is removed once the call has answered.
 *
 * @module
 */
import { join } from "node:path";

/** The stand-in for a large numeric argument. */
export interface TensorRef {
  /** Absolute path of the little-endian float64 data. */
  $tensor: string;
  /** `[N]` for a vector, `[N, D]` for a matrix. */
  shape: number[];
}

/** Arrays with at least this many numbers travel by reference (by default). */
export const TENSOR_MIN_NUMBERS = 65_536;

function numericVector(a: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== "number") return false;
  return true;
}

/** The shape of a number[] or a rectangular number[][], or null. */
function numericShape(a: unknown[]): number[] | null {
  if (a.length === 0) return null;
  if (numericVector(a)) return [a.length];
  const d = Array.isArray(a[0]) ? (a[0] as unknown[]).length : -1;
  if (d <= 0) return null;
  for (const row of a) {
    if (!Array.isArray(row) || row.length !== d || !numericVector(row)) return null;
  }
  return [a.length, d];
}

/**
 * Replaces the large numeric arrays in some arguments by references to files it writes.
 *
 * @param args The call's arguments (not modified).
 * @param dir The folder for the files (inside the staging folder).
 * @param prefix A name prefix unique to the call.
 * @param minNumbers The smallest array sent by reference.
 * @returns The arguments to send, and the files to remove after the call.
 */
export async function packTensors(
  args: unknown[],
  dir: string,
  prefix: string,
  minNumbers = TENSOR_MIN_NUMBERS,
): Promise<{ args: unknown[]; files: string[] }> {
  const files: string[] = [];
  const writes: Array<() => Promise<void>> = [];
  const pack = (v: unknown): unknown => {
    if (!Array.isArray(v)) {
      if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = pack(x);
        return out;
      }
      return v;
    }
    const shape = numericShape(v);
    const n = shape ? shape.reduce((a, b) => a * b, 1) : 0;
    if (!shape) return v.map(pack);
    if (n < minNumbers) return v; // plain numbers: sent as they are, without a copy
    const data = new Float64Array(n);
    if (shape.length === 1) data.set(v as number[]);
    else {
      // A plain loop: set() per short row costs more than the copy itself.
      const d = shape[1];
      let k = 0;
      for (const row of v as number[][]) for (let j = 0; j < d; j++) data[k++] = row[j];
    }
    const path = join(dir, `${prefix}-${files.length}.f64`);
    files.push(path);
    // Float64Array is little-endian on every platform Deno runs on.
    writes.push(() => Deno.writeFile(path, new Uint8Array(data.buffer), { mode: 0o444 }));
    return { $tensor: path, shape } satisfies TensorRef;
  };
  const packed = args.map(pack);
  if (files.length) {
    await Deno.mkdir(dir, { recursive: true });
    await Promise.all(writes.map((w) => w()));
  }
  return { args: packed, files };
}
