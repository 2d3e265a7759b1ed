import { parseWhen, resolveSpec, type ResolveOptions } from './resolve.js';
import { focusOnContactClause, focusOnCorrection } from './clause-focus.js';

export type { ResolveOptions } from './resolve.js';
export type { PartOfDay, Period, WhenSpec } from './spec.js';
export { parseWhen, resolveSpec } from './resolve.js';
export { DEFAULT_PART_OF_DAY_HOURS, type PartOfDayHours } from './parts-of-day.js';
export {
  addDays,
  addMonths,
  isRealDate,
  isValidTimeZone,
  localParts,
  offsetMs,
  sameDate,
  weekdayOf,
  zonedTimeToInstant,
  type LocalDate,
  type LocalParts,
  type LocalTime,
} from './zoned-time.js';
export * from './recurrence/index.js';

/**
 * Resolves the time a client asks to be contacted at, from their own words, in their time zone.
 * Deterministic: the same text, `now` and zone always give the same instant. `null`: no time to
 * write was asked for, the phrase is not understood, or the time it names has already passed
 * (a full ISO instant is the exception: it is returned as written). The rules: README.md.
 *
 * Exact offsets keep the clock ("через 2 часа", `45m` → now + offset, real elapsed time);
 * day-granular phrases ("завтра", "в пятницу", "через неделю", "после выходных", `3d`,
 * "1 декабря") land at `defaultHour` local unless a time or part of day is named ("утром" 10,
 * "днём" 13, "после обеда" 15, "вечером" 19 — `partOfDayHours` changes them).
 *
 * @example resolveWhen('свяжись завтра утром', new Date('2026-11-18T07:20:00Z'), 'Asia/Makassar') // 2026-11-19T02:00:00.000Z
 */
export function resolveWhen(text: string, now: Date, timeZone: string, options: ResolveOptions = {}): Date | null {
  return resolveSpec(parseWhen(focusOnContactClause(focusOnCorrection(text, parseWhen), parseWhen)), now, timeZone, options);
}
export { isDayGranular } from './granularity.js';
