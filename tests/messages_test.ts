// Every message the kit prints gets all its placeholders filled: each call
// with a literal key passes every `{name}` its template has, and the
// numbers in messages read as people expect.
import assert from "node:assert/strict";
import { join } from "node:path";
import { placeholders, t } from "../lib/i18n.ts";
import { describeMismatch, offBy } from "../lib/testing.ts";
import { ROOT } from "./_helpers.ts";

const catalogue: Record<string, string> = JSON.parse(
  await Deno.readTextFile(join(ROOT, "locales/en/messages.json")),
);

async function sources(dir: string, out: string[] = []): Promise<string[]> {
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory && !e.name.startsWith(".") && e.name !== "node_modules") {
      await sources(p, out);
    } else if (e.isFile && e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** The text of the argument list starting at `from` (just after `t(`), up to its `)`. */
function argsAt(text: string, from: number): string {
  let depth = 1;
  let i = from;
  for (; i < text.length && depth > 0; i++) {
    if ("([{".includes(text[i])) depth++;
    else if (")]}".includes(text[i])) depth--;
  }
  return text.slice(from, i - 1);
}

/** Top-level property names of an object literal's text (`{ a, b: 1, ...c }`). */
function propNames(obj: string): { names: Set<string>; spread: boolean } {
  const names = new Set<string>();
  let depth = 0;
  let part = "";
  const parts: string[] = [];
  for (const ch of obj.slice(1, -1)) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      parts.push(part);
      part = "";
    } else part += ch;
  }
  parts.push(part);
  let spread = false;
  for (const p of parts.map((x) => x.replace(/\/\/.*$/gm, "").trim()).filter(Boolean)) {
    const name = /^["']?(\w+)/.exec(p)?.[1];
    if (p.startsWith("...") || !name) spread = true; // not decidable here: trust the type
    else names.add(name);
  }
  return { names, spread };
}

Deno.test("messages: every call with a literal key fills every placeholder of its template", async () => {
  const problems: string[] = [];
  let calls = 0;
  for (const file of await sources(ROOT)) {
    if (file.endsWith("messages_test.ts")) continue;
    const text = await Deno.readTextFile(file);
    for (const m of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) {
      const key = m[1];
      const template = catalogue[key];
      if (template === undefined) continue; // not a catalogue call (another `t`)
      calls++;
      const args = argsAt(text, m.index! + m[0].indexOf("(") + 1);
      const rest = args.slice(args.indexOf(`"${key}"`) + key.length + 2).replace(/^\s*,\s*/, "");
      const needed = placeholders(template);
      const where = `${file.slice(ROOT.length + 1)}: t("${key}")`;
      if (!rest.trim()) {
        if (needed.length > 0) problems.push(`${where} leaves {${needed.join("}, {")}} unfilled`);
        continue;
      }
      if (!rest.trim().startsWith("{")) continue; // a variable: the type forbids undefined
      const { names, spread } = propNames(rest.trim());
      if (spread) continue;
      const missing = needed.filter((n) => !names.has(n));
      if (missing.length > 0) problems.push(`${where} leaves {${missing.join("}, {")}} unfilled`);
    }
  }
  assert.ok(calls > 80, `only ${calls} calls found: the scan is broken`);
  assert.deepEqual(problems, []);
});

Deno.test("messages: a key that is never called with a literal is still complete when filled", () => {
  for (const [key, template] of Object.entries(catalogue)) {
    const vars = Object.fromEntries(placeholders(template).map((n) => [n, "X"]));
    assert.doesNotMatch(t(key, vars), /\{\w+\}/, key);
  }
});

Deno.test("messages: a wrong number reads as a percentage of the expected value", () => {
  assert.equal(offBy(1.25, 5), "off by 75% of the expected value");
  assert.equal(offBy(5, 1.25), "off by 300% of the expected value");
  assert.equal(offBy(0.3, 0), "off by 0.3; the expected value is 0");
  const text = describeMismatch({
    kind: "value",
    path: "[1]",
    expected: 5,
    got: 1.25,
    relErr: 0.6,
  });
  assert.equal(text, "expected 5 at [1], got 1.25 (off by 75% of the expected value)");
  assert.doesNotMatch(text, /e-1|relative error/);
});

Deno.test("messages: a tensor leak says how many tensors were left alive", () => {
  const text = describeMismatch({ kind: "leak", path: "", before: 4, after: 7 });
  assert.match(text, /^3 tensors left alive \(4 before the call, 7 after\)/);
  assert.match(describeMismatch({ kind: "leak", path: "", before: 4, after: 5 }), /^1 tensor left/);
});
