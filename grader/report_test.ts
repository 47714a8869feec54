import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { allExercises } from "../course/manifest.ts";
import { rng } from "../lib/random.ts";
import type { Gradebook, LateInfo, StudentRecord } from "./class_types.ts";
import type { CaseResult, Diagnosis, ExerciseResult } from "./record.ts";
import type { Flag } from "./submission.ts";
import { classStats, median, renderReport } from "./report.ts";
import { binScores } from "./report_svg.ts";

const EVIL_ID = "<script>alert(1)</script>";
const EVIL_FRAGMENT = "const x = 1;\n</pre><img src=x onerror=alert(1)>\nreturn x;";
const STUB = "not implemented yet (the stub still throws)";

const diag = (id: string, section: string): Diagnosis => ({
  id,
  title: `Title of ${id}`,
  explain: "",
  link: `lessons/01_linear_regression.md#${section}`,
});

/** An exercise result from a pattern: one letter per case, P passed, F failed, S stub. */
function ex(name: string, pattern: string, points: number, diagnosis?: Diagnosis): ExerciseResult {
  const cases: CaseResult[] = [...pattern].map((p, i) => ({
    id: `case ${String.fromCharCode(97 + i)}`,
    name: `case ${String.fromCharCode(97 + i)}`,
    score: p === "P" ? points : 0,
    max: points,
    status: p === "P" ? "passed" : "failed",
    outcome: p === "P" ? "passed" : p === "S" ? "not-attempted" : "wrong",
    message: p === "P" ? "" : p === "S" ? STUB : "expected 3, got 4",
    ms: 3,
  }));
  const score = cases.reduce((s, c) => s + c.score, 0);
  return {
    name,
    lesson: "01_linear_regression",
    score,
    max: points * pattern.length,
    cases,
    ...(diagnosis ? { diagnosis } : {}),
  };
}

function graded(
  id: string,
  exercises: ExerciseResult[],
  extra: { flags?: Flag[]; late?: LateInfo } = {},
): StudentRecord {
  const score = exercises.reduce((s, e) => s + e.score, 0);
  const max = exercises.reduce((s, e) => s + e.max, 0);
  const finalScore = Math.round(score * (1 - (extra.late?.penalty ?? 0)) * 100) / 100;
  return {
    id,
    status: "graded",
    result: {
      student: id,
      submission: `/subs/${id}`,
      score,
      max,
      exercises,
      flags: extra.flags ?? [],
      timings: { totalMs: 100, childStarts: 1, perChildMs: 50 },
      runtime: {},
      hashes: { submission: "h", grader: "g" },
      gradedAt: "2025-03-01T10:00:00.000Z",
    },
    ...(extra.late ? { late: extra.late } : {}),
    finalScore,
    inputHash: "h",
    graderHash: "g",
  };
}

const failed = (id: string, error: string): StudentRecord => ({
  id,
  status: "error",
  error,
  finalScore: 0,
  inputHash: "h",
  graderHash: "g",
});

/**
 * Four graded students and one error, on three exercises of 10 points.
 * Finals 30, 4 (late), 25, 15: mean 18.5, median 20.
 */
export function smallGradebook(): Gradebook {
  const noBias = diag("predict.no_bias", "prediction");
  const mseSum = diag("mse.sum", "mean-squared-error");
  return {
    exercises: [
      { name: "predict", lesson: "01_linear_regression", max: 10 },
      { name: "mse", lesson: "01_linear_regression", max: 10 },
      { name: "r_squared", lesson: "01_linear_regression", max: 10 },
    ],
    max: 30,
    students: [
      graded("ada", [ex("predict", "PP", 5), ex("mse", "PP", 5), ex("r_squared", "PP", 5)]),
      graded("bob", [
        ex("predict", "PF", 5, noBias),
        ex("mse", "SS", 5),
        ex("r_squared", "FF", 5, diag("r_squared.ratio", "how-good-is-the-fit-r-squared")),
      ], {
        late: {
          submittedAt: "2025-03-03T09:00:00Z",
          source: "manifest",
          daysLate: 2,
          penalty: 0.2,
        },
      }),
      graded(EVIL_ID, [
        ex("predict", "PP", 5),
        ex("mse", "PF", 5, mseSum),
        ex("r_squared", "PP", 5),
      ], {
        flags: [{ code: "timeout", exercise: "mse", message: "ran <b>longer</b> than 2000 ms" }],
      }),
      graded("dee", [
        ex("predict", "FF", 5, noBias),
        ex("mse", "PF", 5, mseSum),
        ex("r_squared", "PP", 5),
      ]),
      failed("eve", "eve.zip is not a zip file <x>"),
    ],
    similarity: [{
      exercise: "mse",
      a: "ada",
      b: EVIL_ID,
      score: 0.873,
      fragment: EVIL_FRAGMENT,
      linesA: [3, 5],
      linesB: [4, 6],
    }],
    similarityTool: "winnowing k=5 w=4",
    generatedAt: "2025-03-04T08:30:00.000Z",
  };
}

/**
 * A realistic class for the browser test: every course exercise, 40 students,
 * seeded. Exported to look at the page by hand:
 * `deno eval 'import {classGradebook} from "./grader/report_test.ts"; ...'`.
 */
export function classGradebook(): Gradebook {
  const r = rng(2025);
  const exercises = allExercises().map((e, i) => ({
    name: e.name,
    lesson: e.lesson.dir,
    max: 10,
    cases: i % 3 === 0 ? 2 : 5,
    difficulty: 0.1 + 0.05 * i,
  }));
  const students: StudentRecord[] = [];
  for (let s = 0; s < 40; s++) {
    const id = s === 7 ? EVIL_ID : `s${String(1000 + s * 37)}`;
    if (s === 11 || s === 23) {
      students.push(failed(id, "the grader failed on this submission (child exited 139)"));
      continue;
    }
    const ability = r.uniform(0.3, 1);
    const flags: Flag[] = [];
    const results = exercises.map((e, i) => {
      const stub = i > 6 && r.next() < 0.15;
      const pattern = Array.from(
        { length: e.cases },
        () => (stub ? "S" : r.next() < ability - e.difficulty + 0.3 ? "P" : "F"),
      ).join("");
      const wrong = pattern.includes("F") && r.next() < 0.6;
      const d = wrong
        ? diag(`${e.name}.${r.next() < 0.6 ? "sign" : "transposed"}`, e.name)
        : undefined;
      if (r.next() < 0.02) {
        flags.push({
          code: "timeout",
          exercise: e.name,
          message: "ran longer than 2000 ms and was stopped",
        });
      }
      return ex(e.name, pattern, 10 / e.cases, d);
    });
    const late = s % 9 === 4
      ? {
        submittedAt: "2025-03-02T23:10:00Z",
        source: "mtime" as const,
        daysLate: 1 + (s % 3),
        penalty: 0.1 * (1 + (s % 3)),
      }
      : undefined;
    students.push(graded(id, results, { flags, ...(late ? { late } : {}) }));
  }
  const small = smallGradebook();
  return {
    exercises: exercises.map(({ name, lesson, max }) => ({ name, lesson, max })),
    max: exercises.length * 10,
    students,
    similarity: [
      ...small.similarity.map((p) => ({ ...p, a: "s1037" })),
      {
        exercise: "adam",
        a: "s1074",
        b: "s1111",
        score: 0.64,
        fragment: "m = b1 * m + (1 - b1) * g;",
        linesA: [12, 12],
        linesB: [9, 9],
      },
    ],
    similarityTool: small.similarityTool,
    generatedAt: small.generatedAt,
  };
}

/** The text of the element with this id (tags stripped, entities kept). */
function byId(html: string, id: string): string {
  const m = html.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(dd|details)>`));
  assert.ok(m, `no element with id ${id}`);
  return m[1].replace(/<[^>]*>/g, "").trim();
}

/** The HTML of one `<section>`. */
function section(html: string, id: string): string {
  const m = html.match(new RegExp(`<section id="${id}"[\\s\\S]*?</section>`));
  assert.ok(m, `no section ${id}`);
  return m[0];
}

/** The cells' text (tags stripped, entities kept) of each body row. */
function rows(html: string): string[][] {
  const body = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]).join("");
  return (body.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((r) =>
    r.split(/<\/t[dh]>/).slice(0, -1).map((c) => c.replace(/<[^>]*>/g, "").trim())
  );
}

Deno.test("median() handles odd, even and empty lists", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

Deno.test("binScores() puts a full score in the last bin", () => {
  const bins = binScores([0, 9.99, 10, 95, 100], 100);
  assert.deepEqual(bins.map((b) => b.count), [2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
});

Deno.test("classStats() counts the class", async (t) => {
  const st = classStats(smallGradebook());
  await t.step("graded, errors, mean and median of the final scores", () => {
    assert.equal(st.graded.length, 4);
    assert.equal(st.errors.length, 1);
    assert.deepEqual(st.finals, [30, 4, 25, 15]);
    assert.equal(st.mean, 18.5);
    assert.equal(st.median, 20);
  });
  await t.step("pass rates are full marks over attempts; the unchanged stub is no attempt", () => {
    const [predict, mse, rSquared] = st.exercises;
    assert.deepEqual([predict.attempted, predict.full, predict.passRate], [4, 2, 0.5]);
    assert.deepEqual([mse.graded, mse.attempted, mse.full], [4, 3, 1]);
    assert.equal(mse.passRate, 1 / 3);
    assert.equal(mse.meanScore, 5); // (10 + 0 + 5 + 5) / 4, the stub counting 0
    assert.equal(rSquared.passRate, 0.75);
  });
  await t.step("per-case pass rates among those who attempted", () => {
    const [predict, mse] = st.exercises;
    const show = (e: typeof predict) => e.cases.map((c) => [c.name, c.passed, c.of]);
    assert.deepEqual(show(predict), [["case a", 3, 4], ["case b", 2, 4]]);
    assert.deepEqual(show(mse), [["case a", 3, 3], ["case b", 1, 3]]);
  });
  await t.step("misconceptions counted per exercise", () => {
    const show = st.exercises.map((e) => e.misconceptions.map((m) => `${m.id}×${m.count}`));
    assert.deepEqual(show, [["predict.no_bias×2"], ["mse.sum×2"], ["r_squared.ratio×1"]]);
  });
});

/** The report's sections, in page order. */
const SECTIONS = [
  "distribution",
  "exercises",
  "cases",
  "misconceptions",
  "flags",
  "errors",
  "late",
  "similarity",
  "students",
];

Deno.test("renderReport() shows every section with the right numbers", async (t) => {
  const html = renderReport(smallGradebook());
  await t.step("sections in order, each with a heading", () => {
    const ids = [...html.matchAll(/<section id="([a-z]+)"[^>]*><h2 id="\1-h">/g)].map((m) => m[1]);
    assert.deepEqual(ids, SECTIONS);
    assert.match(html, /<h1>Class report<\/h1>/);
    assert.match(html, /<svg class="histogram"[^>]*role="img"/);
  });
  await t.step("header figures", () => {
    assert.equal(byId(html, "stat-max"), "30 points");
    assert.equal(byId(html, "stat-graded"), "4");
    assert.equal(byId(html, "stat-errors"), "1");
    assert.equal(byId(html, "stat-mean"), "18.5");
    assert.equal(byId(html, "stat-median"), "20");
    assert.equal(byId(html, "stat-generated"), "2025-03-04 08:30 UTC");
  });
  await t.step("histogram: four graded students in the right bins", () => {
    const svg = section(html, "distribution");
    assert.match(svg, /0–3: 0; 3–6: 1; 6–9: 0; 9–12: 0; 12–15: 0; 15–18: 1; 18–21: 0;/);
    assert.match(svg, /21–24: 0; 24–27: 1; 27–30: 1\./);
    assert.match(svg, />median 20</);
  });
  await t.step("exercises: attempted, full marks, pass rate, mean", () => {
    assert.deepEqual(rows(section(html, "exercises")), [
      ["predict", "01_linear_regression", "10", "4", "2", "50%", "6.3"],
      ["mse", "01_linear_regression", "10", "3", "1", "33%", "5"],
      ["r_squared", "01_linear_regression", "10", "4", "3", "75%", "7.5"],
    ]);
  });
  await t.step("cases, per exercise in <details>", () => {
    assert.match(byId(html, "cases-predict"), /2 cases · lowest pass rate 50% \(case b\)/);
    assert.deepEqual(rows(byIdHtml(html, "cases-mse")), [
      ["case a", "5", "3 / 3", "100%", ""],
      ["case b", "5", "1 / 3", "33%", "2 wrong"],
    ]);
  });
  await t.step("misconceptions, most frequent first, linked to the lesson", () => {
    const m = section(html, "misconceptions");
    assert.deepEqual(rows(m).map((r) => [r[0], r[2], r[3]]), [
      ["predict", "2", "50%"],
      ["mse", "2", "67%"],
      ["r_squared", "1", "25%"],
    ]);
    assert.match(
      m,
      /<a href="lessons\/01_linear_regression.md#prediction">Title of predict.no_bias<\/a>/,
    );
  });
  await t.step("flags, errors, late, similarity", () => {
    assert.deepEqual(rows(section(html, "flags")), [
      [esc(EVIL_ID), "timeout", "mse", "ran &lt;b&gt;longer&lt;/b&gt; than 2000 ms"],
    ]);
    assert.deepEqual(rows(section(html, "errors")), [[
      "eve",
      "eve.zip is not a zip file &lt;x&gt;",
    ]]);
    assert.deepEqual(rows(section(html, "late")), [
      ["bob", "2025-03-03T09:00:00Z (manifest)", "2", "20%", "5 → 4"],
    ]);
    assert.deepEqual(rows(section(html, "similarity")).map((r) => r.slice(0, 4)), [
      ["ada", esc(EVIL_ID), "1", "87%"],
    ]);
  });
  await t.step("students: final, per exercise, flags, late", () => {
    assert.deepEqual(rows(section(html, "students")), [
      ["ada", "30", "10", "10", "10", "0", ""],
      ["bob", "4", "5", "0", "0", "0", "2 d"],
      [esc(EVIL_ID), "25", "10", "5", "10", "1", ""],
      ["dee", "15", "0", "5", "10", "0", ""],
      ["eve", "error", "—", "—", "—", "0", ""],
    ]);
  });
});

/** The HTML of the element with this id, up to its closing tag. */
function byIdHtml(html: string, id: string): string {
  const m = html.match(new RegExp(`id="${id}"[\\s\\S]*?</details>`));
  assert.ok(m, `no element with id ${id}`);
  return m[0];
}

const esc = (s: string) => s.replaceAll("<", "&lt;").replaceAll(">", "&gt;");

Deno.test("renderReport() escapes student-controlled text", () => {
  const html = renderReport(smallGradebook());
  assert.ok(!html.includes(EVIL_ID));
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(!html.includes("<img"));
  assert.ok(html.includes("&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;"));
  assert.ok(!html.includes("<b>longer"));
  assert.equal(html.match(/<script/g)?.length, 1, "only the page's own script");
  assert.equal(html.match(/<\/pre>/g)?.length, 1, "the fragment's </pre> is text");
});

Deno.test("renderReport() links nothing outside the page", () => {
  const gb = smallGradebook();
  gb.students[0].result!.exercises[0].diagnosis = {
    ...diag("x", "y"),
    link: "javascript:alert(1)",
  };
  const html = renderReport(gb);
  assert.doesNotMatch(html, /\b(src|href)=["']?(https?:|\/\/|javascript:|data:)/i);
  assert.doesNotMatch(html, /<link|@import|url\(|https?:\/\//i);
  assert.doesNotMatch(html, /href="javascript/i);
});

Deno.test("renderReport() allows only its own style and script, by hash", () => {
  const html = renderReport(smallGradebook());
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  const hash = (s: string) => createHash("sha256").update(s).digest("base64");
  const script = html.match(/<script>([\s\S]*?)<\/script>/)![1];
  const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
  assert.ok(csp.includes(`script-src 'sha256-${hash(script)}'`));
  assert.ok(csp.includes(`style-src 'sha256-${hash(style)}'`));
});

Deno.test("renderReport() renders an empty class", () => {
  const html = renderReport({ ...smallGradebook(), students: [], similarity: [] });
  assert.equal(byId(html, "stat-graded"), "0");
  assert.equal(byId(html, "stat-mean"), "—");
  assert.match(html, /No student was graded\./);
  assert.match(html, /No submission was flagged\./);
  assert.match(byId(html, "cases-mse"), /no attempts/);
});

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => {
  try {
    return Deno.statSync(p).isFile;
  } catch {
    return false;
  }
});
if (!CHROMIUM) {
  console.warn("report_test: no /usr/bin/chromium, so the browser test is ignored");
}

/** Runs headless Chromium on a page; stdout is the DOM with `--dump-dom`. */
async function chromium(args: string[], page: string, profile: string): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 90_000);
  try {
    const out = await new Deno.Command(CHROMIUM!, {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
        ...args,
        `file://${page}`,
      ],
      stdout: "piped",
      stderr: "piped",
      signal: abort.signal,
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    assert.ok(out.success, `chromium failed: ${new TextDecoder().decode(out.stderr).slice(-2000)}`);
    return text;
  } finally {
    clearTimeout(timer);
  }
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG into its pixels. */
async function decodePng(
  png: Uint8Array,
): Promise<{ width: number; height: number; rgba: Uint8Array; bpp: number }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0, height = 0, bpp = 0;
  const idat: Uint8Array[] = [];
  for (let p = 8; p < png.length;) {
    const len = view.getUint32(p);
    const type = new TextDecoder().decode(png.subarray(p + 4, p + 8));
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === "IHDR") {
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      const [depth, colour, , , interlace] = data.subarray(8);
      assert.ok(
        depth === 8 && interlace === 0 && (colour === 2 || colour === 6),
        "unexpected PNG format",
      );
      bpp = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    p += 12 + len;
  }
  const raw = new Uint8Array(
    await new Response(
      new Blob(idat as BlobPart[]).stream().pipeThrough(new DecompressionStream("deflate")),
    ).arrayBuffer(),
  );
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = out.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = (src[i] + pred) & 0xff;
    }
  }
  return { width, height, rgba: out, bpp };
}

Deno.test({
  name: "renderReport() page renders in headless Chromium",
  ignore: !CHROMIUM,
  sanitizeResources: false,
  fn: async (t) => {
    const dir = await Deno.makeTempDir({ prefix: "report_test_" });
    try {
      const page = join(dir, "report.html");
      const png = join(dir, "report.png");
      await Deno.writeTextFile(page, renderReport(classGradebook()));
      await t.step("the screenshot is a real picture", async () => {
        await chromium([`--screenshot=${png}`, "--window-size=1200,2400"], page, join(dir, "p1"));
        const bytes = await Deno.readFile(png);
        assert.ok(bytes.length > 20_000, `screenshot is only ${bytes.length} bytes`);
        const img = await decodePng(bytes);
        assert.deepEqual([img.width, img.height], [1200, 2400]);
        const colours = new Set<number>();
        let ink = 0;
        for (let i = 0; i < img.rgba.length; i += img.bpp) {
          const [r, g, b] = img.rgba.subarray(i, i + 3);
          colours.add((r << 16) | (g << 8) | b);
          if (r + g + b < 600) ink++;
        }
        assert.ok(colours.size > 50, `only ${colours.size} colours`);
        const share = ink / (img.width * img.height);
        assert.ok(share > 0.01 && share < 0.6, `${(share * 100).toFixed(1)}% of pixels are ink`);
      });
      await t.step(
        "the parsed DOM has every section, escaped text, and the script ran",
        async () => {
          const dom = await chromium(["--dump-dom"], page, join(dir, "p2"));
          for (
            const id of SECTIONS
          ) {
            assert.match(dom, new RegExp(`<section id="${id}"`), id);
          }
          assert.doesNotMatch(dom, /<img/);
          assert.equal(dom.match(/<script/g)?.length, 1);
          assert.ok(dom.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
          assert.ok(dom.includes("&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;"));
          // The sort script adds buttons: it ran, so the CSP hash is right.
          assert.match(dom, /<button type="button" aria-label="Sort by Exercise">↕<\/button>/);
        },
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
