/**
 * Stages the child's recording tfjs (`grader/child_tf.ts`) and decides, from
 * what the child recorded during a call, which of an exercise's forbidden
 * tfjs ops were used.
 *
 * @module
 */
import { join } from "node:path";

/** The tfjs kernel behind each op, for code that runs kernels directly. */
const KERNELS: Record<string, string> = { matMul: "BatchMatMul", dot: "BatchMatMul" };
/** Ops that compute gradients (every one goes through `engine.gradients`). */
const AUTODIFF = new Set(["grad", "grads", "valueAndGrad", "valueAndGrads", "variableGrads"]);

/**
 * The forbidden ops among those the child recorded.
 *
 * @param forbidden The exercise's forbidden ops, as the manifest names them (`losses.meanSquaredError`).
 * @param used What the child recorded: paths called through `tf`, op scope names, `gradients`,
 *   `kernel:<name>`, `train.<optimizer>`.
 * @returns The forbidden ops used, in the manifest's order.
 */
export function forbiddenUsed(forbidden: string[], used: Iterable<string>): string[] {
  const seen = new Set(used);
  return forbidden.filter((op) => {
    const last = op.split(".").pop()!;
    return seen.has(op) || seen.has(last) ||
      (AUTODIFF.has(op) && seen.has("gradients")) ||
      (KERNELS[op] !== undefined && seen.has(`kernel:${KERNELS[op]}`));
  });
}

const VENDOR =
  `// Written by grader/tf_record.ts: "@tensorflow/tfjs" for a student's code, recording.
import { tf } from "../lib/tf.ts";
export * from "@tensorflow/tfjs";
export const losses = tf.losses;
export const metrics = tf.metrics;
export const train = tf.train;
`;

/**
 * Writes the recording tfjs into a staging folder: over `lib/tf.ts`, and as
 * the module "@tensorflow/tfjs" resolves to for the student's files.
 *
 * @param stageDir The staging folder.
 * @param repoRoot The course repository.
 * @param pin The tfjs package as the import map pins it (`npm:@tensorflow/tfjs@…`).
 * @returns Import-map entries and scopes for the staging folder's deno.json.
 */
export async function stageTfRecorder(
  stageDir: string,
  repoRoot: string,
  pin: string,
): Promise<{ imports: Record<string, string>; scopes: Record<string, Record<string, string>> }> {
  await Deno.mkdir(join(stageDir, "lib"), { recursive: true });
  await Deno.mkdir(join(stageDir, "vendor"), { recursive: true });
  // The kit's own tfjs goes where a student's import may not reach (the scan refuses vendor/);
  // the recorder, which imports it, takes its place.
  await Deno.copyFile(join(repoRoot, "lib", "tf.ts"), join(stageDir, "vendor", "tf_base.ts"));
  const recorder = await Deno.readTextFile(join(repoRoot, "grader", "child_tf.ts"));
  const from = `import { tf as real } from "../lib/tf.ts";`;
  if (!recorder.includes(from)) throw new Error(`grader/child_tf.ts must hold: ${from}`);
  await Deno.writeTextFile(
    join(stageDir, "lib", "tf.ts"),
    recorder.replace(from, `import { tf as real } from "../vendor/tf_base.ts";`),
  );
  await Deno.writeTextFile(join(stageDir, "vendor", "tfjs.js"), VENDOR);
  return {
    // The pin stays in the map under another name, so the course's lock still matches.
    imports: { "@tensorflow/tfjs": "./vendor/tfjs.js", "tensorlings:tfjs": pin },
    scopes: {
      "./lib/": { "@tensorflow/tfjs": pin },
      "./vendor/": { "@tensorflow/tfjs": pin },
    },
  };
}
