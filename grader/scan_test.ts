import assert from "node:assert/strict";
import { importSpecifiers, scanFile } from "./scan.ts";

const scan = (src: string, ops: string[] = []) =>
  scanFile("/stage", "exercises/01_x/a.ts", src, ops).map((f) => `${f.kind}@${f.line}`);

Deno.test("scanFile() refuses literal imports that leave the submission", () => {
  assert.deepEqual(
    scan(`import a from "../../../solutions/a.ts";
import b from "./b.ts";
import { tf } from "../../lib/tf.ts";
export * from "/etc/passwd";
const m = await import("file:///work/grader/hidden/x.ts");
import c from "npm:left-pad";
import d from "mathjs";
import e from "node:fs";`),
    ["forbidden-import@1", "forbidden-import@4", "forbidden-import@6", "forbidden-import@5"],
  );
});

Deno.test("scanFile() ignores imports inside comments and // inside strings", () => {
  assert.deepEqual(
    scan(
      `// import x from "/etc/passwd";\n/* import("/x") */\nconst u = "a//b"; import y from "./y.ts";`,
    ),
    [],
  );
  assert.deepEqual(
    importSpecifiers(`const u = "http://x//y"; import z from "../z.ts";`).map((s) => s.spec),
    ["../z.ts"],
  );
});

Deno.test("scanFile() finds forbidden tfjs ops, not look-alikes", () => {
  assert.deepEqual(scan("const a = tf.matMul(x, y);", ["matMul"]), ["forbidden-op@1"]);
  assert.deepEqual(scan("const { matMul } = tf;", ["matMul"]), ["forbidden-op@1"]);
  assert.deepEqual(scan("const a = math.dot(x, y);\nconst b = dot(x, y);", ["dot"]), []);
  assert.deepEqual(scan(`// tf.grad(f)\nconst s = "tf.grad(";`, ["grad"]), []);
});
