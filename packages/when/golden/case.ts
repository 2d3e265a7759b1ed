/**
 * One golden case: a client's words, the moment they wrote and their zone, and the local wall
 * time the resolver must give (`YYYY-MM-DD HH:mm`, exact to the minute) or `null` (no time to write).
 */
export interface GoldenCase {
  text: string;
  /** The reference instant, ISO UTC. */
  now: string;
  tz: string;
  expected: string | null;
  /** The rule the case checks. */
  note: string;
  /** `neutral`: compact forms and ISO dates, the same in every language. */
  lang: 'ru' | 'en' | 'neutral';
}

export type Row = readonly [text: string, expected: string | null, note: string];

/** Rows that share a moment and a zone: the table reads like the examples. */
export function scene(now: string, tz: string, rows: readonly Row[]): GoldenCase[] {
  return rows.map(([text, expected, note]) => ({ text, now, tz, expected, note, lang: languageOf(text) }));
}

function languageOf(text: string): GoldenCase['lang'] {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  // A Latin word of two letters or more; `45m`, `1h30m`, `2026-12-01T07:00Z` have none.
  return /(?<![\p{L}\p{N}])\p{Script=Latin}{2,}(?![\p{L}\p{N}])/u.test(text) ? 'en' : 'neutral';
}

/** Wednesday 2026-11-18 15:20 in Asia/Makassar (UTC+8): the reference moment. */
export const WEDNESDAY = '2026-11-18T07:20:00.000Z';
export const MAKASSAR = 'Asia/Makassar';
