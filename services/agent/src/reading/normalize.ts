/**
 * The text as the readers match it: lower case, ё as е, typographic apostrophes and dashes as
 * ASCII, a letter repeated three times or more cut to one ("стоооп", "stoppp"), runs of
 * whitespace as one space. Readers then match whole words with the boundaries below.
 */
export function normalizeForReading(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\u2019\u02bc\u2018`]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word boundaries that understand Cyrillic (JavaScript's \b does not). */
export const L = '(?<![\\p{L}\\p{N}])';
export const R = '(?![\\p{L}\\p{N}])';

/** A regex matching any of `alternatives` as whole words. */
export function words(alternatives: readonly string[], flags = 'u'): RegExp {
  return new RegExp(`${L}(?:${alternatives.join('|')})${R}`, flags);
}

/** The words of a normalised text: letters, digits, apostrophes and inner hyphens. */
export function tokens(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}
