// The capstone's hidden cases against real wrong submissions: each plausible mistake in
// train_char_model loses the case written for it, and the message names the mistake.
import assert from "node:assert/strict";
import { join } from "node:path";
import { gradeSubmission } from "../grader/grade.ts";
import { ROOT } from "./_helpers.ts";

const FILE = "exercises/07_transformer_block/train_char_model.ts";
const SOLUTION = await Deno.readTextFile(
  join(ROOT, "solutions/07_transformer_block/train_char_model.ts"),
);

/** The reference with one line changed: what a student who made that mistake would submit. */
function mistaken(from: string, to: string): string {
  assert.ok(SOLUTION.includes(from), `the reference no longer contains ${from}`);
  return SOLUTION.replace(from, to);
}

const MISTAKES: Array<[string, string, RegExp, RegExp]> = [
  // name, file, the case it must fail, what the message must say
  [
    "no causal mask while training",
    mistaken(".add(mask); // [B, T, T]", "; // no mask"),
    /random symbols/,
    /missing causal mask/,
  ],
  [
    "no positions",
    mistaken("tf.gather(w.embed, x).add(w.positions)", "tf.gather(w.embed, x)"),
    /better than their bigram/,
    /knows positions/,
  ],
  [
    "targets not shifted (the input is the poem itself)",
    mistaken("x.set(poem, b * T + 1);", "x.set(poem, b * T);"),
    /better than their bigram/,
    /not the next characters/,
  ],
  [
    "the mask applied after the softmax (rows no longer sum to 1)",
    mistaken(
      "tf.matMul(tf.softmax(scores), v)",
      "tf.matMul(tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(d))).mul(tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), v)",
    ),
    /as specified/,
    /not the specified one/,
  ],
  [
    "no final layer norm",
    mistaken("dense(norm(h.add(m), w.gammaF, w.betaF), w.unembed)", "dense(h.add(m), w.unembed)"),
    /as specified/,
    /not the specified one/,
  ],
];

for (const [name, source, failing, said] of MISTAKES) {
  Deno.test(`capstone: a train_char_model with ${name} loses points, named`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "tensorlings-capstone-" });
    try {
      await Deno.mkdir(join(dir, "exercises/07_transformer_block"), { recursive: true });
      await Deno.writeTextFile(join(dir, FILE), source);
      const r = await gradeSubmission(dir, { repoRoot: ROOT, only: ["train_char_model"] });
      const cases = r.exercises[0].cases;
      const lost = cases.filter((c) => c.outcome !== "passed");
      assert.ok(
        lost.some((c) => failing.test(c.name)),
        `no failed case matches ${failing}: ${
          JSON.stringify(cases.map((c) => [c.name, c.outcome]))
        }`,
      );
      assert.ok(
        lost.some((c) => said.test(c.message ?? "")),
        `no message says ${said}: ${lost.map((c) => c.message).join(" | ")}`,
      );
      assert.ok(r.score < r.max);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

// A property graded within a step budget must hold for every student's inputs, not one seed's:
// the reference passes and the maskless model is caught for several students.
Deno.test("capstone: the training exercises' hidden cases are fair across students", async () => {
  const students = ["ada", "bo", "chen", "dara", "eli", "fay"];
  for (const student of students) {
    const r = await gradeSubmission(join(ROOT, "solutions"), {
      repoRoot: ROOT,
      student,
      only: ["train_cnn", "train_char_model"],
    });
    assert.equal(
      r.score,
      r.max,
      `${student}: ${
        JSON.stringify(r.exercises.flatMap((e) =>
          e.cases.filter((c) =>
            c.outcome !== "passed"
          ).map((c) => c.message)
        ))
      }`,
    );
  }
  const dir = await Deno.makeTempDir({ prefix: "tensorlings-capstone-" });
  try {
    await Deno.mkdir(join(dir, "exercises/07_transformer_block"), { recursive: true });
    await Deno.writeTextFile(join(dir, FILE), MISTAKES[0][1]);
    for (const student of students) {
      const r = await gradeSubmission(dir, { repoRoot: ROOT, student, only: ["train_char_model"] });
      assert.ok(r.score < r.max, `${student}: the maskless model scored full marks`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
