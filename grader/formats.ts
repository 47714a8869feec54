/**
 * The grade record as text (people), JSON (tools), Gradescope's
 * `results.json`, and JUnit XML (CI dashboards).
 *
 * @module
 */
import type { CaseResult, ExerciseResult, GradeResult } from "./record.ts";
import { clean, xmlText } from "./sanitize.ts";

/** Output formats of `deno task grade`. */
export const FORMATS = ["text", "json", "gradescope", "junit"] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

/**
 * Sentences about an exercise as a whole: the grading rules applied to it, and
 * the other exercises its imports were graded with.
 *
 * @param ex One exercise's result.
 * @returns Zero or more sentences.
 */
export function exerciseNotes(ex: ExerciseResult): string[] {
  const out = [...(ex.notes ?? [])];
  const failing = ex.dependencies?.filter((d) => d.passes === false).map((d) => d.name) ?? [];
  // Said when it matters: the exercise lost points, or the student's own dependency is wrong.
  if (ex.dependencies?.length && (ex.score < ex.max || failing.length)) {
    out.push(
      `Graded with the reference ${ex.dependencies.map((d) => d.name).join(", ")} (which your ` +
        "file imports), so a mistake there is charged only in that exercise.",
    );
    if (failing.length) {
      out.push(
        `Your ${failing.join(", ")} ${
          failing.length > 1 ? "fail" : "fails"
        } some of its own cases: this exercise may not work with it as it stands.`,
      );
    }
  }
  return out;
}

/** A case that did not run or could not finish, as opposed to a wrong answer. */
const isError = (c: CaseResult) =>
  !["passed", "wrong", "not-run", "not-attempted"].includes(c.outcome) && !c.voided;
const isSkipped = (c: CaseResult) => c.outcome === "not-run" || c.outcome === "not-attempted";

/** A table per exercise, feedback, flags and the total. */
export function toText(r: GradeResult): string {
  // Every string may carry what a student wrote (IDs, messages, returned values): one clean line each.
  const c = (s: unknown) => clean(s);
  const out: string[] = [];
  out.push(`Tensorlings grade${r.student ? ` for ${c(r.student)}` : ""}: ${r.score} / ${r.max}`);
  for (const ex of r.exercises) {
    out.push("", `${c(ex.lesson)}/${c(ex.name)}  ${ex.score} / ${ex.max}`);
    for (const k of ex.cases) {
      out.push(`  ${k.status === "passed" ? "✓" : "✗"} ${pad(c(k.name), 60)} ${k.score}/${k.max}`);
      if (k.message) out.push(`      ${c(k.message)}`);
    }
    for (const note of exerciseNotes(ex)) out.push(`  Note: ${c(note)}`);
    if (ex.diagnosis) {
      out.push(`  Likely mistake: ${c(ex.diagnosis.title)}`);
      if (ex.diagnosis.explain) out.push(`    ${c(ex.diagnosis.explain)}`);
      out.push(`    See ${c(ex.diagnosis.link)}`);
    }
  }
  if (r.flags.length) {
    out.push("", "Flags:");
    for (const f of r.flags) {
      out.push(`  [${c(f.code)}]${f.exercise ? ` ${c(f.exercise)}:` : ""} ${c(f.message)}`);
    }
  }
  out.push(
    "",
    `Total: ${r.score} / ${r.max}  (graded in ${(r.timings.totalMs / 1000).toFixed(2)} s)`,
  );
  return out.join("\n") + "\n";
}

/**
 * Gradescope's autograder `results.json`.
 *
 * @param r The grade record.
 * @param visibility Visibility of the hidden cases (`after_published` by default).
 * @returns The JSON text.
 */
export function toGradescope(
  r: GradeResult,
  visibility: "hidden" | "after_due_date" | "after_published" | "visible" = "after_published",
): string {
  const flagText = r.flags.map((f) =>
    `[${f.code}] ${f.exercise ? f.exercise + ": " : ""}${f.message}`
  );
  const results = {
    score: r.score,
    execution_time: Math.round(r.timings.totalMs / 1000),
    output: [`Total ${r.score} / ${r.max}.`, ...flagText].join("\n"),
    visibility: "visible",
    stdout_visibility: "hidden",
    tests: r.exercises.flatMap((ex) =>
      ex.cases.map((c) => ({
        name: `${ex.name}: ${c.name}`,
        score: c.score,
        max_score: c.max,
        status: c.status,
        output: [
          c.message,
          ...(c.status === "failed" ? exerciseNotes(ex) : []),
          ex.diagnosis && c.status === "failed"
            ? `Likely mistake: ${ex.diagnosis.title}. ${ex.diagnosis.explain} See ${ex.diagnosis.link}`
            : "",
        ].filter(Boolean).join("\n"),
        visibility,
      }))
    ),
  };
  return JSON.stringify(results, null, 2) + "\n";
}

const xml = xmlText;

/** JUnit XML: a suite per exercise, a test case per hidden case. */
export function toJunit(r: GradeResult): string {
  const suites = r.exercises.map((ex) => {
    const failures = ex.cases.filter((c) => c.status === "failed" && !isError(c) && !isSkipped(c))
      .length;
    const errors = ex.cases.filter(isError).length;
    const skipped = ex.cases.filter(isSkipped).length;
    const time = ex.cases.reduce((s, c) => s + c.ms, 0) / 1000;
    const cases = ex.cases.map((c) => {
      const head = `    <testcase classname="${xml(`${ex.lesson}.${ex.name}`)}" name="${
        xml(c.name)
      }" time="${(c.ms / 1000).toFixed(3)}"`;
      // JUnit's three kinds: a wrong answer fails, a call that threw or never finished is an
      // error, a case that never ran is skipped.
      const tag = c.status === "passed"
        ? ""
        : isSkipped(c)
        ? `<skipped message="${xml(c.message)}"/>`
        : isError(c)
        ? `<error type="${xml(c.outcome)}" message="${xml(c.message)}">${xml(c.message)}</error>`
        : `<failure type="${xml(c.voided ?? c.outcome)}" message="${xml(c.message)}">${
          xml(c.message)
        }</failure>`;
      return tag ? `${head}>\n      ${tag}\n    </testcase>` : `${head}/>`;
    });
    return `  <testsuite name="${
      xml(ex.name)
    }" tests="${ex.cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${
      time.toFixed(3)
    }">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const tests = r.exercises.reduce((s, e) => s + e.cases.length, 0);
  const all = r.exercises.flatMap((e) => e.cases);
  const errors = all.filter(isError).length;
  const skipped = all.filter(isSkipped).length;
  const failures = all.filter((c) => c.status === "failed").length - errors - skipped;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${
    xml(`tensorlings${r.student ? " " + r.student : ""}`)
  }" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${
    (r.timings.totalMs / 1000).toFixed(3)
  }">\n${suites.join("\n")}\n</testsuites>\n`;
}

/**
 * Renders a grade record.
 *
 * @param r The record.
 * @param format The format.
 * @returns The text to print or save.
 */
export function render(r: GradeResult, format: Format): string {
  switch (format) {
    case "json":
      return JSON.stringify(r, null, 2) + "\n";
    case "gradescope":
      return toGradescope(r);
    case "junit":
      return toJunit(r);
    default:
      return toText(r);
  }
}
