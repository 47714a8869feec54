/**
 * Large arguments by reference. A numeric vector or matrix with many numbers
 * does not travel to the child as JSON text on the call's line: the trusted
 * side writes its float64 values to a read-only file in the staging folder
 * and sends `{ $tensor: path, shape }`; the child reads the file and rebuilds
 * the same `number[]` or `number[][]` (every float64, NaN and ±Infinity
 * included, arrives exactly). A typed array (`Float32Array`, `Int32Array`, …,
 * the data of a `{ shape, data }` tensor) always travels this way and arrives
 * as the same typed array. The file is removed once the call has answered.
 *
 * @module
 */
import { join } from "node:path";

/** The stand-in for a large numeric argument. */
export interface TensorRef {
  /** Absolute path of the little-endian data (float64 unless `dtype` says otherwise). */
  $tensor: string;
  /** `[N]` for a vector, `[N, D]` for a matrix. */
  shape: number[];
  /** Set for a typed array, which arrives as the same typed array: `{ shape, data }` tensors. */
  dtype?: TypedName;
}

/** The typed arrays that travel as themselves. */
type TypedName = "float32" | "float64" | "int32" | "uint8";

function typedName(v: ArrayBufferView): TypedName | null {
  return v instanceof Float32Array
    ? "float32"
    : v instanceof Float64Array
    ? "float64"
    : v instanceof Int32Array
    ? "int32"
    : v instanceof Uint8Array
    ? "uint8"
    : null;
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
    if (ArrayBuffer.isView(v)) {
      // A typed array (a tensor's data) always travels by reference: JSON would turn it into a record.
      const dtype = typedName(v);
      if (!dtype) throw new TypeError(`a ${v.constructor.name} cannot be sent to the child`);
      const path = join(dir, `${prefix}-${files.length}.${dtype}`);
      files.push(path);
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice();
      writes.push(() => Deno.writeFile(path, bytes, { mode: 0o444 }));
      const n = v.byteLength / (v as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
      return { $tensor: path, shape: [n], dtype } satisfies TensorRef;
    }
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
