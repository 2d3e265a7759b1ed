/** A word in the text: letters, with inner hyphens and apostrophes ("нью-йорке", "i'm"). */
export interface Word {
  /** As written, for `matched`. */
  raw: string;
  /** Normalised (see `nameKey`), for lookups and grammar. */
  text: string;
  start: number;
  end: number;
}

/**
 * The one spelling that both the gazetteer keys and the message words are reduced to: lower case,
 * `ё` as `е`, Latin diacritics dropped ("Zürich" → "zurich"; Cyrillic `й` keeps its breve),
 * dashes as `-`, curly apostrophes straight, dots dropped ("St. Petersburg"), spaces single.
 */
export function nameKey(name: string): string {
  // The decomposition is only needed for Latin letters with marks; most names have none.
  const folded = /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/.test(name)
    ? name.normalize('NFD').replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1').normalize('NFC')
    : name;
  const lower = folded.toLowerCase();
  // most names are plain words already: skip the replacements
  if (/^[a-z\u0430-\u044f]+(?:[ -][a-z\u0430-\u044f]+)*$/.test(lower)) return lower;
  return lower
    .replaceAll('ё', 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2019\u02bc`]/g, "'")
    .replace(/\./g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters with inner hyphens/apostrophes; numbers and punctuation separate words. */
export function words(text: string): Word[] {
  return [...text.matchAll(/\p{L}+(?:['\u2019\u02bc-]\p{L}+)*/gu)].map((m) => ({
    raw: m[0],
    text: nameKey(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Whether only spaces (no comma, full stop, digit…) stand between two words. */
export function adjacent(text: string, left: Word, right: Word): boolean {
  return text.slice(left.end, right.start).trim() === '';
}
