import type { LocalDate } from './zoned-time.js';

/**
 * What the parsers understood, before it is pinned to `now` and a zone. Each parser fills the
 * parts it recognises; `resolve.ts` decides how they combine. A later, thorough resolver adds
 * parts here (next week, month names, …) without touching the parsers that exist.
 */
export interface WhenSpec {
  /** A full ISO instant: taken as it is. */
  instant?: Date;
  /** An exact offset that keeps the clock (minutes, hours, `45s`, `2h`). */
  exactMs?: number;
  /** A day-granular offset from today (days, weeks, months, `3d`, `1w`). */
  days?: number;
  months?: number;
  /** An absolute local date (`2026-12-01`). */
  date?: LocalDate;
  /** Today = 0, tomorrow = 1, the day after = 2. */
  dayOffset?: number;
  /** 0 = Sunday … 6 = Saturday: its next occurrence after today. */
  weekday?: number;
  /** An explicit time of day ("в 15:00", "at 3pm"). `bareHour`: an hour with no minutes or am/pm. */
  clock?: { hour: number; minute: number; bareHour: boolean };
  /** A part of day's hour ("утром" 10, "вечером" 19). */
  partOfDay?: number;
}
