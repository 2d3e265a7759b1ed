/** A word or a number in the normalised text, with where it starts and ends. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Lower case, `ё` as `е`, curly apostrophes straightened: the parsers match one spelling. */
export function normalize(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/[\u2019\u02bc]/g, "'");
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
