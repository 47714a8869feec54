// Hostile archives: zip bombs and forged directories (issue 10). Each is built here with
// fflate, then forged byte by byte where a real tool would not write it.
import assert from "node:assert/strict";
import { deflateSync, strToU8, zipSync } from "fflate";
import { readZip, ZipError } from "./zip.ts";

const MiB = 1024 * 1024;
const zeros = (n: number) => new Uint8Array(n);

/** An archive whose directory lists one local record `copies` times (same name each time). */
function sameRecordMany(copies: number): Uint8Array {
  const one = zipSync({ "exercises/01_linear_regression/predict.ts": zeros(900 * 1024) });
  const v = new DataView(one.buffer);
  const eocd = one.length - 22;
  const cdStart = v.getUint32(eocd + 16, true);
  const central = one.subarray(cdStart, eocd);
  const parts = [one.subarray(0, cdStart)];
  for (let k = 0; k < copies; k++) parts.push(central);
  const end = one.slice(eocd);
  const ev = new DataView(end.buffer);
  ev.setUint16(8, copies, true);
  ev.setUint16(10, copies, true);
  ev.setUint32(12, central.length * copies, true);
  parts.push(end);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function refusedQuickly(zip: Uint8Array, message: RegExp): void {
  const t0 = performance.now();
  assert.throws(
    () => readZip(zip),
    (e: unknown) => e instanceof ZipError && message.test(e.message),
  );
  const ms = performance.now() - t0;
  assert.ok(ms < 5000, `took ${ms} ms`); // typically well under a second
}

Deno.test("readZip() reads what fflate wrote", () => {
  const zip = zipSync({ "a/b.ts": strToU8("export const x = 1;\n"), "c.json": strToU8("{}") });
  const { files } = readZip(zip);
  assert.deepEqual(files.map((f) => f.path), ["a/b.ts", "c.json"]);
  assert.equal(new TextDecoder().decode(files[0].data), "export const x = 1;\n");
});

/** A zip of raw DEFLATE streams, each entry declaring `declared` bytes (a forger's tool). */
function rawZip(entries: Array<[string, Uint8Array]>, declared: number): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [path, data] of entries) {
    const name = enc.encode(path);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const size = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

Deno.test("readZip() refuses a bomb whose entries declare tiny sizes, quickly and in little memory", () => {
  // 300 entries of 16 MiB of zeros each declaring 1 byte: about 5 MB that inflate to 4.7 GiB.
  const packed = deflateSync(zeros(16 * MiB), { level: 9 });
  const entries: Array<[string, Uint8Array]> = [];
  for (let k = 0; k < 300; k++) entries.push([`exercises/01_linear_regression/f${k}.ts`, packed]);
  const zip = rawZip(entries, 1);
  const rss0 = Deno.memoryUsage().rss;
  refusedQuickly(zip, /inconsistent|limit/);
  // Small entries under the cap that lie about their size are refused too.
  const small = deflateSync(zeros(512 * 1024));
  refusedQuickly(rawZip([["a.ts", small]], 10), /inconsistent/);
  const grew = (Deno.memoryUsage().rss - rss0) / MiB;
  assert.ok(grew < 256, `memory grew by ${grew.toFixed(0)} MiB`);
});

Deno.test("readZip() applies the 1 MiB cap to each entry and stops inflating there", () => {
  const zip = zipSync({ "exercises/01_linear_regression/predict.ts": zeros(20 * MiB) });
  const t0 = performance.now();
  const { files, tooLarge } = readZip(zip);
  assert.equal(files.length, 0);
  assert.deepEqual(tooLarge, ["exercises/01_linear_regression/predict.ts"]);
  assert.ok(performance.now() - t0 < 2000);
});

Deno.test("readZip() counts every entry against one shared budget", () => {
  const files: Record<string, Uint8Array> = {};
  for (let k = 0; k < 80; k++) files[`exercises/01_linear_regression/f${k}.ts`] = zeros(MiB);
  refusedQuickly(zipSync(files), /expands to more than its limit/);
});

Deno.test("readZip() refuses a directory that lists one record many times", () => {
  refusedQuickly(sameRecordMany(5000), /overlap|twice|inconsistent/);
});

Deno.test("readZip() refuses an entry whose local header disagrees with the directory", () => {
  const zip = zipSync({ "a.ts": strToU8("export const a = 1;") }, { level: 0 });
  const forged = zip.slice();
  forged[30] = "b".charCodeAt(0); // the local header's name: "b.ts"
  refusedQuickly(forged, /inconsistent/);
});

Deno.test("readZip() leaves out symlinks and devices, and refuses paths that climb out", () => {
  const zip = zipSync({
    "link.ts": [strToU8("/etc/passwd"), { os: 3, attrs: 0o120777 << 16 }],
    "fifo.ts": [strToU8(""), { os: 3, attrs: 0o010644 << 16 }],
    "ok.ts": strToU8("x"),
  } as never);
  const { files, special } = readZip(zip);
  assert.deepEqual(files.map((f) => f.path), ["ok.ts"]);
  assert.deepEqual(special.sort(), ["fifo.ts", "link.ts"]);
  refusedQuickly(zipSync({ "../../evil.ts": strToU8("x") }), /leaves its folder/);
});
