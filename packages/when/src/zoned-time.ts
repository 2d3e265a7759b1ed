/**
 * Conversion between UTC instants and wall-clock time in an IANA zone, with nothing but Intl.
 * Day arithmetic happens on local calendar dates, never on instants, so "tomorrow at 10:00"
 * stays 10:00 across a DST change while "in 24 hours" stays 24 real hours.
 */

/** A calendar date in some zone. `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A time of day. `hour` is 0–23. */
export interface LocalTime {
  hour: number;
  minute: number;
  second?: number;
}

/** What a clock on the wall in the zone shows at an instant. `weekday`: 0 = Sunday … 6 = Saturday. */
export interface LocalParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` names a zone this runtime knows (e.g. `Asia/Makassar`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `11/18/2026, 15:20:05`: what the en-US h23 formatter prints, read without formatToParts' allocations. */
const FORMATTED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})$/;

type WallFields = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** The wall clock in the zone at `instant`. */
function wallFields(instant: Date, timeZone: string): WallFields {
  const f = formatterFor(timeZone);
  const m = FORMATTED.exec(f.format(instant));
  if (m) return [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]) % 24, Number(m[5]), Number(m[6])];
  // A runtime that prints something else (an old ICU, a year before 1000): the slow, exact way.
  const fields: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') fields[p.type] = Number(p.value);
  return [fields.year!, fields.month!, fields.day!, fields.hour! % 24, fields.minute!, fields.second!];
}

/** The wall-clock date and time in `timeZone` at `instant`. Throws RangeError for an unknown zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const [year, month, day, hour, minute, second] = wallFields(instant, timeZone);
  const date = { year, month, day };
  return { ...date, hour, minute, second, weekday: weekdayOf(date) };
}

/** Milliseconds the zone is ahead of UTC at `instant` (Asia/Makassar: +8 h). */
export function offsetMs(instant: Date, timeZone: string): number {
  const [year, month, day, hour, minute, second] = wallFields(instant, timeZone);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. Like Temporal's
 * `compatible` disambiguation: a time that occurs twice (clocks fall back) takes the earlier
 * instant; a time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30).
 */
export function zonedTimeToInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second ?? 0);
  // Offsets a day either side cover every real transition; the candidates are wall minus each.
  const before = offsetMs(new Date(wall - DAY_MS), timeZone);
  const after = offsetMs(new Date(wall + DAY_MS), timeZone);
  // The same offset a day either side (nearly always): no change in between, one instant.
  if (before === after) return new Date(wall - before);
  const matches = [...new Set([wall - before, wall - after])]
    .filter((t) => wall - offsetMs(new Date(t), timeZone) === t)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wall - before);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Same day `months` later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Whether a y-m-d triple is a real calendar date. */
export function isRealDate(date: LocalDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}
