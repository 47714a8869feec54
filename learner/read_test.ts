import assert from "node:assert/strict";
import { join } from "node:path";
import { anchorOf, latexToUnicode, renderSection } from "./read.ts";
import { LESSONS } from "../course/manifest.ts";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("latexToUnicode() writes the course's formulas as readable text", () => {
  assert.equal(latexToUnicode("\\hat{y} = Xw + b"), "ŷ = Xw + b");
  assert.equal(
    latexToUnicode("J = \\frac{1}{N} \\sum_{i} (\\hat y_i - y_i)^2"),
    "J = (1)/(N) Σᵢ (ŷᵢ - yᵢ)²",
  );
  assert.equal(latexToUnicode("\\alpha < \\frac{2}{\\lambda_{\\max}}"), "α < (2)/(λₘₐₓ)");
  assert.equal(latexToUnicode("\\nabla_\\theta J"), "∇θ J");
  assert.equal(latexToUnicode("X^\\top X"), "Xᵀ X");
  assert.equal(latexToUnicode("\\sqrt{v} + \\varepsilon"), "√(v) + ε");
});

Deno.test("renderSection() renders every heading of every lesson without LaTeX or Markdown left", async () => {
  const LEFT =
    /\\(frac|sum|theta|alpha|beta|hat|bar|tilde|text|mathrm|sqrt|partial|nabla|lambda|top|left|right|begin|end|cdot|qquad)\b|\$|\]\(#/;
  let sections = 0;
  for (const lesson of LESSONS) {
    let md: string;
    try {
      md = await Deno.readTextFile(join(ROOT, "lessons", `${lesson.dir}.md`));
    } catch {
      continue; // a lesson still being written
    }
    let fence = false;
    for (const line of md.split("\n")) {
      if (line.startsWith("```")) fence = !fence;
      const m: RegExpExecArray | null = fence ? null : /^#{1,4} (.*)$/.exec(line);
      if (!m) continue;
      const text: string = renderSection(md, anchorOf(m[1]), 80)!;
      assert.ok(text, `${lesson.dir}#${anchorOf(m[1])} not found`);
      // Prose lines (code is indented by 4) carry no LaTeX, no $ and no in-page link syntax.
      const prose: string[] = text.split("\n").filter((l) => !l.startsWith("    "));
      const bad = prose.filter((l) => LEFT.test(l));
      assert.deepEqual(bad, [], `${lesson.dir}#${anchorOf(m[1])}`);
      const long = prose.filter((l) =>
        [...l].length > 80 && l.trim().includes(" ") && !l.includes("│")
      );
      assert.deepEqual(long, [], "prose is wrapped to 80 columns (tables are not)");
      sections++;
    }
  }
  assert.ok(sections > 20);
  assert.equal(renderSection("# A\ntext\n", "nope"), null);
});
