/**
 * `deno task test`: every check the kit has, in one command. Formatting,
 * lint, type checks, unit and integration tests, the lessons' code blocks,
 * and the author checks. Ends with a line `N passed, N failed`, where each
 * Deno test counts once and each other check counts once.
 *
 * @module
 */

interface Step {
  name: string;
  args: string[];
  /** Parse `deno test` counts instead of counting the step as one. */
  counts?: boolean;
}

const STEPS: Step[] = [
  { name: "format", args: ["fmt", "--check"] },
  { name: "lint", args: ["lint"] },
  { name: "type check", args: ["check", "."] },
  // Stubs are excluded from the lint config (their parameters are unused by design); their public tests are not.
  { name: "lint public tests", args: ["lint", "--no-config", ...publicTests()] },
  {
    name: "diagnosis data up to date",
    args: ["run", "--allow-read", "dev/diagnosis.ts", "--check"],
  },
  { name: "lesson figures up to date", args: ["run", "--allow-read", "dev/figures.ts", "--check"] },
  {
    name: "tests, doc blocks and lessons",
    args: ["test", "-A", "--doc", "--parallel", ...Deno.args],
    counts: true,
  },
];

/** Every public test file under exercises/. */
function publicTests(): string[] {
  const out: string[] = [];
  for (const lesson of Deno.readDirSync("exercises")) {
    if (!lesson.isDirectory) continue;
    for (const f of Deno.readDirSync(`exercises/${lesson.name}`)) {
      if (f.name.endsWith("_test.ts")) out.push(`exercises/${lesson.name}/${f.name}`);
    }
  }
  return out.sort();
}

let passed = 0;
let failed = 0;
const failures: string[] = [];
const t0 = performance.now();
for (const step of STEPS) {
  const s0 = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: step.args,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  const secs = ((performance.now() - s0) / 1000).toFixed(1);
  if (step.counts) {
    // deno test's summary: "ok | 12 passed (3 steps) | 0 failed" (ANSI codes stripped).
    // deno-lint-ignore no-control-regex
    const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
    const m = /\| (\d+) passed[^|]*\| (\d+) failed/.exec(plain);
    const p = m ? Number(m[1]) : 0;
    const f = m ? Number(m[2]) : 1;
    passed += p;
    failed += f;
    if (!out.success || !m) {
      failures.push(step.name);
      console.log(plain);
    }
    console.log(`${out.success ? "✓" : "✗"} ${step.name}: ${p} passed, ${f} failed (${secs} s)`);
  } else if (out.success) {
    passed++;
    console.log(`✓ ${step.name} (${secs} s)`);
  } else {
    failed++;
    failures.push(step.name);
    console.log(`✗ ${step.name} (${secs} s)\n${text.trim()}`);
  }
}
console.log(`\nall checks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (failures.length) console.log(`failed: ${failures.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
Deno.exit(failed === 0 ? 0 : 1);
