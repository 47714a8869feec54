/**
 * The five-character quatrains the kit carries for lesson 07
 * (`lib/data/quatrains.txt`, extracted once from the npm package
 * `chinese-poetry@2.0.1` by `dev/poetry.ts`; MIT, the poems public domain),
 * and the n-gram baselines a next-character model has to beat.
 *
 * A poem is a sequence of characters followed by the end mark `"\n"`; the
 * first character is predicted after an end mark, as if the poems were one
 * text, one per line.
 *
 * @module
 */

/** The end mark after every poem (and the context of each poem's first character). */
export const END = "\n";

let cache: Promise<string[]> | null = null;

/**
 * Loads the quatrains: 24 characters each (four lines of five, with "，" and "。"), all in
 * the Basic Multilingual Plane, so `poem[i]` is the i-th character.
 *
 * @returns The poems in the file's (seeded, shuffled) order; the same array on every call.
 * @throws {Error} When the data file is missing, saying how to restore it.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadQuatrains } from "./quatrains.ts";
 * const poems = await loadQuatrains();
 * assert.equal(poems.length, 3707);
 * assert.ok(poems.every((p) => p.length === 24 && p[5] === "，" && p[23] === "。"));
 * ```
 */
export function loadQuatrains(): Promise<string[]> {
  cache ??= (async () => {
    const url = new URL("./data/quatrains.txt", import.meta.url);
    let text: string;
    try {
      text = await Deno.readTextFile(url);
    } catch (e) {
      cache = null;
      throw new Error(
        `error: cannot read ${url.pathname} (${(e as Error).message}): restore it with git, ` +
          "or regenerate it with dev/poetry.ts",
      );
    }
    return text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  })();
  return cache;
}

/**
 * Splits poems into training and validation sets: the last `validFraction`
 * (rounded up) is held out. The file's order is already shuffled.
 *
 * @param poems The poems.
 * @param validFraction The share held out, in (0, 1).
 * @returns `train` and `valid`.
 * @throws {RangeError} When validFraction is not in (0, 1) or either part would be empty.
 */
export function splitPoems(
  poems: string[],
  validFraction = 0.1,
): { train: string[]; valid: string[] } {
  const nValid = Math.ceil(poems.length * validFraction);
  if (!(validFraction > 0 && validFraction < 1) || nValid >= poems.length) {
    throw new RangeError(
      `Cannot split ${poems.length} poems with validFraction ${validFraction}: it must be in (0, 1) and leave both parts non-empty`,
    );
  }
  return {
    train: poems.slice(0, poems.length - nValid),
    valid: poems.slice(poems.length - nValid),
  };
}

/** Mean cross-entropies, in nats per predicted character (end marks included). */
export interface Baselines {
  /** Add-one-smoothed character frequencies: P(c). */
  unigram: number;
  /** λ·count(prev, c)/count(prev) + (1 − λ)·P(c): the bigram, interpolated with the unigram. */
  bigram: number;
  /** Characters predicted in the validation set. */
  predicted: number;
  /** Training characters and the end mark, plus one "unknown" for characters never seen there. */
  vocabulary: number;
}

/**
 * The unigram and bigram baselines: fitted by counting on `train`, scored on `valid`.
 * A character of `valid` never seen in `train` counts as the one unknown symbol.
 *
 *   P₁(c) = (n(c) + 1) / (N + V)        P₂(c | p) = λ n(p, c) / n(p) + (1 − λ) P₁(c)
 *
 * @param train Training poems.
 * @param valid Validation poems.
 * @param lambda λ, the bigram's share, in (0, 1): the unigram share keeps unseen pairs possible.
 * @returns The two validation losses.
 * @throws {RangeError} When train or valid is empty, or λ is not in (0, 1).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ngramBaselines } from "./quatrains.ts";
 * // "ab" then END, twice: the bigram knows that "b" follows "a"; the unigram does not.
 * const { unigram, bigram, vocabulary } = ngramBaselines(["ab", "ab"], ["ab"], 0.9);
 * assert.equal(vocabulary, 4); // a, b, END and "unknown"
 * assert.equal(unigram.toFixed(4), Math.log(10 / 3).toFixed(4)); // P₁ = (2 + 1)/(6 + 4) for each of a, b, END
 * assert.equal(bigram.toFixed(4), "0.0726"); // P₂ = 0.9·1 + 0.1·0.3 = 0.93 each
 * ```
 */
export function ngramBaselines(train: string[], valid: string[], lambda = 0.5): Baselines {
  if (train.length === 0 || valid.length === 0 || !(lambda > 0 && lambda < 1)) {
    throw new RangeError(
      `Cannot fit the baselines: train (${train.length} poems) and valid (${valid.length}) must be non-empty and lambda (${lambda}) in (0, 1)`,
    );
  }
  const one = new Map<string, number>(); // n(c)
  const two = new Map<string, number>(); // n(p, c), keyed p + c
  const before = new Map<string, number>(); // n(p) as a context
  let total = 0;
  for (const poem of train) {
    let prev = END;
    for (const c of [...poem, END]) {
      one.set(c, (one.get(c) ?? 0) + 1);
      two.set(prev + c, (two.get(prev + c) ?? 0) + 1);
      before.set(prev, (before.get(prev) ?? 0) + 1);
      total++;
      prev = c;
    }
  }
  const vocabulary = one.size + 1; // + the unknown symbol
  const p1 = (c: string) => ((one.get(c) ?? 0) + 1) / (total + vocabulary);
  let [l1, l2, predicted] = [0, 0, 0];
  for (const poem of valid) {
    let prev = END;
    for (const c of [...poem, END]) {
      const ctx = before.get(prev) ?? 0;
      const p2 = lambda * (ctx ? (two.get(prev + c) ?? 0) / ctx : 0) + (1 - lambda) * p1(c);
      l1 -= Math.log(p1(c));
      l2 -= Math.log(p2);
      predicted++;
      prev = c;
    }
  }
  return { unigram: l1 / predicted, bigram: l2 / predicted, predicted, vocabulary };
}

/** The symbol that stands for a character never seen in training. */
export const UNKNOWN = "\uFFFD";

/** Poems as token ids, for a next-character model. */
export interface Corpus {
  /** How many poems. */
  count: number;
  /** Characters per poem (24 for the quatrains). */
  length: number;
  /** The ids, poem after poem: `ids[p * length + t]` is character t of poem p. */
  ids: Int32Array;
  /** The symbols by id: `symbols[0]` is {@link END}, `symbols[1]` {@link UNKNOWN}. */
  symbols: string[];
}

/**
 * The vocabulary of some training poems: the end mark (id 0), the unknown
 * symbol (id 1), then each character in order of first appearance. Its size
 * is the `vocabulary` of {@link ngramBaselines} for the same poems.
 *
 * @param train The training poems.
 * @returns The symbols by id.
 */
export function vocabularyOf(train: string[]): string[] {
  const seen = new Set<string>([END, UNKNOWN]);
  for (const poem of train) for (const c of poem) seen.add(c);
  return [...seen];
}

/**
 * Encodes poems of equal length as ids of a vocabulary; a character the
 * vocabulary lacks becomes {@link UNKNOWN}.
 *
 * @param poems The poems, all of the same length.
 * @param symbols The vocabulary ({@link vocabularyOf} the training poems).
 * @returns The corpus.
 * @throws {RangeError} When there are no poems, or they differ in length.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { encodePoems, vocabularyOf } from "./quatrains.ts";
 * const symbols = vocabularyOf(["春眠", "眠春"]);
 * assert.deepEqual(symbols, ["\n", "\uFFFD", "春", "眠"]);
 * assert.deepEqual([...encodePoems(["眠曉"], symbols).ids], [3, 1]);
 * ```
 */
export function encodePoems(poems: string[], symbols: string[]): Corpus {
  const length = poems[0]?.length ?? 0;
  if (poems.length === 0 || poems.some((p) => p.length !== length)) {
    throw new RangeError(
      `Cannot encode ${poems.length} poems: there must be at least one, all of the same length`,
    );
  }
  const index = new Map(symbols.map((s, i) => [s, i]));
  const ids = new Int32Array(poems.length * length);
  poems.forEach((p, i) => {
    for (let t = 0; t < length; t++) ids[i * length + t] = index.get(p[t]) ?? 1;
  });
  return { count: poems.length, length, ids, symbols };
}
