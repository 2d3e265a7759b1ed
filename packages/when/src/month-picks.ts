import { MONTHS_ALONE } from './months.js';
import type { MonthPick, WhenSpec } from './spec.js';
import { alternation } from './clock-parts.js';
import { B_END, B_START, followsAfter } from './text.js';

// Days picked within a month: "первый понедельник декабря", "the last Friday of the month",
// "в последний день месяца", "20-го следующего месяца", "the 5th of next month".

const RU_NTH: Record<string, number> = {};
for (const [n, forms] of [[1, 'первый первую первое первая'], [2, 'второй вторую второе вторая'], [3, 'третий третью третье третья'],
  [4, 'четвертый четвертую четвертое четвертая'], [5, 'пятый пятую пятое пятая'], [-1, 'последний последнюю последнее последняя']] as const) {
  for (const w of forms.split(' ')) RU_NTH[w] = n;
}
const EN_NTH: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1, final: -1 };

/** Weekdays in the forms that follow an ordinal; `day` is the day itself ("первый день месяца"). */
const WEEKDAY_FORMS: Record<string, number | 'day'> = {
  понедельник: 1, вторник: 2, среду: 3, среда: 3, четверг: 4, пятницу: 5, пятница: 5, субботу: 6, суббота: 6, воскресенье: 0, день: 'day',
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 0, day: 'day',
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 0,
};

/** Which month: "месяца" / "the month" (this one or, once passed, the next), "следующего месяца", a named month. */
const WHICH: Record<string, MonthPick['which']> = {
  месяца: 'any', 'этого месяца': 'this', 'текущего месяца': 'this', 'следующего месяца': 'next', 'будущего месяца': 'next',
  'the month': 'any', 'this month': 'this', 'the current month': 'this', 'next month': 'next', 'the next month': 'next', 'the following month': 'next',
};
const MONTH = `(${alternation([...Object.keys(WHICH), ...MONTHS_ALONE.keys()])})`;

const NTH_WEEKDAY = new RegExp(
  `${B_START}(?:the\\s+)?(${alternation([...Object.keys(RU_NTH), ...Object.keys(EN_NTH)])})\\s+(${alternation(Object.keys(WEEKDAY_FORMS))})\\s+(?:(?:of|in|в)\\s+)?${MONTH}${B_END}`,
  'gu',
);
/** A day number with "следующего месяца" / "of next month" (ordinal words are digits by now: ordinals.ts). */
const DAY_OF_MONTH = new RegExp(
  `${B_START}(?:the\\s+)?(\\d{1,2})(?:-?(?:го|е|ое)|st|nd|rd|th)?(?:\\s+числа)?\\s+(?:of\\s+)?(${alternation(Object.keys(WHICH).filter((k) => k !== 'месяца'))})${B_END}`,
  'gu',
);

/** Cheap tests first: most messages have no ordinal and no "месяца". */
const MAY_HAVE_NTH = /перв|втор|трет|четв|пят|послед|first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th/;
const MAY_HAVE_MONTH = /месяц|month/;

/** Reads days picked within a month; returns the text without them. */
export function parseMonthPicks(text: string, spec: WhenSpec): string {
  if (!MAY_HAVE_NTH.test(text) && !MAY_HAVE_MONTH.test(text)) return text;
  let rest = text;
  const take = (m: RegExpMatchArray, pick: MonthPick) => {
    spec.monthPick = pick;
    if (followsAfter(m.input!, m.index!)) spec.shift ??= { days: 1, months: 0 };
    rest = rest.replace(m[0], ' ');
  };
  for (const m of text.matchAll(NTH_WEEKDAY)) {
    const nth = RU_NTH[m[1]!] ?? EN_NTH[m[1]!]!;
    const what = WEEKDAY_FORMS[m[2]!]!;
    const month = MONTHS_ALONE.get(m[3]!);
    const where: MonthPick = month !== undefined ? { month, which: 'any' } : { which: WHICH[m[3]!]! };
    // "the first day of the month" is the 1st, "the last day" the month's end (-1); "the third day" the 3rd.
    if (what === 'day') take(m, { ...where, day: nth });
    else take(m, { ...where, weekday: what, nth });
  }
  for (const m of MAY_HAVE_MONTH.test(rest) ? rest.matchAll(DAY_OF_MONTH) : []) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31) take(m, { which: WHICH[m[2]!]!, day });
  }
  return rest;
}
