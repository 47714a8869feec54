import assert from "node:assert/strict";
import { findSimilarPairs, SIMILARITY_TOOL, studentPairs } from "./similarity.ts";

const read = (path: string) => Deno.readTextFileSync(new URL(`../${path}`, import.meta.url));
const MSE_STUB = read("exercises/01_linear_regression/mse.ts");
const MSE = read("solutions/01_linear_regression/mse.ts");
const ADAM_STUB = read("exercises/02_gradient_descent/adam.ts");
const ADAM = read("solutions/02_gradient_descent/adam.ts");
const TEMPLATES = { mse: MSE_STUB, adam: ADAM_STUB };

/** The stub with its TODO comments and `throw` replaced by `body`. */
function fill(stub: string, body: string): string {
  const out = stub.replace(
    /\n(?: {2}\/\/ TODO[^\n]*\n)+ {2}throw new Error\([^\n]*\);/,
    `\n${body}`,
  );
  assert.notEqual(out, stub, "the stub's TODO block was not found");
  return out;
}

/** An mse written independently of the model solution, in another style. */
const MSE_OTHER = fill(
  MSE_STUB,
  `  const count = y.length;
  if (count === 0 || count !== yHat.length) throw new RangeError(\`lengths \${yHat.length}, \${count}\`);
  return yHat.reduce((acc, p, k) => acc + (p - y[k]) * (p - y[k]), 0) / count;`,
);

/** The model solution, variables renamed, reformatted, comments changed. */
const MSE_RENAMED = MSE
  .replace("// The mean, not the sum: the loss must not grow just because N does.\n", "")
  .replaceAll("sum", "total")
  .replaceAll(/\bi\b/g, "j")
  .replace("let total = 0;", "let total = 0; // running total\n")
  .replace(
    "for (let j = 0; j < y.length; j++) total",
    "for (let j = 0;\n       j < y.length;  j++)\n    total",
  );

/** Adam written as one loop, independently of the model solution. */
const ADAM_OTHER = fill(
  ADAM_STUB,
  `  const n = theta.length;
  if ([grad, state.m, state.v].some((a) => a.length !== n)) {
    throw new RangeError("theta, grad, m and v differ in length");
  }
  const t = state.t + 1;
  const m: number[] = [];
  const v: number[] = [];
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    m.push(opts.beta1 * state.m[k] + (1 - opts.beta1) * grad[k]);
    v.push(opts.beta2 * state.v[k] + (1 - opts.beta2) * grad[k] ** 2);
    const mHat = m[k] / (1 - Math.pow(opts.beta1, t));
    const vHat = v[k] / (1 - Math.pow(opts.beta2, t));
    out.push(theta[k] - opts.learningRate * mHat / (Math.sqrt(vHat) + opts.epsilon));
  }
  return { theta: out, state: { m, v, t } };`,
);

const lines = (src: string, from: number, to: number) =>
  src.split("\n").slice(from - 1, to).join("\n");

Deno.test("findSimilarPairs() finds an exact copy with score 1 and the copied body as fragment", async () => {
  const pairs = await findSimilarPairs(
    [{ id: "zoe", files: { mse: MSE } }, { id: "amy", files: { mse: MSE } }],
    TEMPLATES,
  );
  assert.equal(pairs.length, 1);
  const [p] = pairs;
  assert.equal(p.exercise, "mse");
  assert.equal(p.a, "amy"); // a < b by id
  assert.equal(p.b, "zoe");
  assert.equal(p.score, 1);
  // The body (lines 14–23); the import, JSDoc and signature come from the stub.
  assert.deepEqual(p.linesA, [14, 23]);
  assert.deepEqual(p.linesB, [14, 23]);
  assert.equal(p.fragment, lines(MSE, 14, 23));
  assert.match(p.fragment, /^ {2}if \(yHat\.length !== y\.length/);
  assert.match(p.fragment, /return sum \/ y\.length;\n}$/);
});

Deno.test("findSimilarPairs() finds a copy with renamed variables, new layout and comments", async () => {
  const pairs = await findSimilarPairs(
    [{ id: "a", files: { mse: MSE } }, { id: "b", files: { mse: MSE_RENAMED } }],
    TEMPLATES,
  );
  assert.equal(pairs.length, 1);
  assert.ok(pairs[0].score >= 0.95, `score ${pairs[0].score}`);
  assert.deepEqual(pairs[0].linesA, [14, 23]);
  assert.deepEqual(pairs[0].linesB, [14, 25]);
  // Without identifier normalisation the renamed copy is mostly missed.
  const exact = await findSimilarPairs(
    [{ id: "a", files: { mse: MSE } }, { id: "b", files: { mse: MSE_RENAMED } }],
    TEMPLATES,
    { normalizeIdentifiers: false, minScore: 0 },
  );
  assert.ok(exact.length === 0 || exact[0].score < pairs[0].score);
});

Deno.test("findSimilarPairs() does not report independent solutions written differently", async () => {
  const pairs = await findSimilarPairs(
    [
      { id: "a", files: { mse: MSE, adam: ADAM } },
      { id: "b", files: { mse: MSE_OTHER, adam: ADAM_OTHER } },
    ],
    TEMPLATES,
    { minScore: 0.2 },
  );
  assert.deepEqual(pairs, []);
});

Deno.test("findSimilarPairs() does not report untouched stubs, nor a stub against a solution", async () => {
  const subs = [
    { id: "a", files: { mse: MSE_STUB, adam: ADAM_STUB } },
    { id: "b", files: { mse: MSE_STUB, adam: ADAM_STUB } },
    { id: "c", files: { mse: MSE, adam: ADAM } },
  ];
  assert.deepEqual(await findSimilarPairs(subs, TEMPLATES, { minScore: 0 }), []);
  // It is the template that keeps them out: without it the stubs are identical.
  const bare = await findSimilarPairs(subs, {});
  assert.ok(bare.some((p) => p.a === "a" && p.b === "b" && p.score === 1));
});

Deno.test("findSimilarPairs() does not count the stub's text shared by different bodies", async () => {
  // Both keep the stub's interfaces, JSDoc and signature (about 60 tokens of code).
  const subs = [{ id: "a", files: { adam: ADAM } }, { id: "b", files: { adam: ADAM_OTHER } }];
  assert.deepEqual(await findSimilarPairs(subs, TEMPLATES, { minScore: 0.1 }), []);
  const bare = await findSimilarPairs(subs, {}, { minScore: 0.1 });
  assert.equal(bare.length, 1, "without the template the stub's text is shared");
});

Deno.test("findSimilarPairs() gives line ranges in both files when the copy moved", async () => {
  const helper = "function square(x: number): number {\n  return x * x;\n}\n";
  const moved = MSE.replace('types.ts";\n', `types.ts";\n${helper}`); // 3 lines after line 1
  const pairs = await findSimilarPairs(
    [{ id: "b", files: { mse: moved } }, { id: "a", files: { mse: MSE } }],
    TEMPLATES,
  );
  assert.equal(pairs.length, 1);
  assert.equal(pairs[0].score, 1); // all of a's own code is in b
  assert.deepEqual(pairs[0].linesA, [14, 23]);
  assert.deepEqual(pairs[0].linesB, [17, 26]);
  assert.equal(lines(moved, 17, 26), pairs[0].fragment);
});

Deno.test("findSimilarPairs() reports every pair of a group of copies, each with its own lines", async () => {
  const helper = "function square(x: number): number {\n  return x * x;\n}\n";
  const moved = MSE.replace('types.ts";\n', `types.ts";\n${helper}`);
  const relaid = MSE.replace(
    "  let sum = 0;\n",
    "\n\n  let sum = 0; // same tokens, two lines lower\n",
  );
  const pairs = await findSimilarPairs(
    [
      { id: "c", files: { mse: relaid } },
      { id: "b", files: { mse: moved } },
      { id: "a", files: { mse: MSE } },
    ],
    TEMPLATES,
  );
  const got = Object.fromEntries(pairs.map((p) => [`${p.a}-${p.b}`, [p.linesA, p.linesB]]));
  assert.deepEqual(got, {
    "a-b": [[14, 23], [17, 26]],
    "a-c": [[14, 23], [14, 25]],
    "b-c": [[17, 26], [14, 25]],
  });
  const bc = pairs.find((p) => p.a === "b")!;
  assert.equal(bc.fragment, lines(moved, 17, 26));
  assert.ok(pairs.every((p) => p.score === 1));
});

Deno.test("findSimilarPairs() sorts pairs by score, highest first", async () => {
  // Half of Adam copied (the checks and m, v), the rest rewritten.
  const half = fill(
    ADAM_STUB,
    ADAM.split("\n").slice(46, 56).join("\n") +
      `\n  const out: number[] = [];
  for (let k = 0; k < p; k++) {
    const step = (learningRate * m[k]) / (1 - beta1 ** t);
    out.push(theta[k] - step / (Math.sqrt(v[k] / (1 - beta2 ** t)) + epsilon));
  }
  return { theta: out, state: { m, v, t } };`,
  );
  const pairs = await findSimilarPairs(
    [
      { id: "d", files: { mse: MSE_RENAMED, adam: half } },
      { id: "c", files: { mse: MSE_OTHER, adam: ADAM } },
      { id: "b", files: { mse: MSE } },
      { id: "a", files: { mse: MSE } },
    ],
    TEMPLATES,
  );
  assert.deepEqual(
    pairs.map((p) => `${p.exercise}:${p.a}-${p.b}`),
    ["mse:a-b", "mse:a-d", "mse:b-d", "adam:c-d"],
  );
  for (let i = 1; i < pairs.length; i++) assert.ok(pairs[i - 1].score >= pairs[i].score);
  const adam = pairs[3];
  assert.ok(adam.score > 0.5 && adam.score < 0.95, `score ${adam.score}`);
  assert.match(adam.fragment, /const m = state\.m\.map/);
});

Deno.test("findSimilarPairs() cuts a long fragment to 40 lines", async () => {
  const body = Array.from({ length: 60 }, (_, i) => `  const x${i} = ${i} * y.length + ${i * 7};`)
    .join("\n") + "\n  return x59;";
  const long = fill(MSE_STUB, body);
  const [p] = await findSimilarPairs(
    [{ id: "a", files: { mse: long } }, { id: "b", files: { mse: long } }],
    TEMPLATES,
  );
  assert.deepEqual(p.linesA, [14, 75]);
  const shown = p.fragment.split("\n");
  assert.equal(shown.length, 41);
  assert.equal(shown[40], "… (22 more lines)");
});

Deno.test("findSimilarPairs() handles a class quickly and finds the planted copies", async () => {
  // 150 students × 2 exercises with varied bodies, and 5 copies planted.
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const body = () =>
    Array.from({ length: 6 + rnd(8) }, (_, i) => {
      const c = rnd(1000);
      return [
        `  const v${i} = y[${rnd(9)}] * ${c} - ${rnd(97)};`,
        `  if (yHat.length > ${c}) return ${rnd(50)} / ${c + 1};`,
        `  for (let k = ${rnd(5)}; k < ${c}; k += ${1 + rnd(4)}) y[k] -= ${rnd(99)};`,
      ][rnd(3)];
    }).join("\n") + `\n  return ${rnd(100)};`;
  const subs = Array.from({ length: 150 }, (_, s) => ({
    id: `s${String(s).padStart(3, "0")}`,
    files: { mse: fill(MSE_STUB, body()), adam: fill(ADAM_STUB, body()) } as Record<string, string>,
  }));
  for (let c = 0; c < 5; c++) subs[2 * c + 1].files.mse = subs[2 * c].files.mse;
  const t0 = performance.now();
  const pairs = await findSimilarPairs(subs, TEMPLATES);
  const ms = performance.now() - t0;
  assert.deepEqual(
    pairs.map((p) => `${p.a}-${p.b}`),
    ["s000-s001", "s002-s003", "s004-s005", "s006-s007", "s008-s009"],
  );
  assert.ok(ms < 20_000, `${ms} ms`);
});

Deno.test("SIMILARITY_TOOL names the detector and its settings", () => {
  assert.match(SIMILARITY_TOOL, /jscpd/);
  assert.match(SIMILARITY_TOOL, /20-token/);
  assert.match(SIMILARITY_TOOL, /0\.5/);
});

Deno.test("studentPairs() ranks pairs of students by exercises in common; a cut never hides a broader pair", () => {
  const pair = (exercise: string, a: string, b: string, score: number) => ({
    exercise,
    a,
    b,
    score,
    fragment: "",
    linesA: [1, 2] as [number, number],
    linesB: [1, 2] as [number, number],
  });
  const exercises = [
    "predict",
    "mse",
    "sgd",
    "adam",
    "momentum",
    "batch_gd",
    "lr_bound",
    "r_squared",
  ];
  // Many exact copies of one exercise, and one pair of students sharing 8 exercises less strongly.
  const pairs = [
    ...Array.from({ length: 600 }, (_, i) => pair("mse", `s${i}`, `t${i}`, 1)),
    ...exercises.map((e, i) => pair(e, "bea", "carl", 0.6 + i * 0.01)),
    ...exercises.slice(0, 3).map((e) => pair(e, "dan", "eve", 0.9)),
  ];
  const { pairs: kept, found } = studentPairs(pairs, 5);
  assert.equal(found, 602);
  assert.deepEqual(kept.slice(0, 2).map((p) => [p.a, p.b, p.exercises]), [
    ["bea", "carl", 8],
    ["dan", "eve", 3],
  ]);
  assert.equal(kept[0].evidence[0].exercise, "r_squared"); // strongest evidence first
  assert.ok(Math.abs(kept[0].meanScore - 0.635) < 1e-9);
  const minKept = Math.min(...kept.map((p) => p.exercises));
  assert.ok(kept.length === 5 && minKept >= 1);
});
