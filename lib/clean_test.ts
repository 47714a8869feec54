import assert from "node:assert/strict";
import { clean } from "./clean.ts";

Deno.test("clean: text someone else controls becomes one printable line", () => {
  assert.equal(clean("\x1b[2J\x1b[31mred\x1b[0m"), "red"); // screen clear and colours removed
  assert.equal(clean("\x1b]0;title\x07ok"), "ok"); // a terminal title (OSC) removed
  assert.equal(clean("a\nTotal: 130 / 130"), "a Total: 130 / 130"); // no forged line
  assert.equal(clean("x\u202Eevil"), "x evil"); // a bidi override cannot reorder what is shown
  assert.equal(clean("\ud800!"), "\ufffd!"); // a lone surrogate
  assert.equal(clean("平仄，。"), "平仄，。"); // ordinary text, any script, unchanged
  assert.equal(clean(null), "");
  assert.equal(clean("abcdef", 4), "abc…");
});
