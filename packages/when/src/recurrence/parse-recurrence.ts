import type { PartOfDayHours } from '../parts-of-day.js';
import { parseWhen } from '../resolve.js';
import { standardSpellings } from '../slang.js';
import type { WhenSpec } from '../spec.js';
import { B_END, normalize, tokenize, type Token } from '../text.js';
import { localParts } from '../zoned-time.js';
import { findCronText, isInvalidCronPatternError, validateCronPattern } from './cron-pattern.js';
import { describeRecurrence } from './describe-recurrence.js';
import { hasHabitWord, readHabit, type Habit } from './habits.js';
import { toPattern, type ScheduleDays as Day } from './schedule.js';
import { timeOfDay } from './time-of-day.js';
import { weekdayOfWord } from './weekday-words.js';

/** A series: a croner pattern, minute-level, read in the client's zone, and what it says in English. */
export interface Recurrence {
  /** e.g. "0 10 * * 1" */
  pattern: string;
  /** e.g. "every Monday at 10:00" */
  description: string;
}

export interface RecurrenceOptions {
  /** Hour of day (local) when the text names no time ("каждый понедельник"). Usually 10. */
  defaultHour: number;
  /** Hours of the parts of day ("каждое утро", "по будням вечером"), as in ResolveOptions. */
  partOfDayHours?: Partial<PartOfDayHours>;
  /** "weekly" with no day named fires on this instant's weekday in its zone (usually now); Monday without one. */
  anchor?: { date: Date; timeZone: string };
}

/** "every 15th", "каждое 15 число", "каждого 15-го": a day of the month right after a habit word. */
const HABIT_DAY = new RegExp(
  `(?:every|each|каждое|каждого)\\s+(?:the\\s+)?(\\d{1,2})(?:(?:st|nd|rd|th|-?(?:е|ое|го|ого))(?:\\s+числ[оа])?|\\s+числ[оа])${B_END}`,
  'u',
);

const LAST = new Set(['last', 'последний', 'последнюю', 'последнее', 'последнего', 'последней']);

/**
 * Reads a recurring schedule from a client's words, Russian or English, anywhere in a longer
 * message ("напоминай мне каждый понедельник в 10 утра об отчёте" → "0 10 * * 1"), or a cron
 * pattern as it is written. null: no series named (one-off phrases such as "завтра в 10", "в
 * понедельник", "через неделю" are for resolveWhen), or one that cron cannot state exactly
 * ("every 2 weeks", "каждое 31-е": rules in README.md). Like resolveWhen, it does not decide whether
 * the client asked for a series: that is up to the caller.
 *
 * @example parseRecurrence('по будням в 9', { defaultHour: 10 }) // { pattern: '0 9 * * 1-5', description: 'every weekday at 9:00' }
 */
export function parseRecurrence(text: string, options: RecurrenceOptions): Recurrence | null {
  if (!Number.isInteger(options.defaultHour) || options.defaultHour < 0 || options.defaultHour > 23) {
    throw new RangeError(`defaultHour must be a whole hour 0–23, got ${options.defaultHour}`);
  }
  const cronText = findCronText(text);
  if (cronText !== undefined) return cronRecurrence(cronText);
  const source = standardSpellings(normalize(text));
  const tokens = tokenize(source);
  const spec = parseWhen(asAnyMonth(text));
  const read = readHabit(tokens, source);
  const habit = read === 'unsupported' ? undefined : read;
  // The month's picks first: "каждый второй понедельник месяца" is no "every other Monday".
  const picked = monthPickSchedule(spec, tokens, habit);
  const schedule = picked ?? (read === 'unsupported' ? undefined : habitSchedule(habit, spec, tokens, source, options.anchor));
  if (!schedule) return null;
  const time = timeOfDay(spec, habit?.partOfDay, options.defaultHour, options.partOfDayHours);
  const pattern = toPattern({ ...schedule, time });
  return { pattern, description: describeRecurrence(pattern, 'en') };
}

/** "каждый первый понедельник месяца", "on the last day of every month": croner's `1#1`, `L`. */
function monthPickSchedule(spec: WhenSpec, tokens: Token[], habit: Habit | undefined): Day | undefined {
  const pick = spec.monthPick;
  if (!pick || pick.which !== 'any' || pick.month !== undefined || !(hasHabitWord(tokens) || habit?.kind === 'monthly')) return undefined;
  if (pick.weekday !== undefined && pick.nth !== undefined) return { kind: 'nthWeekday', weekday: pick.weekday, nth: pick.nth === -1 ? 'last' : pick.nth };
  if (pick.day === -1) return { kind: 'monthDay', day: 'last' };
  return pick.day !== undefined ? monthDay(pick.day) : undefined;
}

function habitSchedule(habit: Habit | undefined, spec: WhenSpec, tokens: Token[], source: string, anchor: RecurrenceOptions['anchor']): Day | undefined {
  const habitDay = HABIT_DAY.exec(source);
  if (habitDay && habit?.kind !== 'days') return monthDay(Number(habitDay[1]));
  switch (habit?.kind) {
    case undefined:
      return undefined;
    case 'days':
      return { kind: 'weekdays', days: habit.days };
    case 'weekly':
      return { kind: 'weekdays', days: [anchor ? localParts(anchor.date, anchor.timeZone).weekday : 1] };
    case 'monthly':
      // A weekday or "last" the month picks did not read ("every last Sunday"): not the 1st by default.
      if (spec.dayOfMonth === undefined && tokens.some((t) => weekdayOfWord(t.text) !== undefined || LAST.has(t.text))) return undefined;
      return monthDay(spec.dayOfMonth ?? 1);
  }
}

/**
 * "в последний день каждого месяца", "the last Friday of every month": the one-off parser reads
 * the day within "месяца" / "of the month" (month-picks.ts), so the month is said its way.
 */
const asAnyMonth = (text: string) => text.replace(/каждого\s+месяца/giu, 'месяца').replace(/of\s+(?:every|each)\s+month/giu, 'of the month');

/**
 * The 29th–31st are missing from some months, and cron then skips the month: a monthly series
 * would go quiet in February. There is no pattern for "the 30th, or the last day when shorter"
 * ("30,L" fires twice in long months), so there is no answer; "the last day" has one (`L`).
 */
const monthDay = (day: number): Day | undefined => (day >= 1 && day <= 28 ? { kind: 'monthDay', day } : undefined);

function cronRecurrence(text: string): Recurrence | null {
  try {
    const pattern = validateCronPattern(text);
    return { pattern, description: describeRecurrence(pattern, 'en') };
  } catch (e) {
    if (isInvalidCronPatternError(e)) return null;
    throw e;
  }
}
