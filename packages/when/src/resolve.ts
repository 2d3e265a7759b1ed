import { candidateDates } from './calendar.js';
import { parseClockTimes } from './clock-time.js';
import { clockWordsAsDigits } from './clock-words.js';
import { parseCompact, parseIso } from './compact.js';
import { parseDates } from './dates.js';
import { parseDayWords } from './day-words.js';
import { parseMonthPicks } from './month-picks.js';
import { parseOffsets } from './offsets.js';
import { ordinalsAsDigits } from './ordinals.js';
import { DEFAULT_PART_OF_DAY_HOURS, hourWithin, parsePartsOfDay, type PartOfDayHours } from './parts-of-day.js';
import { parsePeriods } from './periods.js';
import { parseRelativeMinutes } from './relative-minutes.js';
import type { WhenSpec } from './spec.js';
import { standardSpellings } from './slang.js';
import { parseSuffixedHours } from './suffixed-hours.js';
import { normalize, tokenize } from './text.js';
import { localParts, zonedTimeToInstant, type LocalParts, type LocalTime } from './zoned-time.js';

export interface ResolveOptions {
  /** Hour of day (local) for day-granular phrases ("завтра", "в пятницу", `3d`). Default 10. */
  defaultHour?: number;
  /** Hours of the parts of day; each one given replaces its default (see DEFAULT_PART_OF_DAY_HOURS). */
  partOfDayHours?: Partial<PartOfDayHours>;
}

/** Reads every part of a time the text names; zone- and clock-free. */
export function parseWhen(text: string): WhenSpec {
  const spec: WhenSpec = {};
  // Order matters: each regex parser removes what it took, so its digits are not read twice.
  let rest = standardSpellings(normalize(text)); // "2moro", "next wk", "wensday" as the tables spell them
  rest = parseIso(rest, spec);
  rest = parseSuffixedHours(rest, spec); // `15h` before compact.ts reads it as 15 hours
  rest = parseRelativeMinutes(rest, spec); // "ten to six" before the words become digits
  rest = parseCompact(rest, spec);
  rest = parseClockTimes(clockWordsAsDigits(rest), spec);
  rest = ordinalsAsDigits(rest);
  rest = parseMonthPicks(rest, spec); // "20-го следующего месяца" before dates.ts reads "20-го" alone
  rest = parseDates(rest, spec);
  const tokens = tokenize(rest);
  parseOffsets(tokens, rest, spec);
  parseDayWords(tokens, rest, spec);
  parsePeriods(tokens, rest, spec);
  parsePartsOfDay(tokens, rest, spec);
  return spec;
}

/**
 * Pins a parsed spec to `now` in `timeZone`. An ISO instant is taken as given; an exact offset is
 * real elapsed time; anything else is a local date and time, which must land after `now`, or
 * there is no answer.
 */
export function resolveSpec(spec: WhenSpec, now: Date, timeZone: string, options: ResolveOptions = {}): Date | null {
  if (spec.instant) return spec.instant;
  if (spec.unknownBase) return null;
  if (spec.exactMs !== undefined) return new Date(now.getTime() + spec.exactMs);

  const current = localParts(now, timeZone);
  const time = timeOfDay(spec, options, current);
  const wallNow = Date.UTC(current.year, current.month - 1, current.day, current.hour, current.minute);
  for (const date of candidateDates(spec, { year: current.year, month: current.month, day: current.day })) {
    // Two days behind the wall clock is past whatever the offset does (Samoa once skipped a whole
    // day): skip the costly conversion for the passed candidates of "1 декабря", "25-го".
    if (Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute) < wallNow - 2 * 86_400_000) continue;
    const at = zonedTimeToInstant(date, time, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}

function timeOfDay(spec: WhenSpec, options: ResolveOptions, current: LocalParts): LocalTime {
  const { clock, partOfDay } = spec;
  if (clock) {
    // "вечером в 7" → 19:00. Otherwise a bare hour 1–8 is the afternoon: nobody asks for a message at 5 in the morning ("в 5" → 17:00).
    const hour = partOfDay ? hourWithin(partOfDay, clock.hour) : clock.bareHour && clock.hour >= 1 && clock.hour <= 8 ? clock.hour + 12 : clock.hour;
    // "без четверти пять": the hour named settles am or pm, then the minutes come off (16:45).
    const minutes = hour * 60 + clock.minute - (clock.minus ?? 0);
    return { hour: Math.floor(minutes / 60), minute: minutes - Math.floor(minutes / 60) * 60 };
  }
  if (partOfDay) return { hour: options.partOfDayHours?.[partOfDay] ?? DEFAULT_PART_OF_DAY_HOURS[partOfDay], minute: 0 };
  if (spec.sameTime) return { hour: current.hour, minute: current.minute };
  return { hour: options.defaultHour ?? 10, minute: 0 };
}
