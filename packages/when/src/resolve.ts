import { parseClockTimes } from './clock-time.js';
import { parseCompact, parseIso } from './compact.js';
import { parseDayWords } from './day-words.js';
import { parseOffsets } from './offsets.js';
import type { WhenSpec } from './spec.js';
import { normalize, tokenize } from './text.js';
import { addDays, addMonths, localParts, zonedTimeToInstant, type LocalDate, type LocalTime } from './zoned-time.js';

export interface ResolveOptions {
  /** Hour of day (local) for day-granular phrases. Default 10. */
  defaultHour?: number;
}

/** Reads every part of a time the text names; zone- and clock-free. */
export function parseWhen(text: string): WhenSpec {
  const spec: WhenSpec = {};
  // Order matters: each regex parser removes what it took, so its digits are not read twice.
  let rest = normalize(text);
  rest = parseIso(rest, spec);
  rest = parseCompact(rest, spec);
  rest = parseClockTimes(rest, spec);
  const tokens = tokenize(rest);
  parseOffsets(tokens, spec);
  parseDayWords(tokens, rest, spec);
  return spec;
}

/**
 * Pins a parsed spec to `now` in `timeZone`. An ISO instant is taken as given; anything else
 * must land after `now`, or there is no answer.
 */
export function resolveSpec(spec: WhenSpec, now: Date, timeZone: string, options: ResolveOptions = {}): Date | null {
  if (spec.instant) return spec.instant;
  if (spec.exactMs !== undefined) return new Date(now.getTime() + spec.exactMs);

  const current = localParts(now, timeZone);
  const today: LocalDate = { year: current.year, month: current.month, day: current.day };
  const time = timeOfDay(spec, options.defaultHour ?? 10);
  const future = (instant: Date) => (instant.getTime() > now.getTime() ? instant : null);

  const date = dateOf(spec, today, current.weekday);
  if (date) return future(zonedTimeToInstant(date, time, timeZone));
  if (spec.clock || spec.partOfDay !== undefined) {
    // A time with no day: today if it is still ahead, otherwise tomorrow.
    const todayAt = zonedTimeToInstant(today, time, timeZone);
    return future(todayAt) ?? zonedTimeToInstant(addDays(today, 1), time, timeZone);
  }
  return null;
}

function dateOf(spec: WhenSpec, today: LocalDate, weekdayToday: number): LocalDate | undefined {
  if (spec.days !== undefined || spec.months !== undefined) return addMonths(addDays(today, spec.days ?? 0), spec.months ?? 0);
  if (spec.date) return spec.date;
  if (spec.dayOffset !== undefined) return addDays(today, spec.dayOffset);
  // A weekday is its next occurrence after today: on a Wednesday, "в среду" is a week later.
  if (spec.weekday !== undefined) return addDays(today, (spec.weekday - weekdayToday + 7) % 7 || 7);
  return undefined;
}

function timeOfDay(spec: WhenSpec, defaultHour: number): LocalTime {
  const { clock, partOfDay } = spec;
  if (!clock) return { hour: partOfDay ?? defaultHour, minute: 0 };
  let hour = clock.hour;
  if (hour < 12 && partOfDay !== undefined && partOfDay >= 12) hour += 12; // "вечером в 7" → 19:00
  else if (clock.bareHour && partOfDay === undefined && hour >= 1 && hour <= 8) hour += 12; // "в 5" → 17:00
  return { hour, minute: clock.minute };
}
