import { MONTH_PATTERN, MONTHS } from './months.js';
import type { WhenSpec } from './spec.js';
import { B_END, B_START, followsAfter } from './text.js';
import { isRealDate } from './zoned-time.js';

const YEAR = `(?:,?\\s+(\\d{4})(?:\\s*(?:года|год|г)\\.?)?)?`;
/** "1 декабря", "1-го декабря 2026 года", "15 дек", "1st of December", "the 1st December, 2026". */
const DAY_MONTH = new RegExp(`${B_START}(?:the\\s+)?(\\d{1,2})(?:-?(?:го|е|ое)|st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?${YEAR}${B_END}`, 'gu');
/** "December 1", "Dec 15th, 2026". */
const MONTH_DAY = new RegExp(`${B_START}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${YEAR}${B_END}`, 'gu');
/** "15.12", "15.12.2026", "01.12.26": day first, the month in two digits so "1.5 часа" stays a number. */
const DOTTED = new RegExp(`${B_START}(\\d{1,2})\\.(\\d{2})(?:\\.(\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}]|[.,]\\d)`, 'gu');
/** "15/12", "12/15/2026": whichever order fits; when both do, day first in Russian text, month first otherwise. */
const SLASHED = new RegExp(`${B_START}(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?${B_END}`, 'gu');
/** A day of the month alone: "25-го", "25-ого", "25 числа", "на 25-е", "к 5-му числу", "the 25th", "after 15th"; not "the 2nd floor". */
const DAY_ONLY = new RegExp(
  `${B_START}(?:(\\d{1,2})(?:-?(?:го|ого|е|ое|му|ому)(?:\\s+числ[ау])?|\\s+числ[ау])|(?:the\\s+|(?<=(?:on|by|after)\\s+))(\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:floor|time|one|row|round|try|attempt|place|level|option)))${B_END}`,
  'gu',
);

/** A date after these opens or closes a range ("с 1 по 15 декабря", "until Dec 1"): a stay, not a time to write. */
const RANGE_BEFORE = /(?:^|[^\p{L}])(?:с|со|по|до|from|until|till|between)\s*$/u;
/**
 * "to" and a dash close a range only after a date or a number ("Nov 10 to Nov 20", "1/2 - 2/3",
 * "15-20 декабря"); alone they point at the day: "move the closing to 2/3", "созвон - 15.12".
 */
const RANGE_END_AFTER_DATE = /\d(?:-?\p{L}{1,9})?\.?\s*(?:-|to)\s*$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Calendar dates written with a month name or in digits. Returns the text without them, so their
 * digits are not read again as a time or an amount. The last date in the text wins.
 */
export function parseDates(text: string, spec: WhenSpec): string {
  // Every pattern has a digit (ordinal words are digits by now: ordinals.ts).
  if (!/\d/.test(text)) return text;
  let rest = text;
  const dayFirst = CYRILLIC.test(text);
  /** Each pattern reads what the ones before it left; a match is removed even when it is a range. */
  const each = (pattern: RegExp, use: (m: RegExpMatchArray) => void) => {
    const source = rest;
    for (const m of source.matchAll(pattern)) {
      rest = rest.replace(m[0], ' ');
      const before = source.slice(Math.max(0, m.index - 16), m.index);
      if (RANGE_BEFORE.test(before) || RANGE_END_AFTER_DATE.test(before)) continue;
      use(m);
      // "после 20 числа", "after December 1": the day after it.
      if (followsAfter(source, m.index)) spec.shift ??= { days: 1, months: 0 };
    }
  };
  each(DAY_MONTH, (m) => setDate(spec, Number(m[1]), MONTHS.get(m[2]!)!, m[3]));
  each(MONTH_DAY, (m) => setDate(spec, Number(m[2]), MONTHS.get(m[1]!)!, m[3]));
  each(DOTTED, (m) => setDate(spec, Number(m[1]), Number(m[2]), m[3]));
  each(SLASHED, (m) => {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayFirstHere = a > 12 || (b <= 12 && dayFirst);
    setDate(spec, dayFirstHere ? a : b, dayFirstHere ? b : a, m[3]);
  });
  each(DAY_ONLY, (m) => {
    const day = Number(m[1] ?? m[2]);
    if (day >= 1 && day <= 31) spec.dayOfMonth = day;
  });
  return rest;
}

function setDate(spec: WhenSpec, day: number, month: number, yearText: string | undefined): void {
  if (yearText === undefined) {
    // Valid in some year (29 February in a leap one): its next occurrence is found when resolving.
    if (!isRealDate({ year: 2000, month, day })) return;
    spec.monthDay = { month, day };
    delete spec.date;
    return;
  }
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (!isRealDate({ year, month, day })) return;
  spec.date = { year, month, day };
  delete spec.monthDay;
}
