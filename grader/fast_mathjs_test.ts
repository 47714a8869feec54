import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { eigs, lusolve, multiply, transpose } from "mathjs";
import NAMES from "./mathjs_names.json" with { type: "json" };
import { DEFERRED_CLASSES, listMathjsNames, writeStageConfig } from "./fast_mathjs.ts";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("mathjs_names.json lists what the pinned mathjs exports (regenerate: deno run -A grader/fast_mathjs.ts)", async () => {
  assert.deepEqual(await listMathjsNames(), NAMES);
});

/** Runs a module in a stage under the fast mathjs, with the course's lock frozen as the judge does. */
async function runStaged(source: string): Promise<unknown> {
  const stage = await Deno.makeTempDir();
  try {
    const config = await writeStageConfig(stage, ROOT);
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
    return JSON.parse(new TextDecoder().decode(out.stdout));
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
}

Deno.test("the fast mathjs gives the same results as mathjs, under the stage's import map and the frozen lock", async () => {
  const got = await runStaged(
    `import { eigs, lusolve, multiply, transpose } from "mathjs";
console.log(JSON.stringify([lusolve([[2, 1], [1, 3]], [3, 5]), eigs([[15, 5], [5, 2]]).values, multiply(transpose([[1, 2]]), [[3, 4]])]));`,
  );
  const want = JSON.parse(JSON.stringify([
    lusolve([[2, 1], [1, 3]], [3, 5]),
    eigs([[15, 5], [5, 2]]).values,
    multiply(transpose([[1, 2]]), [[3, 4]]),
  ]));
  assert.deepEqual(got, want);
});

Deno.test("the classes the fast mathjs defers behave as mathjs's own", async () => {
  assert.deepEqual(DEFERRED_CLASSES.filter((n) => !NAMES.values.includes(n)), []);
  const got = await runStaged(
    `import m, { AccessorNode, ConstantNode, FibonacciHeap, FunctionNode, SymbolNode, parse } from "mathjs";
const f = new FunctionNode(new SymbolNode("sqrt"), [new ConstantNode(16)]);
const parsed = parse("sqrt(16)");
class Mine extends FibonacciHeap {}
const heap = new Mine();
heap.insert(3, "c"); heap.insert(1, "a");
console.log(JSON.stringify([
  f.evaluate(), f.toString(), f instanceof FunctionNode, parsed instanceof FunctionNode,
  parsed instanceof AccessorNode, typeof FunctionNode.onUndefinedFunction, FunctionNode === m.FunctionNode ? "same" : "proxy",
  heap instanceof FibonacciHeap, heap.extractMinimum().key, Object.getPrototypeOf(new FunctionNode("g", [])) === m.FunctionNode.prototype,
]));`,
  );
  assert.deepEqual(got, [4, "sqrt(16)", true, true, false, "function", "proxy", true, 1, true]);
});
