/** A word or a number in the normalised text, with where it starts and ends. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Lower case, `ё` as `е`, curly apostrophes straightened, dashes as `-`, no-break spaces as
 * spaces: the parsers match one spelling.
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** Words (letters) and numbers (`2`, `1.5`, `1,5`); punctuation and spaces separate them. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(/\p{L}+|\d+(?:[.,]\d+)?/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * Whether tokens from `i` spell `words` (e.g. `['day', 'after', 'tomorrow']`) with only spaces
 * between them, so "после, обеда" does not read as "после обеда".
 */
export function tokensSpell(tokens: Token[], i: number, words: string[], source: string): boolean {
  for (const [k, w] of words.entries()) {
    const t = tokens[i + k];
    if (!t || t.text !== w) return false;
    if (k > 0 && source.slice(tokens[i + k - 1]!.end, t.start).trim() !== '') return false;
  }
  return true;
}

/** Word boundaries that know Cyrillic (`\b` in JS regexes only knows ASCII). */
export const B_START = '(?<![\\p{L}\\p{N}])';
export const B_END = '(?![\\p{L}\\p{N}])';

/** Phrases indexed by their first word; built once per table at load. */
export type PhraseTable<T> = Map<string, { words: string[]; value: T }[]>;

/** `[['после обеда', 'afternoon'], …]` → a table `matchPhrase` reads. */
export function phraseTable<T>(entries: readonly (readonly [string, T])[]): PhraseTable<T> {
  const table: PhraseTable<T> = new Map();
  for (const [phrase, value] of entries) {
    const words = phrase.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push({ words, value });
    table.set(words[0]!, list);
  }
  return table;
}

/** The longest phrase of `table` that the tokens from `i` spell, with how many tokens it takes. */
export function matchPhrase<T>(tokens: Token[], i: number, table: PhraseTable<T>, source: string): { value: T; length: number } | undefined {
  let best: { value: T; length: number } | undefined;
  for (const { words, value } of table.get(tokens[i]?.text ?? '') ?? []) {
    if ((best === undefined || words.length > best.length) && tokensSpell(tokens, i, words, source)) best = { value, length: words.length };
  }
  return best;
}

/** "после" / "after" right before `index`: what comes next is a day to count from ("после 20 числа", "after the 15th"). */
const AFTER_BEFORE = /(?:^|[^\p{L}])(?:после|after)\s+$/u;
export const followsAfter = (text: string, index: number) => AFTER_BEFORE.test(text.slice(Math.max(0, index - 8), index));
