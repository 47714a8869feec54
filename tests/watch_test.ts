// The loop in watch mode, under a pseudo-terminal (util-linux `script`): a
// save is picked up and judged, keys work, and q quits.
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, scratchKit, solve } from "./_helpers.ts";
import { hasScript, PtyLoop } from "../dev/pty.ts";

Deno.test({
  name: "lesson watch mode: a save is judged, hints and jumps work, q quits",
  ignore: !hasScript,
  fn: async (t) => {
    const kit = await scratchKit();
    const loop = new PtyLoop(kit, ["predict", "--no-typecheck"]);
    try {
      let at = await loop.waitFor(/3 of 3 public tests failed/);
      await t.step("saving a solution is picked up and passes", async () => {
        await solve(kit, "01_linear_regression", "predict");
        at = await loop.waitFor(/All 3 public tests pass/, at);
        at = await loop.waitFor(/Press n for the next exercise: mse/, 0);
      });
      await t.step("saving the same content again does not re-run", async () => {
        const before = loop.screen.length;
        await solve(kit, "01_linear_regression", "predict");
        await new Promise((r) => setTimeout(r, 900));
        assert.doesNotMatch(loop.screen.slice(before), /public tests/);
      });
      await t.step("h shows the first hint", async () => {
        await loop.press("h");
        at = await loop.waitFor(/Hint 1\/3 for predict/, at);
      });
      await t.step("n moves to the next exercise", async () => {
        await loop.press("n");
        at = await loop.waitFor(/Exercise 2\/\d+: mse/, at);
      });
      await t.step("l then a number jumps to that exercise", async () => {
        await loop.press("l");
        at = await loop.waitFor(/Type a number/, at);
        await loop.press("1\r");
        at = await loop.waitFor(/Exercise 1\/\d+: predict/, at);
      });
      await t.step("a broken save shows the error, not a crash", async () => {
        await Deno.writeTextFile(
          join(kit, "exercises/01_linear_regression/predict.ts"),
          "export function predict( {",
        );
        at = await loop.waitFor(/could not be loaded/, at);
      });
      assert.equal(await loop.quit(), 0);
    } finally {
      await loop.quit().catch(() => {});
      await Deno.remove(kit, { recursive: true });
    }
  },
});

Deno.test({
  name: "lesson watch mode: --poll finds saves without file events",
  ignore: !hasScript,
  fn: async () => {
    const kit = await scratchKit();
    const loop = new PtyLoop(kit, ["predict", "--poll", "--no-typecheck"]);
    try {
      const at = await loop.waitFor(/by polling/);
      await solve(kit, "01_linear_regression", "predict");
      await loop.waitFor(/All 3 public tests pass/, at);
      assert.equal(await loop.quit(), 0);
    } finally {
      await loop.quit().catch(() => {});
      await Deno.remove(kit, { recursive: true });
    }
  },
});

Deno.test({
  name: "lesson watch mode: e opens $EDITOR and re-runs, r then y resets with a backup",
  ignore: !hasScript,
  fn: async (t) => {
    const kit = await scratchKit();
    // An "editor" that writes the solution into the file it is given, as a learner would.
    const editor = join(kit, "fake-editor.sh");
    await Deno.writeTextFile(
      editor,
      `#!/bin/sh\ncp "${join(ROOT, "solutions/01_linear_regression/predict.ts")}" "$1"\n`,
    );
    await Deno.chmod(editor, 0o755);
    const loop = new PtyLoop(kit, ["predict", "--no-typecheck"], { EDITOR: editor });
    try {
      let at = await loop.waitFor(/3 of 3 public tests failed/);
      await t.step("e runs the editor on the exercise file, then the tests", async () => {
        await loop.press("e");
        at = await loop.waitFor(/All 3 public tests pass/, at);
      });
      await t.step("r asks first; n answers no and nothing changes", async () => {
        await loop.press("r");
        at = await loop.waitFor(
          /Reset exercises\/01_linear_regression\/predict\.ts to the original stub\?/,
          at,
        );
        await loop.press("n");
        at = await loop.waitFor(/Reset cancelled/, at);
      });
      await t.step("r then y restores the stub and keeps a backup", async () => {
        await loop.press("r");
        at = await loop.waitFor(/original stub\?/, at);
        await loop.press("y");
        at = await loop.waitFor(/3 of 3 public tests failed/, at);
        const backups = [...Deno.readDirSync(join(kit, ".tensorlings", "backups"))];
        assert.equal(backups.length, 1);
        assert.match(
          await Deno.readTextFile(join(kit, ".tensorlings", "backups", backups[0].name)),
          /let sum = b;/,
        );
      });
      assert.equal(await loop.quit(), 0);
    } finally {
      await loop.quit().catch(() => {});
      await Deno.remove(kit, { recursive: true });
    }
  },
});
