/**
 * `deno run --allow-read --allow-write=lib/data dev/poetry.ts <package-folder>`:
 * extracts, once, the five-character quatrains (五言绝句: four lines of five
 * characters) of the Tang poems in the npm package `chinese-poetry@2.0.1`
 * (MIT, © 2016 JackeyGao; the poems themselves are public domain) into
 * `lib/data/quatrains.txt`, for lesson 07. The package is 85 MB, so it is an
 * authoring-time input, never a dependency; fetch and unpack it first:
 *
 *   cd /tmp && npm pack chinese-poetry@2.0.1 && tar xzf chinese-poetry-2.0.1.tgz
 *   deno run --allow-read --allow-write=lib/data dev/poetry.ts /tmp/package
 *
 * A poem qualifies when it has exactly two paragraphs, each "5 characters，5
 * characters。" from the CJK Unified Ideographs block U+4E00–U+9FFF (so no
 * missing-character marks □, and no characters outside the BMP). Exact
 * duplicates are dropped; the rest are written one per line (24 characters,
 * punctuation included) in a seeded order, so any split of the file is a fair
 * sample of the whole. The text is as the package has it: traditional
 * characters.
 *
 * @module
 */
import { join } from "node:path";
import { rng } from "../lib/random.ts";

const HELP = `deno run --allow-read --allow-write=lib/data dev/poetry.ts <package-folder>

  package-folder  the unpacked chinese-poetry@2.0.1 package (the folder holding dist/)`;

// CJK Unified Ideographs of the Basic Multilingual Plane only: one UTF-16 unit per
// character, so a learner's poem[i] and poem.length count characters.
const LINE = /^[\u4e00-\u9fff]{5}，[\u4e00-\u9fff]{5}。$/;

/** The five-character quatrains of `poems`, each as one 24-character string, without duplicates. */
export function quatrains(poems: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const poem of poems) {
    const p = poem.paragraphs;
    if (!Array.isArray(p) || p.length !== 2) continue;
    if (p.every((line) => typeof line === "string" && LINE.test(line))) seen.add(p.join(""));
  }
  return [...seen];
}

if (import.meta.main) {
  const dir = Deno.args[0];
  if (!dir || dir === "--help") {
    console.log(HELP);
    Deno.exit(dir ? 0 : 2);
  }
  const src = join(dir, "dist", "quantangshi");
  let files: string[];
  try {
    files = [...Deno.readDirSync(src)].map((e) => e.name).filter((n) =>
      /^poet\.tang\.\d+\.json$/.test(n)
    );
  } catch {
    console.error(`error: ${src} is not readable: pass the unpacked chinese-poetry@2.0.1 package`);
    Deno.exit(1);
  }
  files.sort((a, b) => parseInt(a.split(".")[2]) - parseInt(b.split(".")[2]));
  const poems = files.flatMap((f) => JSON.parse(Deno.readTextFileSync(join(src, f))));
  const found = rng(20261207).shuffle(quatrains(poems));
  const header = [
    `# ${found.length} five-character quatrains (五言绝句) of the Tang dynasty, one per line, in a seeded order.`,
    "# Extracted by dev/poetry.ts from the npm package chinese-poetry@2.0.1 (dist/quantangshi/poet.tang.*.json),",
    "# MIT License, Copyright (c) 2016 JackeyGao (see quatrains.LICENSE); the poems are in the public domain.",
  ];
  const out = join(new URL("..", import.meta.url).pathname, "lib", "data", "quatrains.txt");
  const text = [...header, ...found].join("\n") + "\n";
  await Deno.writeTextFile(out, text);
  await Deno.copyFile(join(dir, "LICENSE"), out.replace(/\.txt$/, ".LICENSE"));
  const kb = new TextEncoder().encode(text).length / 1024;
  console.log(
    `wrote ${found.length} quatrains of ${poems.length} poems to ${out} (${kb.toFixed(0)} KB)`,
  );
}
