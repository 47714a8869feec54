// The loop after the last exercise, on a small terminal, with many failing
// tests, and with the messages a learner meets along the way.
import assert from "node:assert/strict";
import { join } from "node:path";
import { allDoneBut, lesson, readState, ROOT, scratchKit, solve } from "./_helpers.ts";
import { hasScript, PtyLoop } from "../dev/pty.ts";
import { fitScreen, visibleWidth, wrapLine } from "../learner/screen.ts";
import { checkDiagnostics } from "../learner/typecheck.ts";

const PREDICT = "exercises/01_linear_regression/predict.ts";

async function withKit(fn: (kit: string) => Promise<void>): Promise<void> {
  const kit = await scratchKit();
  try {
    await fn(kit);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
}

Deno.test("lesson finish: every command works after the last exercise, and current is kept", async () => {
  await withKit(async (kit) => {
    await allDoneBut(kit, "predict");
    await solve(kit, "01_linear_regression", "predict");
    const r = await lesson(kit);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /finished every exercise/);
    assert.match(r.stdout, /hidden tests check more: random shapes/);
    assert.equal((await readState(kit)).current, "predict");
    const hint = await lesson(kit, "hint");
    assert.equal(hint.code, 0, hint.stdout);
    assert.match(hint.stdout, /Hint 1\/3 for predict/);
    assert.doesNotMatch(hint.stdout + hint.stderr, /\{\w+\}/);
    const again = await lesson(kit);
    assert.match(again.stdout, /Exercise 1\/\d+: predict/);
  });
});

Deno.test("lesson messages: did you mean, hint in CLI mode, every failure explained", async (t) => {
  await withKit(async (kit) => {
    await t.step("an unknown exercise gets the closest names", async () => {
      const r = await lesson(kit, "hint", "predcit");
      assert.equal(r.code, 2);
      assert.match(r.stdout, /no exercise is named "predcit"\. .*Did you mean "predict"\?/);
      const jump = await lesson(kit, "r_sqaured");
      assert.match(jump.stderr, /Did you mean "r_squared"\?/);
    });
    await t.step("hint from the command line does not say press h", async () => {
      const r = await lesson(kit, "hint", "predict");
      assert.doesNotMatch(r.stdout, /Press h/);
      assert.match(r.stdout, /deno task lesson hint predict/);
    });
    await t.step("each failing test shows its call and expected/got", async () => {
      // Off by one everywhere: every public test fails on a value.
      await Deno.writeTextFile(
        join(kit, PREDICT),
        "export function predict(X: number[][], w: number[], b: number): number[] {\n  return X.map((r) => r.reduce((s, x, j) => s + x * w[j], b) + 1);\n}\n",
      );
      const r = await lesson(kit, "predict");
      const explained = r.stdout.match(/expected .*, got .*\(off by/g) ?? [];
      const failed = Number(/(\d+) of \d+ public tests failed/.exec(r.stdout)?.[1]);
      assert.ok(failed >= 2, r.stdout);
      assert.equal(explained.length, failed, r.stdout);
    });
  });
});

Deno.test("lesson typecheck: no backtrace from RUST_BACKTRACE; not done while type errors are listed", async () => {
  await withKit(async (kit) => {
    const solution = await Deno.readTextFile(
      join(ROOT, "solutions/01_linear_regression/predict.ts"),
    );
    await Deno.writeTextFile(
      join(kit, PREDICT),
      solution.replace(
        "let sum = b;",
        "let sum = b;\n    const oops: string = sum;\n    void oops;",
      ),
    );
    const r = await lesson(kit, { typecheck: true, env: { RUST_BACKTRACE: "1" } }, "predict");
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /Type errors/);
    assert.doesNotMatch(r.stdout + r.stderr, /Stack backtrace|Download|nodeModulesDir/);
    assert.match(r.stdout, /Not done yet/);
    assert.doesNotMatch(r.stdout, /Next exercise/);
    assert.deepEqual((await readState(kit)).done, []);
  });
});

Deno.test("typecheck output: download lines, progress bars, warning boxes and backtraces are dropped", () => {
  const raw = [
    "\x1b[32mDownload\x1b[0m https://registry.npmjs.org/mathjs/-/mathjs-15.2.0.tgz",
    "[00:02] ━━━━━━━━━━━━╸─────── 1.20MiB/3.40MiB",
    "╭ Warning",
    "│  Ignored build scripts for packages:",
    '│  "nodeModulesDir": "auto"',
    "╰─",
    "TS2322 [ERROR]: Type 'number' is not assignable to type 'string'.",
    "    at file:///kit/exercises/a.ts:3:11",
    "",
    "error: Type checking failed.",
    "",
    "Stack backtrace:",
    "   0: <unknown>",
  ].join("\n");
  assert.equal(
    checkDiagnostics(raw),
    "TS2322 [ERROR]: Type 'number' is not assignable to type 'string'.\n" +
      "    at file:///kit/exercises/a.ts:3:11\n\nerror: Type checking failed.",
  );
});

Deno.test("screen: lines wrap at spaces to the width, and a long body is cut below the header", () => {
  const line = "  " + "word ".repeat(30).trim();
  const wrapped = wrapLine(line, 40);
  assert.ok(wrapped.length > 1);
  for (const l of wrapped) {
    assert.ok(visibleWidth(l) <= 40, l);
    assert.match(l, /^ {2}word( word)*$/); // indented like the first, no word cut
  }
  assert.equal(visibleWidth("\x1b[31m✗ a\x1b[0m"), 3);
  const body = Array.from({ length: 50 }, (_, i) => `b${i}`).join("\n");
  const lines = fitScreen(
    { head: "HEAD 1\nHEAD 2", body, tail: "KEYS" },
    80,
    24,
    (n) => `… ${n} more`,
  );
  assert.equal(lines.length, 24);
  assert.deepEqual(lines.slice(0, 2), ["HEAD 1", "HEAD 2"]);
  assert.equal(lines.at(-1), "KEYS");
  assert.ok(lines.includes("… 31 more"), lines.join("\n"));
  // A long note (a hint, the theory) is cut too, after the body, never the keys.
  const note = Array.from({ length: 40 }, (_, i) => `n${i}`).join("\n");
  const both = fitScreen({ head: "H", body, note, tail: "KEYS" }, 80, 24, (n) => `… ${n} more`);
  assert.equal(both.length, 24, both.join("\n"));
  assert.equal(both[0], "H");
  assert.equal(both.at(-1), "KEYS");
  assert.ok(both.includes("n0"), both.join("\n"));
});

/** The last frame drawn: the text after the last cursor-home. */
function lastFrame(screen: string): string[] {
  const frame = screen.slice(screen.lastIndexOf("\x1b[H") + 3);
  // deno-lint-ignore no-control-regex
  return frame.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "").split("\n");
}

Deno.test({
  name: "lesson watch mode at 80×24: the header stays, lines fit, a resize redraws",
  ignore: !hasScript,
  fn: async () => {
    await withKit(async (kit) => {
      // A long diagnosis: every test fails with a long explanation.
      await Deno.writeTextFile(
        join(kit, PREDICT),
        "export function predict(X: number[][]): number[] {\n  throw new Error(" +
          JSON.stringify("a very long message ".repeat(40)) + ");\n}\n",
      );
      const loop = new PtyLoop(kit, ["predict", "--no-typecheck"], {}, { columns: 80, rows: 24 });
      try {
        let at = await loop.waitFor(/public tests failed[\s\S]*\[q\] quit/);
        await new Promise((r) => setTimeout(r, 300));
        let frame = lastFrame(loop.screen);
        assert.ok(frame.length <= 24, frame.join("\n"));
        for (const l of frame) assert.ok(visibleWidth(l) <= 80, `too wide: ${l}`);
        assert.match(frame.join("\n"), /exercises done/);
        assert.match(frame.join("\n"), /Edit: exercises\/01_linear_regression\/predict\.ts/);
        assert.match(frame.join("\n"), /more lines do not fit/);
        assert.match(frame.join("\n"), /\[q\] quit/);
        await loop.resize(50, 24);
        at = await loop.waitFor(/\[q\] quit/, at);
        await new Promise((r) => setTimeout(r, 300));
        frame = lastFrame(loop.screen);
        for (const l of frame) assert.ok(visibleWidth(l) <= 50, `too wide after resize: ${l}`);
        assert.match(frame.join("\n"), /exercises done/);
        assert.equal(await loop.quit(), 0);
      } finally {
        await loop.quit().catch(() => {});
      }
    });
  },
});

Deno.test({
  name: "lesson watch mode after the last exercise: keys work, the file stays watched",
  ignore: !hasScript,
  fn: async (t) => {
    await withKit(async (kit) => {
      await allDoneBut(kit, "predict");
      const loop = new PtyLoop(kit, ["--poll", "--no-typecheck"]);
      try {
        let at = await loop.waitFor(/3 of 3 public tests failed/);
        await t.step("--poll does not claim file events failed", () => {
          assert.match(loop.screen, /by polling \(--poll\)/);
          assert.doesNotMatch(loop.screen, /did not arrive/);
        });
        await t.step("n on a failing exercise says why nothing happens", async () => {
          await loop.press("n");
          at = await loop.waitFor(/n moves on once every public test passes/, at);
        });
        await solve(kit, "01_linear_regression", "predict");
        at = await loop.waitFor(/finished every exercise[\s\S]*hidden tests/, at);
        await t.step("n stays, h and l still work", async () => {
          await loop.press("n");
          await loop.press("h");
          at = await loop.waitFor(/Hint 1\/3 for predict[\s\S]*Press h for the next hint/, at);
          await loop.press("l");
          at = await loop.waitFor(/Type a number/, at);
          await loop.press("\r");
        });
        await t.step("the file is still watched", async () => {
          await Deno.writeTextFile(join(kit, PREDICT), "export function predict( {");
          at = await loop.waitFor(/could not be loaded/, at);
        });
        assert.equal((await readState(kit)).current, "predict");
        assert.equal(await loop.quit(), 0);
      } finally {
        await loop.quit().catch(() => {});
      }
    });
  },
});
