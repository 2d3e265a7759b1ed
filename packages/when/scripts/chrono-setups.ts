import * as chrono from 'chrono-node';
import type { GoldenCase } from '../golden/case.js';
import { DEFAULT_PART_OF_DAY_HOURS, offsetMs, zonedTimeToInstant } from '../src/index.js';

/** One way of answering a golden case: the instant, or null for "no time". */
export type Resolver = (c: GoldenCase, now: Date) => Date | null;

/** chrono's Russian parser for Russian text, its casual English one for the rest (it reads ISO dates and `7d`). */
function parse(c: GoldenCase, now: Date): chrono.ParsedResult | undefined {
  const parser = c.lang === 'ru' ? chrono.ru : chrono.en;
  // chrono knows fixed offsets, not IANA zones: give it the zone's offset at the reference instant.
  const timezone = offsetMs(now, c.tz) / 60_000;
  return parser.parse(c.text, { instant: now, timezone }, { forwardDate: true })[0];
}

/** chrono-node as it comes: its first result's date, forwardDate on, "no result" as null. */
export const chronoAsIs: Resolver = (c, now) => parse(c, now)?.date() ?? null;

/** chrono's casual parts of day, mapped onto ours so the comparison is about parsing, not defaults. */
const PART_TAGS: [string, number][] = [
  ['casualReference/morning', DEFAULT_PART_OF_DAY_HOURS.morning],
  ['casualReference/noon', DEFAULT_PART_OF_DAY_HOURS.noon],
  ['casualReference/afternoon', DEFAULT_PART_OF_DAY_HOURS.afternoon],
  ['casualReference/evening', DEFAULT_PART_OF_DAY_HOURS.evening],
  ['casualReference/tonight', DEFAULT_PART_OF_DAY_HOURS.evening],
];

/**
 * chrono-node as a base would be used: its parse, with our policy layered on top — exact offsets
 * and instants with their own zone as they are; otherwise its calendar date at its certain time,
 * or else at our part-of-day hour or the default 10:00, pinned to the IANA zone (DST-correct);
 * a result not ahead of now is null.
 */
export const chronoWithOurDefaults: Resolver = (c, now) => {
  const result = parse(c, now);
  if (!result) return null;
  const tags = result.tags();
  const s = result.start;
  // An offset of hours or minutes, or a time written with its own zone ("…Z"), is an instant already.
  if (tags.has('result/relativeDateAndTime') || s.isCertain('timezoneOffset')) return result.date();
  const date = { year: s.get('year')!, month: s.get('month')!, day: s.get('day')! };
  const part = PART_TAGS.find(([tag]) => tags.has(tag));
  const time = s.isCertain('hour')
    ? { hour: s.get('hour')!, minute: s.get('minute') ?? 0 }
    : { hour: part?.[1] ?? 10, minute: 0 };
  const at = zonedTimeToInstant(date, time, c.tz);
  return at.getTime() > now.getTime() ? at : null;
};
