import { startsPartOfDay } from './parts-of-day.js';
import type { Token } from './text.js';

// What an offset is counted from, read from the words right after it.

/**
 * - `now`: "a week from now", "two days from today" — from this moment, as after "через".
 * - `day`: "a week after tomorrow", "через два дня после понедельника" — from the day named next,
 *   or from something that is no day ("после праздников", "after we sign").
 * - `fromDay`: "a week from Monday"; but "in 10 minutes from the office" is a place, not a day.
 * - `past`: "2 hours ago", "неделю назад" — not a time to write at all.
 * - `none`: nothing of the kind; "через 2 дня после обеда" is two days on, in the afternoon.
 */
export type Anchor = 'now' | 'day' | 'fromDay' | 'past' | 'none';

const PAST = new Set(['ago', 'назад', 'back']);
const COUNT_FROM = new Set(['после', 'after', 'from']);
const NOW = new Set(['now', 'today']);

/** The anchor of an offset whose last token is `next - 1`; only spaces may stand between them ("через неделю, после праздников" is two thoughts). */
export function anchorAfter(tokens: Token[], next: number, source: string): Anchor {
  const t = tokens[next];
  if (!t || source.slice(tokens[next - 1]!.end, t.start).trim() !== '') return 'none';
  if (PAST.has(t.text)) return 'past';
  if (!COUNT_FROM.has(t.text)) return 'none';
  if (t.text === 'from' && NOW.has(tokens[next + 1]?.text ?? '')) return 'now';
  if (startsPartOfDay(tokens, next, source)) return 'none';
  return t.text === 'from' ? 'fromDay' : 'day';
}
