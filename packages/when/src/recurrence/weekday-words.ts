import type { Token } from '../text.js';

/**
 * Weekday words that can name a habit, 0 = Sunday. `plural`: the word names a habit by itself
 * ("по понедельникам", "Mondays"); a singular one needs a lead ("каждый понедельник", "every Monday").
 */
const WORDS = new Map<string, { day: number; plural: boolean }>();
const add = (plural: boolean, day: number, ...words: string[]) => words.forEach((w) => WORDS.set(w, { day, plural }));

// "каждый понедельник", "каждую среду", "каждое воскресенье": the accusative, with the nominative as clients also write it.
add(false, 1, 'понедельник', 'пн', 'monday', 'mon');
add(false, 2, 'вторник', 'вт', 'tuesday', 'tue', 'tues');
add(false, 3, 'среду', 'среда', 'ср', 'wednesday', 'wed');
add(false, 4, 'четверг', 'чт', 'thursday', 'thu', 'thur', 'thurs');
add(false, 5, 'пятницу', 'пятница', 'пт', 'friday', 'fri');
add(false, 6, 'субботу', 'суббота', 'сб', 'saturday', 'sat');
add(false, 0, 'воскресенье', 'воскресение', 'вс', 'sunday', 'sun');
// "по понедельникам", "on Mondays".
add(true, 1, 'понедельникам', 'mondays');
add(true, 2, 'вторникам', 'tuesdays');
add(true, 3, 'средам', 'wednesdays');
add(true, 4, 'четвергам', 'thursdays');
add(true, 5, 'пятницам', 'fridays');
add(true, 6, 'субботам', 'saturdays');
add(true, 0, 'воскресеньям', 'воскресениям', 'sundays');

/** 0 = Sunday … 6 = Saturday, for any weekday word this file knows. */
export const weekdayOfWord = (word: string): number | undefined => WORDS.get(word)?.day;

/** "с понедельника по пятницу": the genitive opens a range, and only a range. */
const GENITIVE = new Map(Object.entries({ понедельника: 1, вторника: 2, среды: 3, четверга: 4, пятницы: 5, субботы: 6, воскресенья: 0 }));
const ABBREVIATIONS = new Set(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
/** Between the two ends of a range: "пн по пт", "Monday to Friday"; a hyphen leaves no token ("Mon-Fri"). */
const RANGE_JOINS = new Set(['по', 'до', 'to', 'through', 'thru', 'till', 'until']);

/** Words that make the weekday after them a habit. */
export const HABIT_LEADS = new Set(['every', 'each', 'каждый', 'каждую', 'каждое']);
/** Between two weekdays of one list: "по понедельникам и по четвергам", "every Monday and every Friday", "Mon & Thu". */
const LIST_GLUE = new Set(['и', 'также', 'and', 'also', 'по', 'в', 'во', 'on', ...HABIT_LEADS]);
/** How much glue may stand between two weekdays of a list ("and on every Friday"). */
const MAX_GLUE = 3;

/**
 * The days of the first weekday list in the text that names a habit: a plural weekday or one after
 * "каждый"/"every". `loose` (the text already said "weekly"): any weekday starts it, "еженедельно в
 * пятницу". Sorted, without repeats; undefined when there is none.
 */
export function readWeekdayList(tokens: Token[], source: string, loose: boolean): number[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const first = WORDS.get(tokens[i]!.text);
    const before = tokens[i - 1]?.text ?? '';
    // "по пн и чт" as "по понедельникам и четвергам", but not the end of "с пн по пт".
    const habitual = first?.plural || loose || HABIT_LEADS.has(before) || (before === 'по' && ABBREVIATIONS.has(tokens[i]!.text) && !rangeAt(tokens, i, source));
    if (!first || !habitual) continue;
    const days = new Set([first.day]);
    for (let j = i + 1, glue = 0; j < tokens.length && glue <= MAX_GLUE; j++) {
      const next = WORDS.get(tokens[j]!.text);
      // "по пн-пт" is a range (readWeekdayRange), not Monday and Friday.
      if (next && rangeAt(tokens, j, source)) return undefined;
      if (next) {
        days.add(next.day);
        glue = 0;
      } else if (LIST_GLUE.has(tokens[j]!.text)) glue++;
      else break;
    }
    return [...days].sort((a, b) => a - b);
  }
  return undefined;
}

/**
 * The days of a range of weekdays: "с понедельника по пятницу", "пн-пт", "Monday to Friday",
 * "fri-mon" (across the weekend). A habit must be named (`habitNamed`: "каждый день с пн по пт") or
 * lead it ("по пн-пт", "every Mon-Fri"): alone, "с понедельника по пятницу" is a stay.
 */
export function readWeekdayRange(tokens: Token[], source: string, habitNamed: boolean): number[] | undefined {
  for (let i = 1; i < tokens.length; i++) {
    const range = rangeAt(tokens, i, source);
    if (!range || !(habitNamed || RANGE_LEADS.has(tokens[range.startIndex - 1]?.text ?? ''))) continue;
    const { from, to } = range;
    return Array.from({ length: ((to - from + 7) % 7) + 1 }, (_, k) => (from + k) % 7).sort((a, b) => a - b);
  }
  return undefined;
}

const RANGE_LEADS = new Set(['по', 'on', ...HABIT_LEADS]);
const startDay = (word: string) => WORDS.get(word)?.day ?? GENITIVE.get(word);

/** The range the weekday at `i` closes: a weekday before it, with a hyphen or "по"/"to" between. */
function rangeAt(tokens: Token[], i: number, source: string): { from: number; to: number; startIndex: number } | undefined {
  const to = WORDS.get(tokens[i]?.text ?? '')?.day;
  const prev = tokens[i - 1];
  if (to === undefined || !prev) return undefined;
  const startIndex = /^\s*-\s*$/.test(source.slice(prev.end, tokens[i]!.start)) ? i - 1 : RANGE_JOINS.has(prev.text) ? i - 2 : -1;
  const from = startDay(tokens[startIndex]?.text ?? '');
  return from === undefined ? undefined : { from, to, startIndex };
}
