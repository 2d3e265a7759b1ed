/** A local time of day, as a series fires it. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * The shapes of series this package says in words, and the only ones parseRecurrence builds:
 * days of the week (all seven = every day), a day of the month ('last' = its last day), or the
 * nth weekday of the month ('last' = the last one). Any other cron pattern is kept as written.
 */
export type Schedule = ScheduleDays & { time: TimeOfDay };
export type ScheduleDays =
  | { kind: 'weekdays'; days: number[] }
  | { kind: 'monthDay'; day: number | 'last' }
  | { kind: 'nthWeekday'; weekday: number; nth: number | 'last' };

const EVERY_DAY = '0,1,2,3,4,5,6';

/** The croner pattern of a schedule, minute-level: `{ weekdays [1], 10:00 }` → `"0 10 * * 1"`. */
export function toPattern(schedule: Schedule): string {
  const { hour, minute } = schedule.time;
  switch (schedule.kind) {
    case 'weekdays': {
      const days = [...new Set(schedule.days)].sort((a, b) => a - b).join(',');
      return `${minute} ${hour} * * ${days === EVERY_DAY ? '*' : days === '1,2,3,4,5' ? '1-5' : days}`;
    }
    case 'monthDay':
      return `${minute} ${hour} ${schedule.day === 'last' ? 'L' : schedule.day} * *`;
    case 'nthWeekday':
      return `${minute} ${hour} * * ${schedule.weekday}#${schedule.nth === 'last' ? 'L' : schedule.nth}`;
  }
}

const NUMBER = /^\d{1,2}$/;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The schedule a pattern states, when it is one of the shapes above (also with a seconds field of
 * 0, or day names as croner reads them: "0 10 * * MON-FRI"); undefined for anything else
 * ("0 *\/2 * * *", a month named, a day of the month and a weekday together).
 */
export function fromPattern(pattern: string): Schedule | undefined {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length === 6 && fields.shift() !== '0') return undefined;
  const [minute, hour, dom, month, dow] = fields;
  if (fields.length !== 5 || !NUMBER.test(minute!) || !NUMBER.test(hour!) || month !== '*') return undefined;
  const time = { hour: Number(hour), minute: Number(minute) };
  if (time.hour > 23 || time.minute > 59) return undefined;
  if (dom === '*') {
    const nth = /^(\w+)#([1-5]|L)$/i.exec(dow!);
    if (nth) {
      const weekday = dayNumber(nth[1]!);
      return weekday === undefined ? undefined : { kind: 'nthWeekday', weekday: weekday % 7, nth: /l/i.test(nth[2]!) ? 'last' : Number(nth[2]), time };
    }
    const days = dow === '*' ? [0, 1, 2, 3, 4, 5, 6] : weekdayList(dow!);
    return days && { kind: 'weekdays', days, time };
  }
  if (dow !== '*') return undefined;
  if (dom!.toUpperCase() === 'L') return { kind: 'monthDay', day: 'last', time };
  return NUMBER.test(dom!) && Number(dom) >= 1 && Number(dom) <= 31 ? { kind: 'monthDay', day: Number(dom), time } : undefined;
}

/** "1-5", "1,4", "MON,THU", "0,6", "7" (Sunday too) → sorted days; undefined for steps or anything unreadable. */
function weekdayList(field: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const ends = part.split('-');
    const [from, to] = [dayNumber(ends[0]!), dayNumber(ends.at(-1)!)];
    if (from === undefined || to === undefined || from > to || ends.length > 2) return undefined;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function dayNumber(text: string): number | undefined {
  const named = DAY_NAMES.indexOf(text.toLowerCase());
  if (named >= 0) return named;
  return NUMBER.test(text) && Number(text) <= 7 ? Number(text) : undefined;
}
