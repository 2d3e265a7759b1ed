import { fromPattern, type Schedule, type TimeOfDay } from './schedule.js';

/** The weekdays in the order a week is read out, Monday first. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_NTH = ['', 'first', 'second', 'third', 'fourth', 'fifth'];
/** "каждый понедельник", "каждую среду", "каждое воскресенье": the accusative and its gender. */
const RU_DAYS = [
  { acc: 'воскресенье', gender: 2, plural: 'воскресеньям' }, { acc: 'понедельник', gender: 0, plural: 'понедельникам' },
  { acc: 'вторник', gender: 0, plural: 'вторникам' }, { acc: 'среду', gender: 1, plural: 'средам' },
  { acc: 'четверг', gender: 0, plural: 'четвергам' }, { acc: 'пятницу', gender: 1, plural: 'пятницам' },
  { acc: 'субботу', gender: 1, plural: 'субботам' },
];
/** By gender (masculine, feminine, neuter), accusative: "в первый понедельник", "в последнюю пятницу", "в третье воскресенье". */
const RU_EACH = ['каждый', 'каждую', 'каждое'];
const RU_NTH: Record<string, string[]> = {
  1: ['первый', 'первую', 'первое'], 2: ['второй', 'вторую', 'второе'], 3: ['третий', 'третью', 'третье'],
  4: ['четвертый', 'четвертую', 'четвертое'], 5: ['пятый', 'пятую', 'пятое'], last: ['последний', 'последнюю', 'последнее'],
};

/**
 * A series in words, for confirmations: "0 10 * * 1" → "каждый понедельник в 10:00" / "every
 * Monday at 10:00"; "0 9 * * 1-5" → "по будням в 9:00"; "0 10 1 * *" → "1-го числа каждого месяца
 * в 10:00". A pattern with no such phrase is quoted: "по расписанию «0 *\/2 * * *»".
 */
export function describeRecurrence(pattern: string, language: 'ru' | 'en'): string {
  const schedule = fromPattern(pattern);
  const shown = pattern.trim().split(/\s+/).join(' ');
  if (!schedule) return language === 'ru' ? `по расписанию «${shown}»` : `on the schedule “${shown}”`;
  return language === 'ru' ? `${ruDays(schedule)} в ${clock(schedule.time)}` : `${enDays(schedule)} at ${clock(schedule.time)}`;
}

const clock = ({ hour, minute }: TimeOfDay) => `${hour}:${String(minute).padStart(2, '0')}`;
const inWeekOrder = (days: number[]) => WEEK_ORDER.filter((d) => days.includes(d));
const list = (words: string[], and: string) => (words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`);
const sameDays = (days: number[], expected: number[]) => days.length === expected.length && expected.every((d) => days.includes(d));

function enDays(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'weekdays':
      if (schedule.days.length === 7) return 'every day';
      if (sameDays(schedule.days, [1, 2, 3, 4, 5])) return 'every weekday';
      return `every ${list(inWeekOrder(schedule.days).map((d) => EN_DAYS[d]!), 'and')}`;
    case 'monthDay':
      return schedule.day === 'last' ? 'on the last day of every month' : `on the ${ordinalSuffix(schedule.day)} of every month`;
    case 'nthWeekday':
      return `on the ${schedule.nth === 'last' ? 'last' : EN_NTH[schedule.nth]} ${EN_DAYS[schedule.weekday]} of every month`;
  }
}

function ruDays(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'weekdays': {
      if (schedule.days.length === 7) return 'ежедневно';
      if (sameDays(schedule.days, [1, 2, 3, 4, 5])) return 'по будням';
      if (sameDays(schedule.days, [0, 6])) return 'по выходным';
      const days = inWeekOrder(schedule.days).map((d) => RU_DAYS[d]!);
      if (days.length === 1) return `${RU_EACH[days[0]!.gender]} ${days[0]!.acc}`;
      return `по ${list(days.map((d) => d.plural), 'и')}`;
    }
    case 'monthDay':
      return schedule.day === 'last' ? 'в последний день каждого месяца' : `${schedule.day}-го числа каждого месяца`;
    case 'nthWeekday': {
      const day = RU_DAYS[schedule.weekday]!;
      const nth = RU_NTH[schedule.nth]![day.gender]!;
      // "во вторую среду": "в" before "вт" is said "во".
      return `${nth.startsWith('вт') ? 'во' : 'в'} ${nth} ${day.acc} каждого месяца`;
    }
  }
}

/** 1st, 2nd, 3rd, 4th, 11th–13th, 21st, 22nd, 23rd, 31st. */
function ordinalSuffix(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
