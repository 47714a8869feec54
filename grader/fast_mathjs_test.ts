import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { eigs, lusolve, multiply, transpose } from "mathjs";
import NAMES from "./mathjs_names.json" with { type: "json" };
import { listMathjsNames, mathjsUse, writeStageConfig } from "./fast_mathjs.ts";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("mathjs_names.json lists what the pinned mathjs's lazy build serves (regenerate: deno run -A grader/fast_mathjs.ts)", async () => {
  assert.deepEqual(await listMathjsNames(), NAMES);
});

Deno.test("mathjsUse: named imports the lazy build serves fit; anything else gets the package", () => {
  const fits = mathjsUse([
    `import { det, lusolve as solve } from "mathjs";\nimport type { Matrix } from 'mathjs';`,
    `// import * as math from "mathjs" (a comment does not count)\nimport { type MathType, eigs } from "mathjs";`,
    `export const x = 1;`,
  ]);
  assert.deepEqual(fits, { mentioned: true, fits: true, names: ["det", "eigs", "lusolve"] });
  assert.deepEqual(mathjsUse([`export const y = 2;`]), { mentioned: false, fits: true, names: [] });
  for (
    const src of [
      `import * as math from "mathjs";`,
      `import math from "mathjs";`,
      `import { create, all } from "mathjs";`,
      `import { createAdd } from "mathjs";`,
      `export { det } from "mathjs";`,
      `const m = await import("mathjs");`,
      `import { det } from "mathjs"; const n = await import('mathjs');`,
    ]
  ) {
    const use = mathjsUse([src]);
    assert.equal(use.mentioned, true, src);
    assert.equal(use.fits, false, src);
  }
});

/** Runs a module in a stage set up as the grader would, with the course's lock frozen as the judge does. */
async function runStaged(source: string): Promise<{ value: unknown; fast: boolean }> {
  const stage = await Deno.makeTempDir();
  try {
    const config = await writeStageConfig(stage, ROOT, mathjsUse([source]));
    const probe = join(stage, "probe.ts");
    await Deno.writeTextFile(probe, source);
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        `--lock=${join(ROOT, "deno.lock")}`,
        "--frozen",
        "--config",
        config,
        "--allow-read",
        pathToFileURL(probe).href,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    // Every use gets a recording module; only the fast one serves the lazily built browser build.
    const fast = await Deno.readTextFile(join(stage, "vendor", "mathjs.js")).then(
      (text) => text.includes("/lib/browser/math.js"),
      () => false,
    );
    return { value: JSON.parse(new TextDecoder().decode(out.stdout)), fast };
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
}

const want = JSON.parse(JSON.stringify([
  lusolve([[2, 1], [1, 3]], [3, 5]),
  eigs([[15, 5], [5, 2]]).values,
  multiply(transpose([[1, 2]]), [[3, 4]]),
]));

Deno.test("the fast mathjs gives the same results as mathjs, under the stage's import map and the frozen lock", async () => {
  const got = await runStaged(
    `import { eigs, lusolve, multiply, transpose } from "mathjs";
console.log(JSON.stringify([lusolve([[2, 1], [1, 3]], [3, 5]), eigs([[15, 5], [5, 2]]).values, multiply(transpose([[1, 2]]), [[3, 4]])]));`,
  );
  assert.deepEqual(got, { value: want, fast: true });
});

Deno.test("a submission that uses mathjs another way gets the package itself", async () => {
  const got = await runStaged(
    `import { all, create } from "mathjs";
const math = create(all);
console.log(JSON.stringify([math.lusolve([[2, 1], [1, 3]], [3, 5]), math.eigs([[15, 5], [5, 2]]).values, math.multiply(math.transpose([[1, 2]]), [[3, 4]])]));`,
  );
  assert.deepEqual(got, { value: want, fast: false });
});
