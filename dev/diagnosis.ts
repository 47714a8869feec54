/**
 * `deno task diagnosis`: runs every exercise's known-wrong variants
 * (`course/<lesson>/<name>/variants.ts`, grader only) on their probes and
 * writes the outputs as data to `course/<lesson>/<name>/diagnosis.json`. The
 * learner's loop names a mistake from that data, so the kit carries no
 * variant code (a variant with default knobs can be a correct answer).
 * `--check` exits 1 when a file is stale.
 *
 * @module
 */
import { join } from "node:path";
import { allExercises } from "../course/manifest.ts";
import type { ResolvedExercise } from "../course/types.ts";
import type { DiagnosisData } from "../course/load.ts";
import { variantsFor } from "../grader/course_data.ts";
import { reviveFunctions } from "../lib/fixtures.ts";
import { THREW } from "../lib/diagnose.ts";
import { toWire } from "../lib/wire.ts";

/**
 * The diagnosis data of one exercise, computed from its variants.
 *
 * @param ex The exercise.
 * @returns The data, or `null` when the exercise has no variants.
 */
export async function buildDiagnosis(ex: ResolvedExercise): Promise<DiagnosisData | null> {
  const v = await variantsFor(ex);
  if (!v) return null;
  const variants = [];
  for (const variant of v.variants) {
    const outputs = [];
    for (const args of v.probes) {
      try {
        outputs.push(await variant.fn(...(reviveFunctions(structuredClone(args)) as unknown[])));
      } catch {
        outputs.push(THREW);
      }
    }
    variants.push({ id: variant.id, section: variant.section, outputs });
  }
  return { probes: v.probes, variants };
}

/**
 * Every exercise's diagnosis file and its text.
 *
 * @returns Path (relative to the repository) → JSON text.
 */
export async function diagnosisFiles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ex of allExercises()) {
    const data = await buildDiagnosis(ex);
    if (data) out.set(ex.diagnosisFile, JSON.stringify(toWire(data)) + "\n");
  }
  return out;
}

if (import.meta.main) {
  const root = new URL("..", import.meta.url).pathname;
  const check = Deno.args.includes("--check");
  let stale = 0;
  for (const [rel, text] of await diagnosisFiles()) {
    const path = join(root, rel);
    const old = await Deno.readTextFile(path).catch(() => "");
    if (old === text) continue;
    stale++;
    if (check) console.error(`error: ${rel} is out of date. Run \`deno task diagnosis\`.`);
    else await Deno.writeTextFile(path, text);
  }
  if (check && stale) Deno.exit(1);
  if (!check) console.log(`wrote ${stale} diagnosis file(s)`);
}
