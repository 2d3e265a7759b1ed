import type { LocalDate } from './zoned-time.js';

/** Named parts of day; their hours come from `ResolveOptions.partOfDayHours` (see parts-of-day.ts). */
export type PartOfDay = 'morning' | 'noon' | 'lunch' | 'afternoon' | 'towardsEvening' | 'evening';

/**
 * A day named relative to the week or the month: "на следующей неделе" (`week`, `start`, next),
 * "в конце недели" (`week`, `end`), "в выходные" (`weekend`), "в начале декабря" (`month`, `start`, 12).
 */
export interface Period {
  unit: 'week' | 'weekend' | 'month';
  /** Where in the period: start (Monday, the 1st), middle (Wednesday, the 15th), end (Friday, the last day). */
  part: 'start' | 'middle' | 'end';
  /** "следующей", "next": the period after the current one. */
  next: boolean;
  /** For `month`: a named month (1–12), else the current one. */
  month?: number;
}

/** A day within a month. `which`: `this` month only, the `next` one, or `any` (this one, or a later one once it has passed). */
export interface MonthPick {
  /** A named month, 1–12 (its next occurrence); otherwise `which` decides. */
  month?: number;
  which: 'this' | 'next' | 'any';
  /** The day's number … */
  day?: number;
  /** … or the `nth` (1–5, −1 = last) `weekday` (0 = Sunday) of the month. */
  weekday?: number;
  nth?: number;
}

/**
 * What the parsers understood, before it is pinned to `now` and a zone. Each parser fills the
 * parts it recognises; `resolve.ts` and `calendar.ts` decide how they combine.
 */
export interface WhenSpec {
  /** A full ISO instant: taken as it is. */
  instant?: Date;
  /** An exact offset that keeps the clock (minutes, hours, `45s`, `2h`). */
  exactMs?: number;
  /** A day-granular offset from today (days, weeks, months, `3d`, `1w`). */
  days?: number;
  months?: number;
  /** An absolute local date (`2026-12-01`, "1 декабря 2026"). */
  date?: LocalDate;
  /** A date without a year ("1 декабря", "15.12"): its next occurrence. */
  monthDay?: { month: number; day: number };
  /** A day of the month alone ("25-го", "the 25th"): its next occurrence. */
  dayOfMonth?: number;
  /** Today = 0, tomorrow = 1, the day after = 2. */
  dayOffset?: number;
  /** A day picked within a month by its number or as the nth weekday ("20-го следующего месяца", "first Tuesday of October"). */
  monthPick?: MonthPick;
  /**
   * An offset counted from the day the text names rather than from today: "через неделю после
   * понедельника" (7 days), "a week after tomorrow", "после 20 числа" (1 day). With no day to
   * count from ("через неделю после праздников") there is no answer.
   */
  shift?: { days: number; months: number };
  /** An offset from something that is no time ("через час после звонка"): the caller asks the client. */
  unknownBase?: boolean;
  /** 0 = Sunday … 6 = Saturday: its next occurrence after today, or within `period` when one is named. */
  weekday?: number;
  period?: Period;
  /**
   * An explicit time of day ("в 15:00", "at 3pm"). `bareHour`: an hour with no minutes or am/pm.
   * `hour` 24 is midnight at the end of the day. `minus`: minutes before the hour, taken off once
   * the hour is settled ("без четверти пять" → 17:00 − 15 min), so the hour named decides am or pm.
   */
  clock?: { hour: number; minute: number; bareHour: boolean; minus?: number };
  partOfDay?: PartOfDay;
  /** "в это же время", "same time": a day-granular phrase keeps the current time of day. */
  sameTime?: boolean;
  /** The text speaks of the past ("вчера", "ago"): a time of day alone is not a time to write. */
  past?: boolean;
}
