/**
 * Renders the class's gradebook as `report.html`: one self-contained page
 * (inline CSS and SVG, nothing fetched, readable without JavaScript; a tiny
 * script only adds sortable columns and opens every `<details>` for print).
 * Every piece of student-controlled text is escaped, and a Content Security
 * Policy allows nothing but the page's own style and script.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { studentPairs } from "./similarity.ts";
import type { Gradebook, StudentRecord } from "./class_types.ts";
import type { ExerciseResult } from "./record.ts";
import {
  barSvg,
  binScores,
  escapeHtml as esc,
  fmt,
  histogramSvg,
  lessonLink,
  none,
  pct,
  REPORT_CSS,
  REPORT_SCRIPT,
  table,
  td,
} from "./report_svg.ts";

/** One hidden case's results across the class. */
export interface CaseStats {
  name: string;
  max: number;
  passed: number;
  /** Students who attempted the exercise. */
  of: number;
  /** How the others' cases ended, by outcome (`wrong`, `threw`, `timeout`, …). */
  outcomes: Record<string, number>;
}

/** A diagnosed misconception and how many students it named. */
export interface MisconceptionStats {
  id: string;
  title: string;
  link: string;
  count: number;
}

/** One exercise's results across the class. */
export interface ExerciseStats {
  name: string;
  lesson: string;
  max: number;
  /** Graded students with a result for this exercise. */
  graded: number;
  /** Of those, the ones who changed the stub (see {@link isUnchangedStub}). */
  attempted: number;
  /** Attempted with full marks. */
  full: number;
  /** `full / attempted` (NaN when nobody attempted). */
  passRate: number;
  /** Mean score over the `graded` students (NaN when none). */
  meanScore: number;
  cases: CaseStats[];
  /** Most frequent first. */
  misconceptions: MisconceptionStats[];
}

/** The numbers the report shows. */
export interface ClassStats {
  graded: StudentRecord[];
  errors: StudentRecord[];
  /** Final scores (after the late penalty) of the graded students. */
  finals: number[];
  mean: number;
  median: number;
  exercises: ExerciseStats[];
}

/**
 * Whether an exercise was not attempted: its file is missing, the published
 * stub, or still throws the stub's "Not implemented" (every case's outcome is
 * `not-attempted`). Such exercises are left out of pass rates.
 *
 * @param er One exercise's result.
 * @returns True when not attempted.
 */
export function isUnchangedStub(er: ExerciseResult): boolean {
  if (er.untouched) return true;
  return er.cases.length > 0 && er.cases.every((c) => c.outcome === "not-attempted");
}

/**
 * The median of some numbers.
 *
 * @param xs The numbers (not modified).
 * @returns The middle value, the mean of the two middle values, or NaN when empty.
 */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Computes the class statistics the report shows.
 *
 * @param gb The gradebook.
 * @returns Counts, mean and median of the final scores, and per-exercise results.
 */
export function classStats(gb: Gradebook): ClassStats {
  const graded = gb.students.filter((s) => s.status === "graded");
  const errors = gb.students.filter((s) => s.status !== "graded");
  const finals = graded.map((s) => s.finalScore);
  const exercises = gb.exercises.map((ex): ExerciseStats => {
    const results = graded.flatMap((s) =>
      s.result?.exercises.filter((e) => e.name === ex.name) ?? []
    );
    const tried = results.filter((e) => !isUnchangedStub(e));
    const cases = new Map<string, CaseStats>();
    const misc = new Map<string, MisconceptionStats>();
    for (const er of tried) {
      for (const c of er.cases) {
        // By the case's stable id (records from before ids existed have only names).
        const key = c.id ?? c.name;
        const cs = cases.get(key) ??
          { name: c.name, max: c.max, passed: 0, of: 0, outcomes: {} };
        cs.of++;
        if (c.status === "passed") cs.passed++;
        else {
          const why = c.voided ? "not counted" : c.outcome ?? "failed";
          cs.outcomes[why] = (cs.outcomes[why] ?? 0) + 1;
        }
        cases.set(key, cs);
      }
      const d = er.diagnosis;
      if (d) {
        const m = misc.get(d.id) ?? { id: d.id, title: d.title, link: d.link, count: 0 };
        m.count++;
        misc.set(d.id, m);
      }
    }
    const full = tried.filter((e) => e.max > 0 && e.score >= e.max).length;
    return {
      ...ex,
      graded: results.length,
      attempted: tried.length,
      full,
      passRate: tried.length ? full / tried.length : NaN,
      meanScore: results.length ? results.reduce((s, e) => s + e.score, 0) / results.length : NaN,
      cases: [...cases.values()],
      misconceptions: [...misc.values()].sort((a, b) =>
        b.count - a.count || (a.id < b.id ? -1 : 1)
      ),
    };
  });
  const mean = finals.length ? finals.reduce((a, b) => a + b, 0) / finals.length : NaN;
  return { graded, errors, finals, mean, median: median(finals), exercises };
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64");

/** The page allows its own inline style and script, by hash, and nothing else. */
const CSP = `default-src 'none'; style-src 'sha256-${sha256(REPORT_CSS)}'; ` +
  `script-src 'sha256-${sha256(REPORT_SCRIPT)}'; base-uri 'none'; form-action 'none'`;

function header(gb: Gradebook, st: ClassStats): string {
  const when = new Date(gb.generatedAt);
  const shown = Number.isNaN(when.getTime())
    ? gb.generatedAt
    : when.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  const item = (id: string, label: string, value: string) =>
    `<div><dt>${label}</dt><dd id="stat-${id}">${value}</dd></div>`;
  return `<header><h1>Class report</h1><dl class="stats">` +
    item("max", "Course maximum", `${fmt(gb.max)} points`) +
    item("graded", "Students graded", String(st.graded.length)) +
    item("errors", "Could not be graded", String(st.errors.length)) +
    item("mean", "Mean final score", fmt(st.mean)) +
    item("median", "Median final score", fmt(st.median)) +
    item("generated", "Generated", `<time datetime="${esc(gb.generatedAt)}">${esc(shown)}</time>`) +
    `</dl><p class="note">Scores are after the late penalty; mean and median are over the ` +
    `graded students. ${gb.exercises.length} exercises; similarity checked with ` +
    `${esc(gb.similarityTool)}.</p></header>`;
}

function exercisesTable(st: ClassStats): string {
  const rows = st.exercises.map((e) => [
    `<th scope="row"><a href="#cases-${esc(e.name)}">${esc(e.name)}</a></th>`,
    td(esc(e.lesson)),
    td(fmt(e.max), e.max),
    td(String(e.attempted), e.attempted),
    td(String(e.full), e.full),
    td(`${barSvg(e.passRate)} <span>${pct(e.passRate)}</span>`, e.passRate || 0),
    td(`${barSvg(e.meanScore / e.max)} <span>${fmt(e.meanScore)}</span>`, e.meanScore || 0),
  ]);
  return table(
    "Pass rate = students with full marks ÷ students who attempted (changed the stub). " +
      "Mean score is over every graded student.",
    ["Exercise", "Lesson", "Max", "Attempted", "Full marks", "Pass rate", "Mean score"],
    rows,
    "sortable",
  );
}

function casesDetails(st: ClassStats): string {
  return st.exercises.map((e) => {
    const rate = (c: CaseStats) => c.passed / c.of;
    const worst = [...e.cases].sort((a, b) => rate(a) - rate(b))[0];
    const summary = worst
      ? `${e.cases.length} cases · lowest pass rate ${pct(rate(worst))} (${esc(worst.name)})`
      : "no attempts";
    const rows = e.cases.map((c) => [
      `<th scope="row">${esc(c.name)}</th>`,
      td(fmt(c.max), c.max),
      td(`${c.passed} / ${c.of}`, c.passed),
      td(`${barSvg(rate(c))} <span>${pct(rate(c))}</span>`, rate(c)),
      td(
        esc(
          Object.entries(c.outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${n} ${o}`)
            .join(", "),
        ),
      ),
    ]);
    const caption = `Among the ${e.attempted} students who attempted ${esc(e.name)}`;
    const body = rows.length
      ? table(caption, ["Case", "Points", "Passed", "Pass rate", "The others"], rows)
      : none("Nobody attempted this exercise.");
    return `<details id="cases-${esc(e.name)}"><summary><strong>${esc(e.name)}</strong> — ` +
      `${summary}</summary>${body}</details>`;
  }).join("\n");
}

function distribution(gb: Gradebook, st: ClassStats): string {
  if (!st.finals.length) return none("No student was graded.");
  const bins = binScores(st.finals, gb.max);
  return `<figure>${histogramSvg(bins, { label: "median", value: st.median })}` +
    `<figcaption>Final scores of the ${st.finals.length} graded students, in bins of ` +
    `${fmt(bins[0].hi - bins[0].lo)} points.</figcaption></figure>`;
}

function misconceptionsTable(st: ClassStats): string {
  const rows = st.exercises.flatMap((e) => e.misconceptions.map((m) => ({ e, m }))).sort((a, b) =>
    b.m.count - a.m.count
  ).map(({ e, m }) => [
    `<th scope="row">${esc(e.name)}</th>`,
    td(`${lessonLink(m.link, m.title)} <code>${esc(m.id)}</code>`),
    td(String(m.count), m.count),
    td(pct(m.count / e.attempted), m.count / e.attempted),
  ]);
  if (!rows.length) return none("No misconception was diagnosed.");
  return table(
    "Mistakes the grader recognised, most frequent first; the title links to the lesson section.",
    ["Exercise", "Misconception", "Students", "Share of attempts"],
    rows,
    "sortable",
  );
}

/** The student's name, linked to their row in the per-student table. */
function studentRef(gb: Gradebook): (id: string) => string {
  const index = new Map(gb.students.map((s, i) => [s.id, i]));
  return (id) => index.has(id) ? `<a href="#student-${index.get(id)}">${esc(id)}</a>` : esc(id);
}

function flagsTable(gb: Gradebook, ref: (id: string) => string): string {
  const rows = gb.students.flatMap((s) =>
    (s.result?.flags ?? []).map((f) => [
      `<th scope="row">${ref(s.id)}</th>`,
      td(`<code>${esc(f.code)}</code>`),
      td(esc(f.exercise ?? "—")),
      td(esc(f.message)),
    ])
  );
  return rows.length
    ? table(
      "Problems found while grading",
      ["Student", "Flag", "Exercise", "Message"],
      rows,
      "sortable",
    )
    : none("No submission was flagged.");
}

function errorsTable(st: ClassStats, ref: (id: string) => string): string {
  const rows = st.errors.map((s) => [
    `<th scope="row">${ref(s.id)}</th>`,
    td(esc(s.error ?? "no reason recorded")),
  ]);
  return rows.length
    ? table("Submissions that could not be graded at all", ["Student", "Error"], rows)
    : none("Every submission was graded.");
}

function lateTable(gb: Gradebook, ref: (id: string) => string): string {
  const rows = gb.students.filter((s) => s.late && s.late.daysLate > 0).map((s) => [
    `<th scope="row">${ref(s.id)}</th>`,
    td(`${esc(s.late!.submittedAt)} <small>(${esc(s.late!.source)})</small>`),
    td(String(s.late!.daysLate), s.late!.daysLate),
    td(pct(s.late!.penalty), s.late!.penalty),
    td(`${fmt(s.result?.score ?? 0)} → ${fmt(s.finalScore)}`, s.finalScore),
  ]);
  return rows.length
    ? table(
      "Late submissions (time from the hand-in manifest, or the file's modification time)",
      ["Student", "Handed in", "Days late", "Penalty", "Score → final"],
      rows,
      "sortable",
    )
    : none("No submission was late.");
}

function similarityTable(gb: Gradebook, ref: (id: string) => string): string {
  const lines = (r: [number, number]) => `${r[0]}–${r[1]}`;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  // Older gradebooks (or merged ones) may carry only the per-exercise pairs.
  const pairs = gb.similarityStudents ?? studentPairs(gb.similarity, Infinity).pairs;
  const rows = pairs.map((p) => [
    td(ref(p.a)),
    td(ref(p.b)),
    td(String(p.exercises), p.exercises),
    td(pct(p.meanScore), p.meanScore),
    td(
      `<details><summary>${
        p.evidence.map((e) => `${esc(e.exercise)} ${pct(e.score)}`).join(", ")
      }</summary><ul>${
        p.evidence.map((e) =>
          `<li>${esc(e.exercise)}: ${pct(e.score)} overlap, lines ${lines(e.linesA)} in ${
            ref(p.a)
          } and ${lines(e.linesB)} in ${ref(p.b)}, ${
            n(e.linesA[1] - e.linesA[0] + 1, "line")
          } shared:<pre>${esc(e.fragment)}</pre></li>`
        ).join("")
      }</ul></details>`,
    ),
  ]);
  const found = gb.similarityFound ?? pairs.length;
  const cut = found > pairs.length
    ? ` — the first ${pairs.length} of ${found} pairs of students, most exercises first`
    : "";
  return rows.length
    ? table(
      `Pairs of students with suspicious overlap, most exercises in common first (${
        esc(gb.similarityTool)
      }${cut}): a lead to look at, not a verdict`,
      ["Student A", "Student B", "Exercises", "Mean overlap", "Evidence per exercise"],
      rows,
      "sortable",
    )
    : none("No pair of submissions overlapped suspiciously.");
}

function studentsTable(gb: Gradebook): string {
  const rows = gb.students.map((s, i) => {
    const by = new Map((s.result?.exercises ?? []).map((e) => [e.name, e]));
    const cells = gb.exercises.map((ex) => {
      const e = by.get(ex.name);
      if (!e) return td("—", -1);
      const cls = e.max > 0 && e.score >= e.max ? "full" : e.score === 0 ? "zero" : "";
      return `<td class="num ${cls}" data-v="${e.score}">${fmt(e.score)}</td>`;
    });
    const late = s.late && s.late.daysLate > 0 ? `${s.late.daysLate} d` : "";
    return [
      `<th scope="row" id="student-${i}">${esc(s.id)}</th>`,
      s.status === "graded"
        ? td(fmt(s.finalScore), s.finalScore)
        : td(`<a class="error" href="#errors">error</a>`, -1),
      ...cells,
      td(String(s.result?.flags.length ?? 0), s.result?.flags.length ?? 0),
      td(late, s.late?.daysLate ?? 0),
    ];
  });
  return table(
    `Every student: final score of ${fmt(gb.max)}, then points per exercise (— = not graded)`,
    [
      "Student",
      "Final",
      ...gb.exercises.map((e) =>
        `<span class="vert" title="max ${fmt(e.max)}">${esc(e.name)}</span>`
      ),
      "Flags",
      "Late",
    ],
    rows,
    "sortable students",
  );
}

/**
 * Renders the class report.
 *
 * @param gb The gradebook.
 * @returns A complete, self-contained HTML page.
 */
export function renderReport(gb: Gradebook): string {
  const st = classStats(gb);
  const ref = studentRef(gb);
  // [id, link text, heading, body]
  const sections: Array<[string, string, string, string]> = [
    ["distribution", "Distribution", "Score distribution", distribution(gb, st)],
    ["exercises", "Exercises", "Exercises", exercisesTable(st)],
    ["cases", "Cases", "Hidden cases", casesDetails(st)],
    ["misconceptions", "Misconceptions", "Most common misconceptions", misconceptionsTable(st)],
    ["flags", "Flags", "Flagged submissions", flagsTable(gb, ref)],
    ["errors", "Not graded", "Could not be graded", errorsTable(st, ref)],
    ["late", "Late", "Late submissions", lateTable(gb, ref)],
    ["similarity", "Similarity", "Similar submissions", similarityTable(gb, ref)],
    ["students", "Students", "Students", studentsTable(gb)],
  ];
  const nav = sections.map(([id, link]) => `<li><a href="#${id}">${link}</a></li>`).join("");
  const main = sections.map(([id, , title, body]) =>
    `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>\n${body}\n</section>`
  ).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Class report — ${gb.students.length} students</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${header(gb, st)}
<nav aria-label="Sections"><ul>${nav}</ul></nav>
<main>
${main}
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
