// The grader against hostile and broken submissions. Each is a complete,
// correct submission (the reference solutions) with predict.ts replaced;
// grading must finish with the right score and a clear message.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { type GradeResult, gradeSubmission } from "../grader/grade.ts";
import { ROOT } from "./_helpers.ts";
import { taskPermissions } from "../dev/task_flags.ts";
import { allExercises } from "../course/manifest.ts";
import { childDeno, denoCacheDir, Judge } from "../grader/judge.ts";
import { writeStageConfig } from "../grader/fast_mathjs.ts";
import { pathToFileURL } from "node:url";

const PREDICT = "exercises/01_linear_regression/predict.ts";
const CORRECT = `export function predict(X: number[][], w: number[], b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < X.length; i++) {
    let s = b;
    for (let j = 0; j < w.length; j++) s += X[i][j] * w[j];
    out[i] = s;
  }
  return out;
}
`;

async function submission(predict: string | null): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-hostile-" });
  for await (const lesson of Deno.readDir(join(ROOT, "solutions"))) {
    await Deno.mkdir(join(dir, "exercises", lesson.name), { recursive: true });
    for await (const f of Deno.readDir(join(ROOT, "solutions", lesson.name))) {
      await Deno.copyFile(
        join(ROOT, "solutions", lesson.name, f.name),
        join(dir, "exercises", lesson.name, f.name),
      );
    }
  }
  if (predict === null) await Deno.remove(join(dir, PREDICT));
  else await Deno.writeTextFile(join(dir, PREDICT), predict);
  return dir;
}

async function grade(predict: string | null, only = ["predict"]): Promise<GradeResult> {
  const dir = await submission(predict);
  try {
    return await gradeSubmission(dir, { repoRoot: ROOT, only, timeLimitMs: 1000 });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const messages = (r: GradeResult) =>
  r.exercises.flatMap((e) => e.cases.map((c) => c.message)).join("\n");
const flagCodes = (r: GradeResult) => r.flags.map((f) => f.code);

interface Hostile {
  name: string;
  code: string;
  /** Expected score for predict (out of 10; 1 of them for returning [] on empty input). */
  score: number;
  flag?: string;
  message?: RegExp;
}

const CORPUS: Hostile[] = [
  {
    name: "Deno.exit(0) at import",
    code: "Deno.exit(0);\n" + CORRECT,
    score: 0,
    flag: "exit",
    message: /ended the process/,
  },
  {
    name: "Deno.exit(0) inside the function",
    code: "export function predict(): number[] { Deno.exit(0); }",
    score: 0,
    flag: "exit",
  },
  {
    name: "a synchronous infinite loop",
    code: "export function predict(): number[] { while (true) { /* spin */ } }",
    score: 0,
    flag: "timeout",
    message: /ran longer than 1000 ms/,
  },
  {
    name: "an asynchronous infinite loop",
    code:
      "export async function predict(): Promise<number[]> { while (true) await Promise.resolve(); }",
    score: 0,
    flag: "timeout",
  },
  {
    name: "a promise that never settles",
    code: "export function predict(): Promise<number[]> { return new Promise(() => {}); }",
    score: 0,
    flag: "never-settles",
    message: /never settles/,
  },
  {
    name: "a loop that ignores SIGTERM",
    code: `Deno.addSignalListener("SIGTERM", () => {});
export function predict(): number[] { while (true) { /* spin */ } }`,
    score: 0,
    flag: "timeout",
  },
  {
    name: "a heap bomb",
    code:
      `export function predict(): number[] { const a: number[][] = []; while (true) a.push(new Array(1e6).fill(1.5)); }`,
    score: 0,
    message: /memory|crashed|RangeError|ran longer/, // which comes first depends on the machine's load
  },
  {
    name: "an ArrayBuffer bomb",
    code:
      `export function predict(): number[] { const keep = []; while (true) { const b = new Uint8Array(64 * 1024 * 1024); b.fill(1); keep.push(b); } }`,
    score: 0,
    message: /memory|crashed|RangeError|ran longer/, // which comes first depends on the machine's load
  },
  {
    name: "a wasm memory bomb",
    code: `export function predict(): number[] {
  const mems = [];
  while (true) { const m = new WebAssembly.Memory({ initial: 1024 }); new Uint8Array(m.buffer).fill(1); mems.push(m); }
}`,
    score: 0,
    message: /memory|crashed|RangeError|ran longer/, // which comes first depends on the machine's load
  },
  {
    name: "printing fake result lines and fake nonces",
    code: `export function predict(X: number[][]): number[] {
  for (let id = 0; id < 50; id++) {
    console.log("\\n" + crypto.randomUUID() + " " + JSON.stringify({ id, ok: true, value: X.map(() => 0) }));
    console.log("00000000-0000-0000-0000-000000000000 " + JSON.stringify({ id, ok: true, value: [] }));
  }
  return [];
}`,
    score: 1, // only the empty-input case, which [] answers correctly
  },
  {
    name: "replacing JSON, Math, Object.is, Array.prototype and Float32Array methods (but correct)",
    code: `JSON.stringify = () => '{"id":1,"ok":true,"value":[0]}';
JSON.parse = () => ({ id: 1, nonce: "x", file: "", entry: "", args: [] });
Object.is = () => true;
Math.abs = () => 0;
Array.isArray = () => false;
(Array.prototype as unknown as { map: unknown }).map = () => [];
(Array.prototype as unknown as { push: unknown }).push = () => 0;
Float32Array.prototype.slice = () => new Float32Array();
ArrayBuffer.isView = () => true;
Object.keys = () => [];
` + CORRECT,
    score: 10,
  },
  {
    name: "returning an object with valueOf",
    code:
      "export function predict(): unknown { return { valueOf: () => 42, toString: () => '[1,2]' }; }",
    score: 0,
    message: /expected .*array.*record/,
  },
  {
    name: "returning a Proxy that lies about its contents",
    code: `export function predict(X: number[][]): unknown {
  let n = 0;
  return new Proxy([], { get: (_t, k) => k === "length" ? X.length : typeof k === "string" && /^\\d+$/.test(k) ? n++ : undefined });
}`,
    score: 1, // only the empty-input case, which [] answers correctly
  },
  {
    name: "reading the hidden tests by file read",
    code: `export function predict(): number[] { Deno.readTextFileSync(${
      JSON.stringify(join(ROOT, "grader/hidden/01_linear_regression.ts"))
    }); return []; }`,
    score: 0,
    flag: "forbidden-access",
    message: /NotCapable|read access/,
  },
  {
    name: "reading the reference solution by a computed dynamic import",
    code: `export async function predict(X: number[][], w: number[], b: number): Promise<number[]> {
  const path = [${
      JSON.stringify(ROOT)
    }, "solutions", "01_linear_regression", "predict.ts"].join("/");
  const ref = await import("file://" + path);
  return ref.predict(X, w, b);
}`,
    score: 0,
    flag: "forbidden-import",
    message: /refused: an import whose target is computed/,
  },
  {
    name: "reading the reference solution by a literal dynamic import",
    code: `export async function predict(X: number[][], w: number[], b: number): Promise<number[]> {
  const ref = await import("../../../../../../../${ROOT}/solutions/01_linear_regression/predict.ts");
  return ref.predict(X, w, b);
}`,
    score: 0,
    flag: "forbidden-import",
    message: /refused/,
  },
  {
    name: "reading the reference solution by a static import",
    code: `export { predict } from ${
      JSON.stringify(join(ROOT, "solutions/01_linear_regression/predict.ts"))
    };`,
    score: 0,
    flag: "forbidden-import",
    message: /refused/,
  },
  {
    name: "a network call",
    code:
      `export async function predict(): Promise<number[]> { await fetch("http://127.0.0.1:8080/"); return []; }`,
    score: 0,
    flag: "forbidden-access",
  },
  {
    name: "spawning a process",
    code:
      `export function predict(): number[] { new Deno.Command("/bin/cat", { args: ["/etc/passwd"] }).outputSync(); return []; }`,
    score: 0,
    flag: "forbidden-access",
  },
  {
    name: "reading the environment",
    code: `export function predict(): number[] { Deno.env.get("HOME"); return []; }`,
    score: 0,
    flag: "forbidden-access",
  },
  {
    name: "importing an uncached npm package",
    code: `import leftPad from "npm:left-pad@1.3.0";\n` + CORRECT + "void leftPad;\n",
    score: 0,
    flag: "forbidden-import",
  },
  {
    name: "importing an uncached npm package by a computed import",
    code:
      `export async function predict(): Promise<number[]> { const m = "npm:" + "left-pad"; await import(m); return []; }`,
    score: 0,
  },
  {
    name: "mutating its input arrays (but correct)",
    code: CORRECT.replace("return out;", "X.length = 0; w.fill(NaN); return out;"),
    score: 10,
  },
  {
    name: "returning NaN",
    code: "export function predict(X: number[][]): number[] { return X.map(() => NaN); }",
    score: 1, // only the empty-input case, which [] answers correctly

    message: /NaN/,
  },
  {
    name: "returning Infinity",
    code: "export function predict(X: number[][]): number[] { return X.map(() => Infinity); }",
    score: 1, // only the empty-input case, which [] answers correctly

    message: /Infinity/,
  },
  {
    name: "a wrong shape",
    code: "export function predict(X: number[][]): number[][] { return X.map((r) => [r[0]]); }",
    score: 1, // only the empty-input case, which [] answers correctly

    message: /expected shape \[\d+\].*got \[\d+, 1\]/,
  },
  {
    name: "a wrong type",
    code: "export function predict(): string { return 'hello'; }",
    score: 0,
    message: /expected .*array.*string/,
  },
  {
    name: "a syntax error",
    code: "export function predict( {\n  return [;\n}\n",
    score: 0,
    message: /SyntaxError|parse/i,
  },
  {
    name: "a missing export",
    code: "export function forecast(): number[] { return []; }",
    score: 0,
    message: /does not export a function named predict/,
  },
  {
    name: "megabytes of output (but correct)",
    code: CORRECT.replace(
      "return out;",
      "for (let i = 0; i < 20; i++) console.log('x'.repeat(1 << 20)); return out;",
    ),
    score: 10,
  },
  // Issue 10: the forbidden-op rule is decided by what the child's tfjs records.
  {
    name: "a forbidden op through an alias of tf",
    code: `import { tf } from "../../lib/tf.ts";
export function predict(X: number[][], w: number[], b: number): number[] {
  if (X.length === 0) return [];
  const T = tf;
  const out = T.matMul(T.tensor2d(X), T.tensor2d(w.map((v) => [v]))).add(b);
  return Array.from(out.dataSync());
}`,
    score: 0,
    flag: "forbidden-op",
    message: /not counted: the exercise must not call matMul/,
  },
  {
    name: "a forbidden op as a tensor method, with tfjs imported directly",
    code: `import * as tf from "@tensorflow/tfjs";
export function predict(X: number[][], w: number[], b: number): number[] {
  if (X.length === 0) return [];
  return Array.from(tf.tensor2d(X).matMul(tf.tensor2d(w.map((v) => [v]))).add(b).dataSync());
}`,
    score: 0,
    flag: "forbidden-op",
  },
  {
    name: "a computed dynamic import of a file outside",
    code: `export async function predict(): Promise<number[]> {
  const parts = ["/etc", "passwd"];
  try { await import(\`\${parts[0]}/\${parts[1]}\`); } catch (e) { throw e; }
  return [];
}`,
    score: 0,
    flag: "forbidden-import",
  },
  {
    name: "an inherited toJSON that rewrites the answer frame (but correct)",
    code:
      `(Object.prototype as unknown as { toJSON: unknown }).toJSON = function (this: Record<string, unknown>) {
  return "id" in this && "ok" in this ? { id: this.id, ok: true, value: "forged" } : this;
};
Object.defineProperty(Object.prototype, "$num", { set() { throw new Error("setter ran"); } });
` + CORRECT,
    score: 10,
  },
  {
    name: "reading where the course lives (but correct)",
    code: `import process from "node:process";
export function predict(X: number[][], w: number[], b: number): number[] {
  const seen = [Deno.mainModule, ...process.argv, Deno.execPath(), new Error().stack ?? ""].join(" ");
  if (seen.includes(${JSON.stringify(ROOT)})) return [];
` + CORRECT.split("\n").slice(1).join("\n"),
    score: 10,
  },
  {
    name: "a flood of output with no newline",
    code: `export function predict(): number[] {
  const chunk = "x".repeat(1 << 16);
  while (true) console.log(chunk + chunk); // console.log adds newlines; the next one does not
}`,
    score: 0,
    flag: "output-flood",
    message: /printed more than 32 MiB/,
  },
  {
    name: "a flood of output with no newline at all",
    code: `export function predict(): number[] {
  const chunk = new TextEncoder().encode("y".repeat(1 << 16));
  while (true) Deno.stdout.writeSync(chunk);
}`,
    score: 0,
    flag: "output-flood",
  },
];

for (const h of CORPUS) {
  Deno.test(`grader survives ${h.name}`, async () => {
    const r = await grade(h.code);
    const predict = r.exercises.find((e) => e.name === "predict")!;
    assert.equal(
      predict.score,
      h.score,
      `score ${predict.score}\n${messages(r)}\n${JSON.stringify(r.flags)}`,
    );
    assert.equal(predict.cases.length, 7);
    if (h.flag) assert.ok(flagCodes(r).includes(h.flag), `flags: ${JSON.stringify(r.flags)}`);
    if (h.message) assert.match(messages(r), h.message);
  });
}

Deno.test("grader survives a missing file and a symlink to the solution", async () => {
  const missing = await grade(null);
  assert.equal(missing.score, 0);
  assert.match(messages(missing), /predict\.ts is missing/);
  const dir = await submission(null);
  try {
    await Deno.symlink(join(ROOT, "solutions/01_linear_regression/predict.ts"), join(dir, PREDICT));
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["predict"] });
    assert.equal(r.score, 0);
    assert.ok(flagCodes(r).includes("symlink"), JSON.stringify(r.flags));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grader: a from-scratch exercise that delegates to the tfjs op is flagged and earns 0", async (t) => {
  const forms = {
    "by name": "tf.losses.meanSquaredError",
    "by a computed name": 'tf.losses["meanSquared" + "Error"]',
    "through metrics": "tf.metrics.meanSquaredError",
  };
  for (const [form, call] of Object.entries(forms)) {
    await t.step(form, async () => {
      const dir = await submission(CORRECT);
      try {
        await Deno.writeTextFile(
          join(dir, "exercises/01_linear_regression/mse.ts"),
          `import { tf } from "../../lib/tf.ts";
export function mse(yHat: number[], y: number[]): number {
  if (yHat.length !== y.length || y.length === 0) throw new RangeError("lengths");
  const f = ${call};
  return tf.tidy(() => (f(tf.tensor1d(y, "float32"), tf.tensor1d(yHat, "float32")) as tf.Tensor).mean().dataSync()[0]);
}
`,
        );
        const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["mse"] });
        assert.equal(r.score, 0, JSON.stringify(r.exercises[0].cases));
        assert.ok(
          r.flags.some((f) => f.code === "forbidden-op" && f.exercise === "mse"),
          JSON.stringify(r.flags),
        );
        assert.match(r.flags.map((f) => f.message).join(), /calls tf \S*meanSquaredError/);
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    });
  }
});

Deno.test("grader: after two fatal cases in a submission, one is enough to stop an exercise", async () => {
  const dir = await submission(
    "export function predict(): number[] { while (true) { /* spin */ } }",
  );
  try {
    await Deno.writeTextFile(
      join(dir, "exercises/01_linear_regression/mse.ts"),
      "export function mse(): number { while (true) { /* spin */ } }",
    );
    const r = await gradeSubmission(dir, {
      repoRoot: ROOT,
      only: ["predict", "mse"],
      timeLimitMs: 1000,
    });
    const outcomes = (name: string) =>
      r.exercises.find((e) => e.name === name)!.cases.map((c) => c.outcome);
    assert.deepEqual(outcomes("predict").slice(0, 3), ["timeout", "timeout", "not-run"]);
    assert.deepEqual(outcomes("mse").slice(0, 2), ["timeout", "not-run"]);
    assert.ok(outcomes("mse").slice(1).every((o) => o === "not-run"));
    const mse = r.exercises.find((e) => e.name === "mse")!;
    assert.match(mse.cases[1].message, /^not run: ran longer than 1000 ms/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grader: a bad exercise does not cost the others their marks", async () => {
  const r = await grade("export function predict(): number[] { while (true) { /* spin */ } }", [
    "predict",
    "mse",
    "r_squared",
  ]);
  assert.equal(r.exercises.find((e) => e.name === "predict")!.score, 0);
  for (const name of ["mse", "r_squared"]) {
    const ex = r.exercises.find((e) => e.name === name)!;
    assert.equal(ex.score, ex.max, name);
  }
});

Deno.test("judge: a refusal Deno reports as a TypeError still counts as a denied access", async () => {
  // The scan refuses computed imports before anything runs; run one in the child anyway.
  const stage = await Deno.makeTempDir({ prefix: "tensorlings-hostile-" });
  try {
    await Deno.mkdir(join(stage, "lib"));
    await Deno.copyFile(join(ROOT, "lib/fixtures.ts"), join(stage, "lib/fixtures.ts"));
    await Deno.copyFile(join(ROOT, "lib/random.ts"), join(stage, "lib/random.ts"));
    const file = join(stage, "probe.ts");
    await Deno.writeTextFile(
      file,
      `export async function probe(): Promise<void> { const p = ["/etc", "passwd"]; await import(p.join("/")); }`,
    );
    const judge = new Judge({
      stageDir: stage,
      repoRoot: ROOT,
      denoDir: await denoCacheDir(),
      configPath: await writeStageConfig(stage, ROOT, { mentioned: false, fits: true, names: [] }),
    });
    try {
      const a = await judge.call({
        file: pathToFileURL(file).href,
        entry: "probe",
        args: [],
        timeLimitMs: 5000,
      });
      assert.equal(a.status, "threw");
      assert.equal(a.error?.name, "TypeError");
      assert.equal(a.error?.permission, true, JSON.stringify(a.error));
    } finally {
      await judge.close();
    }
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
});

Deno.test("judge: a case's time limit counts the child's own CPU time, not time it was kept waiting", async () => {
  const stage = await Deno.makeTempDir({ prefix: "tensorlings-hostile-" });
  try {
    await Deno.mkdir(join(stage, "lib"));
    for (const f of ["fixtures.ts", "random.ts"]) {
      await Deno.copyFile(join(ROOT, "lib", f), join(stage, "lib", f));
    }
    const file = join(stage, "work.ts");
    // About 100 ms of CPU, then the answer.
    await Deno.writeTextFile(
      file,
      `export function work(): number { const t = performance.now(); let x = 0; while (performance.now() - t < 100) x++; return 1; }
export function spin(): number { while (true) { /* spin */ } }`,
    );
    const judge = new Judge({
      stageDir: stage,
      repoRoot: ROOT,
      denoDir: await denoCacheDir(),
      configPath: await writeStageConfig(stage, ROOT, { mentioned: false, fits: true, names: [] }),
    });
    try {
      const url = pathToFileURL(file).href;
      await judge.call({ file: url, entry: "work", args: [], timeLimitMs: 5000 }); // warm up
      // The machine is "busy": the child is stopped for 1.2 s in the middle of a 400 ms case.
      const pid = judge.pid();
      const answer = judge.call({ file: url, entry: "work", args: [], timeLimitMs: 400 });
      await new Promise((r) => setTimeout(r, 30));
      Deno.kill(pid, "SIGSTOP");
      await new Promise((r) => setTimeout(r, 1200));
      Deno.kill(pid, "SIGCONT");
      const a = await answer;
      assert.equal(a.status, "ok", JSON.stringify(a));
      assert.equal(a.value, 1);
      // A real loop still times out.
      const t0 = performance.now();
      const loop = await judge.call({ file: url, entry: "spin", args: [], timeLimitMs: 400 });
      assert.equal(loop.status, "timeout");
      // Within the wall backstop (3 x 400 ms + 1 s), give or take a busy machine's delays.
      assert.ok(performance.now() - t0 < 10_000);
    } finally {
      await judge.close();
    }
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
});

Deno.test("judge: a Deno binary inside the course folder is run from a copy outside it", async () => {
  const exec = Deno.execPath();
  const fakeRoot = dirname(exec);
  const path = childDeno(fakeRoot, exec);
  try {
    assert.ok(!path.startsWith(fakeRoot + "/"), path);
    const out = await new Deno.Command(path, { args: ["--version"], stdout: "piped" }).output();
    assert.match(new TextDecoder().decode(out.stdout), /^deno \d/);
    assert.equal(childDeno("/nowhere/course", exec), exec);
  } finally {
    await Deno.remove(dirname(path), { recursive: true });
  }
});

Deno.test("grade: answers of the wrong kind (null, a string, {}, …) from every exercise fail their cases, never the grade", async () => {
  // A hidden case's check reads the student's answer; one that throws on an odd value must cost
  // that case, not the submission (trainCharModel returning null once stopped the whole grade).
  const junk = ["null", "undefined", "0", '"text"', "{}", "[]", "{ losses: 1, embed: [[NaN]] }"];
  for (const value of junk) {
    const dir = await Deno.makeTempDir({ prefix: "tensorlings-junk-" });
    try {
      for (const ex of allExercises()) {
        await Deno.mkdir(join(dir, ex.file, ".."), { recursive: true });
        await Deno.writeTextFile(
          join(dir, ex.file),
          `export function ${ex.entry}(..._args: unknown[]): unknown { return ${value}; }\n`,
        );
      }
      const r = await gradeSubmission(dir, { repoRoot: ROOT });
      assert.equal(r.exercises.length, allExercises().length, value);
      for (const e of r.exercises) {
        assert.ok(e.score < e.max, `${e.name} scored full marks returning ${value}`);
        assert.ok(
          e.cases.every((c) => c.outcome === "passed" || (c.message ?? "") !== ""),
          `${e.name} returning ${value}: a failed case without a message`,
        );
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
});

Deno.test("hostile: a stand-in for tfjs's engine on the global does not hide leaked tensors", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-hide-leaks-" });
  try {
    const solution = await Deno.readTextFile(
      join(ROOT, "solutions/02_gradient_descent/tf_gradient.ts"),
    );
    const file = join(dir, "exercises/02_gradient_descent/tf_gradient.ts");
    await Deno.mkdir(dirname(file), { recursive: true });
    await Deno.writeTextFile(
      file,
      solution.replace("export function tfGradient(", "function tfGradientRight(") +
        `
// The grader counts tensors through globalThis._tfengine: show it a stand-in, tfjs the real one.
const real = (globalThis as Record<string, unknown>)._tfengine;
const fake = { state: { numTensors: 0 } };
try {
  Object.defineProperty(globalThis, "_tfengine", {
    configurable: true,
    get: () => (new Error().stack ?? "").includes("tensorCounter") ? fake : real,
    set: () => {},
  });
} catch { /* locked */ }
export function tfGradient(X: Matrix, y: Vector, w: Vector, b: number): { dW: Vector; db: number } {
  tf.ones([2]); // leaked
  return tfGradientRight(X, y, w, b);
}
`,
    );
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["tf_gradient"] });
    const leaks = r.exercises[0].cases.find((c) => c.id === "leaks-no-tensors")!;
    assert.equal(leaks.outcome, "wrong", JSON.stringify(leaks));
    assert.match(leaks.message, /left 1 tensor alive/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("hostile: waiting instead of computing (no CPU used) does not outlast the submission's time budget", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-sleeper-" });
  try {
    const sleepy = (entry: string) =>
      `await new Promise((r) => setTimeout(r, 2500)); // at import
export async function ${entry}(): Promise<number[]> {
  await new Promise((r) => setTimeout(r, 2000));
  return [];
}
`;
    const folder = join(dir, "exercises/01_linear_regression");
    await Deno.mkdir(folder, { recursive: true });
    await Deno.writeTextFile(join(folder, "predict.ts"), sleepy("predict"));
    await Deno.writeTextFile(join(folder, "mse.ts"), sleepy("mse"));
    const r = await gradeSubmission(dir, {
      repoRoot: ROOT,
      only: ["predict", "mse"],
      submissionLimitMs: 3000,
    });
    const [predict, mse] = r.exercises;
    // The budget ran out during predict: mse is not even imported, and predict stops early.
    assert.ok(
      mse.cases.every((c) => c.outcome === "not-run" && /time budget/.test(c.message)),
      JSON.stringify(mse.cases.map((c) => [c.outcome, c.message])),
    );
    assert.ok(predict.cases.some((c) => c.outcome === "not-run"));
    // One call may finish its wait past the deadline; none starts after it.
    assert.ok(r.timings.totalMs < 3000 + 2500, `${r.timings.totalMs} ms`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "hostile: Ctrl-C to the grader leaves no child behind, even one that ignores signals",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "tensorlings-stubborn-" });
    const folder = join(dir, "exercises/01_linear_regression");
    await Deno.mkdir(folder, { recursive: true });
    await Deno.writeTextFile(
      join(folder, "predict.ts"),
      `for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  try { Deno.addSignalListener(s, () => {}); } catch { /* refused */ }
}
export function predict(): number[] { while (true) { /* spin */ } }
`,
    );
    const flags = taskPermissions("grade", ROOT);
    const grader = new Deno.Command(Deno.execPath(), {
      args: ["run", ...flags, "grader/main.ts", dir, "--only", "predict"],
      cwd: ROOT,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    const childrenOf = (pid: number): number[] =>
      new TextDecoder().decode(
        new Deno.Command("ps", { args: ["-eo", "pid=,ppid=,args="], stdout: "piped" }).outputSync()
          .stdout,
      ).split("\n").map((l) => l.trim().split(/\s+/)).filter((f) =>
        Number(f[1]) === pid && f.slice(2).join(" ").includes("child.ts")
      ).map((f) => Number(f[0]));
    // Running, not a zombie (dead, and left for init to reap).
    const alive = (pid: number) => {
      const out = new Deno.Command("ps", {
        args: ["-o", "stat=", "-p", String(pid)],
        stdout: "piped",
      })
        .outputSync();
      const stat = new TextDecoder().decode(out.stdout).trim();
      return stat !== "" && !stat.startsWith("Z");
    };
    let children: number[] = [];
    try {
      for (let i = 0; i < 100 && children.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        children = childrenOf(grader.pid);
      }
      assert.ok(children.length > 0, "the grader started no child");
      await new Promise((r) => setTimeout(r, 300)); // the child is in predict's loop by now
      grader.kill("SIGINT");
      const status = await grader.status;
      assert.equal(status.code, 130);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(children.filter(alive), [], "children left running");
    } finally {
      for (const pid of children) {
        try {
          Deno.kill(pid, "SIGKILL");
        } catch {
          // gone, as it should be
        }
      }
      try {
        grader.kill("SIGKILL");
      } catch {
        // ended
      }
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("hostile: a folder of too many source bytes or files is refused, as a zip would be", async () => {
  const big = await Deno.makeTempDir({ prefix: "tensorlings-big-folder-" });
  const many = await Deno.makeTempDir({ prefix: "tensorlings-many-files-" });
  try {
    // 70 files of 1 MiB less a byte: each under the per-file cap, 70 MiB in all.
    const mib = "// " + "x".repeat(1024 * 1024 - 5) + "\n";
    await Deno.mkdir(join(big, "exercises/01_linear_regression"), { recursive: true });
    for (let i = 0; i < 70; i++) {
      await Deno.writeTextFile(join(big, `exercises/01_linear_regression/pad${i}.ts`), mib);
    }
    await assert.rejects(
      () => gradeSubmission(big, { repoRoot: ROOT, only: ["predict"] }),
      /more than 64 MiB: hand in only the exercises/,
    );
    await Deno.mkdir(join(many, "junk"));
    for (let i = 0; i < 10_001; i++) await Deno.writeTextFile(join(many, "junk", `f${i}.txt`), "");
    await assert.rejects(
      () => gradeSubmission(many, { repoRoot: ROOT, only: ["predict"] }),
      /more than 10000 files and folders/,
    );
  } finally {
    await Deno.remove(big, { recursive: true });
    await Deno.remove(many, { recursive: true });
  }
});

Deno.test("hostile: a tfjs kernel called directly (getKernel(...).kernelFunc) is still a forbidden op", async () => {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-direct-kernel-" });
  try {
    await Deno.mkdir(join(dir, "exercises/01_linear_regression"), { recursive: true });
    await Deno.writeTextFile(
      join(dir, "exercises/01_linear_regression/predict.ts"),
      `import { backend, getKernel, tensor2d, type TensorInfo } from "@tensorflow/tfjs";
import "../../lib/tf.ts";
export function predict(X: number[][], w: number[], b: number): number[] {
  if (X.some((r) => r.length !== w.length)) throw new RangeError("shape");
  const a = tensor2d(X), bw = tensor2d(w, [w.length, 1]);
  const k = getKernel("BatchMatMul", backend().constructor.name === "BackendWasm" ? "wasm" : "cpu")!;
  const out = k.kernelFunc({ inputs: { a, b: bw }, backend: backend(), attrs: { transposeA: false, transposeB: false } }) as TensorInfo;
  const y = Array.from(backend().readSync(out.dataId) as Float32Array, (v) => v + b);
  backend().disposeData(out.dataId); a.dispose(); bw.dispose();
  return y;
}
`,
    );
    const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["predict"] });
    assert.equal(r.score, 0);
    assert.ok(r.flags.some((f) => f.code === "forbidden-op"), JSON.stringify(r.flags));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("hostile: the staging folders of a grader that was killed are removed by the next, never a live one's", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "tensorlings-tmp-" });
  const before = Deno.env.get("TMPDIR");
  Deno.env.set("TMPDIR", tmp);
  const { holdOwnerLock, OWNER_LOCK } = await import("../grader/owned.ts");
  const { stageSubmission } = await import("../grader/submission.ts");
  try {
    const dead = join(tmp, "tensorlings-stage-dead");
    const live = join(tmp, "tensorlings-stage-live");
    const making = join(tmp, "tensorlings-stage-making");
    for (const d of [dead, live, making]) await Deno.mkdir(d);
    await Deno.writeTextFile(join(dead, OWNER_LOCK), ""); // its owner ended: the lock is free
    const held = holdOwnerLock(live); // another grader, running
    const staged = await stageSubmission(join(ROOT, "solutions"), ROOT);
    try {
      assert.equal(await exists(dead), false);
      assert.equal(await exists(live), true);
      assert.equal(await exists(making), true); // no lock yet, and new: being made
      assert.equal(await exists(join(staged.dir, OWNER_LOCK)), true);
    } finally {
      held.close();
      await staged.cleanup();
    }
    assert.equal(await exists(staged.dir), false);
  } finally {
    if (before === undefined) Deno.env.delete("TMPDIR");
    else Deno.env.set("TMPDIR", before);
    await Deno.remove(tmp, { recursive: true });
  }
});

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes a submission of the given files (paths under exercises/) and grades those exercises. */
async function gradeFiles(files: Record<string, string>, only: string[]) {
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-bypass-" });
  try {
    for (const [rel, text] of Object.entries(files)) {
      await Deno.mkdir(join(dir, rel, ".."), { recursive: true });
      await Deno.writeTextFile(join(dir, rel), text);
    }
    return await gradeSubmission(dir, { repoRoot: ROOT, only });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

// Each folder under tests/fixtures/forbidden_roads is a submission that scored points while
// computing a forbidden op by another road than the op itself (found by hand and by red-teaming
// the rule as a dishonest student would; the folder is named after the road): the fused op and
// its activation, a kernel run by name, the wasm module's exports or raw asm, the cpu backend's
// impls (also read through a property descriptor), the engine class's own methods, a tape walked by
// hand, einsum, a 3-D pool or convolution of depth 1, a zero-filter dilation, argMin of −ℓ,
// non-max suppression, the gradient of a loss, a metric's alias, a flood of op scope names that
// overflows the record, the wasm function table, dynCall_* and a second wasm module, a
// convolution through its own gradient kernels on the cpu backend; and the op in disguise (a
// second red team): a product as a 1 × 1 convolution or a cosine distance, a sigmoid as a two-way
// softmax, exp(logSigmoid), tanh or a loss's gradient, BCE through logSumExp or a softmax loss, MSE
// as a Huber loss or a compiled layers model, an average pool as a depthwise convolution, a
// variance as local response normalisation or an MSE metric, top-k and argMax by non-max
// suppression's own functions or a pool's argmax, and one optimizer set up as another; and from a
// third: webgl's kernels on their CPU path, a product through Fourier transforms, and mathjs's
// multiply, variance, expression parser and new instances. The files end in .txt so the
// repository's own type check and lint leave them alone.
const ROADS = join(ROOT, "tests/fixtures/forbidden_roads");

/** A fixture submission's files, by path inside the submission (`.txt` dropped). */
async function fixtureFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of Deno.readDirSync(d)) {
      if (e.isDirectory) stack.push(join(d, e.name));
      else {
        const rel = join(d, e.name).slice(dir.length + 1).replace(/\.txt$/, "");
        files[rel] = await Deno.readTextFile(join(d, e.name));
      }
    }
  }
  return files;
}

Deno.test("hostile: red-team roads to a forbidden op are all recorded as the op", async (t) => {
  for (const road of [...Deno.readDirSync(ROADS)].map((e) => e.name).sort()) {
    await t.step(road, async () => {
      const files = await fixtureFiles(join(ROADS, road));
      const only = allExercises().filter((e) => e.file in files).map((e) => e.name);
      assert.ok(only.length > 0, `${road}: no exercise file`);
      const r = await gradeFiles(files, only);
      for (const name of only) {
        assert.ok(
          r.flags.some((f) => f.code === "forbidden-op" && f.exercise === name),
          `${road}/${name} not flagged: ${JSON.stringify(r.flags)}`,
        );
        assert.equal(r.exercises.find((e) => e.name === name)!.score, 0);
      }
    });
  }
});

Deno.test("hostile: graded code gets no Worker, whose isolate would run tfjs unrecorded", async () => {
  const r = await gradeFiles({
    "exercises/01_linear_regression/predict.ts":
      `export function predict(X: number[][], w: number[], b: number): number[] {
  if (X.some((r) => r.length !== w.length)) throw new RangeError("shape");
  if (typeof (globalThis as Record<string, unknown>).Worker === "function") {
    return X.map((r) => r.reduce((s, x, j) => s + x * w[j], b));
  }
  return X.map(() => NaN);
}
`,
  }, ["predict"]);
  assert.ok(r.exercises[0].score < r.exercises[0].max, "the submission found a Worker");
});

Deno.test("hostile: tidy scopes an honest loop names itself never count as ops (no false forbidden op)", async () => {
  // A hand-written loop that named each step's tf.tidy filled the op record and was taken for a
  // forbidden op; only an op's own scope ("<op>__op") is recorded now.
  const r = await gradeFiles({
    "exercises/01_linear_regression/predict.ts": `import { tf } from "../../lib/tf.ts";
export function predict(X: number[][], w: number[], b: number): number[] {
  if (X.some((r) => r.length !== w.length)) throw new RangeError("shape");
  for (let i = 0; i < 2000; i++) tf.tidy(\`step \${i}\`, () => tf.add(tf.scalar(i), 1));
  return tf.tidy("predict", () =>
    X.map((r) => tf.sum(tf.mul(tf.tensor1d(r), tf.tensor1d(w))).add(b).dataSync()[0]));
}
`,
  }, ["predict"]);
  assert.deepEqual(r.flags.filter((f) => f.code === "forbidden-op"), []);
  assert.equal(r.exercises[0].score, r.exercises[0].max);
});

// A second copy of tfjs, required from the npm cache (which Deno's require reads without
// --allow-read), brings kernels, gradients and optimizers nothing records. The third red team's
// submissions did it with createRequire; the child now loads no CommonJS module after its start.
const SECOND_TFJS = join(ROOT, "tests/fixtures/second_tfjs");

Deno.test("hostile: a second tfjs cannot be required from the npm cache, by require or by hand", async () => {
  const denoDir = await denoCacheDir();
  const bundle = join(
    denoDir,
    "npm/registry.npmjs.org/@tensorflow/tfjs-backend-cpu/4.22.0/dist/tf-backend-cpu.js",
  );
  assert.ok(await exists(bundle), `the bundle the test requires is not in the cache: ${bundle}`);
  const r = await gradeFiles({
    "exercises/01_linear_regression/predict.ts":
      `import Module, { createRequire } from "node:module";
const bundle = ${JSON.stringify(bundle)};
const tries: Array<() => unknown> = [
  () => createRequire(import.meta.url)(bundle),
  () => createRequire("file://" + bundle.replace(/[^/]+$/, "x.js"))("./tf-backend-cpu.js"),
  () => new (Module as unknown as new (id: string) => { load(f: string): void })(bundle).load(bundle),
];
for (const attempt of tries) {
  let error = "";
  try {
    attempt();
  } catch (e) {
    error = String(e);
  }
  if (!error.includes("refused by the grader")) throw new Error("a second tfjs loaded: " + error);
}
export function predict(X: number[][], w: number[], b: number): number[] {
  if (X.some((r) => r.length !== w.length)) throw new RangeError("shape");
  return X.map((r) => r.reduce((s, x, j) => s + x * w[j], b));
}
`,
  }, ["predict"]);
  assert.deepEqual(r.flags, []);
  assert.equal(r.exercises[0].score, r.exercises[0].max);
});

Deno.test("hostile: the third red team's second-tfjs submissions score nothing", async (t) => {
  for (const road of [...Deno.readDirSync(SECOND_TFJS)].map((e) => e.name).sort()) {
    await t.step(road, async () => {
      const files = await fixtureFiles(join(SECOND_TFJS, road));
      const only = allExercises().filter((e) => e.file in files).map((e) => e.name);
      assert.ok(only.length > 0, `${road}: no exercise file`);
      const r = await gradeFiles(files, only);
      for (const name of only) assert.equal(r.exercises.find((e) => e.name === name)!.score, 0);
    });
  }
});

Deno.test("hostile: after a child is stopped, the next one preloads tfjs too, so an honest tfjs exercise still loads", async () => {
  // The child loads no CommonJS module once graded code runs: a child started after a timeout
  // without the preload would refuse tfjs to the honest exercise after it.
  const r = await gradeFiles({
    "exercises/01_linear_regression/predict.ts":
      "export function predict(): number[] { while (true) { /* spin */ } }\n",
    "exercises/02_gradient_descent/tf_gradient.ts": await Deno.readTextFile(
      join(ROOT, "solutions/02_gradient_descent/tf_gradient.ts"),
    ),
  }, ["predict", "tf_gradient"]);
  assert.ok(r.flags.some((f) => f.code === "timeout" && f.exercise === "predict"));
  const tfGradient = r.exercises.find((e) => e.name === "tf_gradient")!;
  assert.equal(
    tfGradient.score,
    tfGradient.max,
    JSON.stringify(tfGradient.cases.map((c) => c.message)),
  );
});

Deno.test("hostile: mathjs's plain arithmetic in a from-scratch exercise counts as nothing (no false forbidden op)", async () => {
  // Every mathjs call is recorded; only the product, the variance, and what computes anything
  // (the parser, chain, linear algebra) count. A layer norm written from mean, square and sqrt
  // is the exercise done by hand.
  const r = await gradeFiles({
    "exercises/07_transformer_block/layer_norm.ts":
      `import { mean, sqrt, square, subtract } from "mathjs";
export function layerNorm(x: number[][], gamma: number[], beta: number[], eps = 1e-5): number[][] {
  const d = gamma.length;
  if (x.length === 0 || d === 0 || beta.length !== d || x.some((r) => r.length !== d)) {
    throw new RangeError("shapes");
  }
  return x.map((row) => {
    const mu = mean(row) as number;
    const centred = subtract(row, mu) as number[];
    const variance = mean(centred.map((v) => square(v) as number)) as number;
    const inv = 1 / (sqrt(variance + eps) as number);
    return centred.map((v, j) => gamma[j] * v * inv + beta[j]);
  });
}
`,
  }, ["layer_norm"]);
  assert.deepEqual(r.flags.filter((f) => f.code === "forbidden-op"), []);
  assert.equal(
    r.exercises[0].score,
    r.exercises[0].max,
    JSON.stringify(r.exercises[0].cases.map((c) => c.message)),
  );
});

// Cases that checked only a property (the loss falls, diverges, norms stay under a bound, weights
// sum to 1) gave points to answers computed without the method: a fourth red team's submissions.
// Those cases now check the values too.
const PROPERTY_ONLY = join(ROOT, "tests/fixtures/property_only");

Deno.test("hostile: answers that only have the property a case names (no descent, no Jacobians, no scores) earn none of its points", async (t) => {
  const cases: Record<string, string[]> = {
    gd_property_checks: [
      "the-loss-falls-below-1-of-the-start-in-300-epochs-noiseless",
      "0-5-on-the-seed-s-data-diverges-as-the-seed-s-own-program-do",
    ],
    gradnorm_formula: ["decays-when-the-norm-of-wh-is-below-one"],
    property_only_weights: ["rows-sum-to-one"],
  };
  for (const road of [...Deno.readDirSync(PROPERTY_ONLY)].map((e) => e.name).sort()) {
    await t.step(road, async () => {
      const files = await fixtureFiles(join(PROPERTY_ONLY, road));
      const only = allExercises().filter((e) => e.file in files).map((e) => e.name);
      const r = await gradeFiles(files, only);
      const got = r.exercises[0].cases;
      for (const id of cases[road]) {
        const c = got.find((x) => x.id === id);
        assert.ok(c, `${road}: no case ${id}`);
        assert.equal(c.score, 0, `${road}: ${id} gave ${c.score} points`);
      }
    });
  }
});
