import assert from "node:assert/strict";
import { quatrains } from "../dev/poetry.ts";

Deno.test("dev/poetry: keeps two-paragraph poems of 5 + 5 BMP characters, once each", () => {
  const ok = ["床前明月光，疑是地上霜。", "舉頭望明月，低頭思故鄉。"];
  assert.deepEqual(
    quatrains([
      { paragraphs: ok },
      { paragraphs: ok }, // a duplicate
      { paragraphs: [ok[0]] }, // one paragraph
      { paragraphs: [...ok, ok[0]] }, // three
      { paragraphs: ["床前明月光，疑是地上霜。", "舉頭望明月，低頭思故□。"] }, // a missing character
      { paragraphs: ["床前明月光，疑是地上霜。", "舉頭望明月，低頭思故鄉鄉。"] }, // six characters
      { paragraphs: ["床前明月光，疑是地上霜。", "舉頭望明月，低頭思故𠀀。"] }, // outside the BMP
      { title: "no paragraphs" },
    ]),
    [ok.join("")],
  );
});
