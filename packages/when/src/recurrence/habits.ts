import type { PartOfDay } from '../spec.js';
import { matchPhrase, phraseTable, type Token } from '../text.js';
import { readInterval } from './intervals.js';
import { HABIT_LEADS, readWeekdayList, readWeekdayRange } from './weekday-words.js';

/**
 * How often the text asks for something, before the time of day or the day of the month is read.
 * `days`: days of the week (0 = Sunday), all seven for "every day"; `weekly`: once a week on a day
 * the text does not name; `monthly`: the day comes from the text (parse-recurrence.ts).
 */
export type Habit = ({ kind: 'days'; days: number[] } | { kind: 'weekly' } | { kind: 'monthly' }) & { partOfDay?: PartOfDay };

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const WORKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [0, 6];

/** Habits said in one phrase; the interval forms ("every day", "каждую неделю", "раз в месяц") are in intervals.ts. */
const PHRASES = phraseTable<Habit>([
  ...(['ежедневно', 'каждодневно', 'daily', 'everyday'] as const).map((p) => [p, { kind: 'days', days: EVERY_DAY }] as const),
  ...(['каждое утро', 'every morning', 'each morning'] as const).map((p) => [p, { kind: 'days', days: EVERY_DAY, partOfDay: 'morning' }] as const),
  ...(['каждый вечер', 'every evening', 'each evening', 'every night'] as const).map((p) => [p, { kind: 'days', days: EVERY_DAY, partOfDay: 'evening' }] as const),
  ...(['every afternoon', 'each afternoon'] as const).map((p) => [p, { kind: 'days', days: EVERY_DAY, partOfDay: 'afternoon' }] as const),
  ...[
    'по будням', 'в будни', 'по будним дням', 'в будние дни', 'каждый будний день', 'по рабочим дням', 'в рабочие дни',
    'каждый рабочий день', 'кроме выходных', 'every weekday', 'each weekday', 'on weekdays', 'weekdays', 'every working day',
    'every business day', 'every workday', 'on workdays', 'workdays', 'except weekends', 'except on weekends',
  ].map((p) => [p, { kind: 'days', days: WORKDAYS }] as const),
  ...['по выходным', 'каждые выходные', 'every weekend', 'each weekend', 'on weekends', 'weekends'].map((p) => [p, { kind: 'days', days: WEEKEND }] as const),
  ...['еженедельно', 'weekly'].map((p) => [p, { kind: 'weekly' }] as const),
  ...['ежемесячно', 'monthly'].map((p) => [p, { kind: 'monthly' }] as const),
]);

/** The more specific habit wins when the text names several: "ежедневно, кроме выходных" is workdays. */
const RANK = (h: Habit) => (h.kind === 'days' ? (h.days.length === 7 ? 0 : 2) : 1);

/**
 * The habit the text names; 'unsupported' for one cron cannot state exactly (intervals.ts); undefined for none.
 * Weekdays named ("по понедельникам и четвергам", "каждый день с пн по пт") beat the rest; "weekly" with a weekday
 * named ("еженедельно в пятницу") is that weekday.
 */
export function readHabit(tokens: Token[], source: string): Habit | 'unsupported' | undefined {
  const interval = readInterval(tokens, source);
  if (interval === 'unsupported') return interval;
  let found: Habit | undefined =
    interval === 'daily' ? { kind: 'days', days: EVERY_DAY } : interval ? { kind: interval } : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const m = matchPhrase(tokens, i, PHRASES, source);
    if (!m) continue;
    // The part of day of "каждое утро" stays whichever habit wins ("каждое утро по будням").
    const partOfDay = m.value.partOfDay ?? found?.partOfDay;
    if (!found || RANK(m.value) > RANK(found)) found = m.value;
    found = partOfDay ? { ...found, partOfDay } : found;
    i += m.length - 1;
  }
  const days = readWeekdayRange(tokens, source, found !== undefined) ?? readWeekdayList(tokens, source, found?.kind === 'weekly');
  if (days) return { kind: 'days', days, ...(found?.partOfDay ? { partOfDay: found.partOfDay } : {}) };
  return found;
}

/** Whether the text speaks of a habit at all: "каждый первый понедельник месяца" has no phrase above but is one. */
export const hasHabitWord = (tokens: Token[]) => tokens.some((t) => HABIT_LEADS.has(t.text) || t.text === 'каждого');
