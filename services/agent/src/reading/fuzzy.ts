/**
 * Typos in the few words whose meaning matters most ("отпешитесь", "unsubcribe"): a word within
 * one edit (insert, delete, substitute, swap two neighbours) of a long keyword is read as the
 * keyword. Short words are matched exactly: at four letters one edit is a different word.
 */
const MIN_FUZZY_LENGTH = 7;

export function withinOneEdit(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (keyword.length < MIN_FUZZY_LENGTH || Math.abs(word.length - keyword.length) > 1) return false;
  let i = 0;
  while (i < word.length && i < keyword.length && word[i] === keyword[i]) i++;
  const a = word.slice(i);
  const b = keyword.slice(i);
  if (a.slice(1) === b.slice(1)) return true; // substitution
  if (a.slice(1) === b || a === b.slice(1)) return true; // insertion / deletion
  return a.length >= 2 && a[0] === b[1] && a[1] === b[0] && a.slice(2) === b.slice(2); // swap
}

/** Replaces each word that is one edit from a keyword by the keyword, keeping everything else. */
export function correctTypos(normalized: string, keywords: readonly string[]): string {
  return normalized.replace(/[\p{L}]+/gu, (word) => {
    if (word.length < MIN_FUZZY_LENGTH - 1) return word;
    return keywords.find((k) => withinOneEdit(word, k)) ?? word;
  });
}
