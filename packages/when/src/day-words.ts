import { isUnitWord } from './offsets.js';
import { pastVerbNear } from './past-verbs.js';
import type { WhenSpec } from './spec.js';
import { matchPhrase, phraseTable, type Token } from './text.js';

/**
 * Days named relative to today. "this morning" is today: its part of day is read by parts-of-day.ts.
 * "после завтра" and "the day after tomorrow" are tomorrow counted from (AFTER below, offsets.ts).
 */
const DAYS = phraseTable<number>([
  ['сегодня', 0], ['today', 0], ['tonight', 0], ['this morning', 0], ['this afternoon', 0], ['this evening', 0],
  ['завтра', 1], ['tomorrow', 1], ['tmrw', 1], ['tmr', 1], ['послезавтра', 2],
  // Misspellings that turn up often enough to read.
  ['tonite', 0], ['tomorow', 1], ['tommorow', 1], ['tommorrow', 1], ['tomorrrow', 1], ['завтро', 1],
]);

/**
 * Russian in the forms that answer "когда?" (в пятницу, пятница, пт); not "с пятницы", "до пятницы",
 * "по пятницам": a range or a habit is not a day to write.
 */
const WEEKDAYS = new Map<string, number>([
  ['понедельник', 1], ['вторник', 2], ['среду', 3], ['среда', 3], ['четверг', 4], ['пятницу', 5], ['пятница', 5],
  ['субботу', 6], ['суббота', 6], ['воскресенье', 0], ['воскресение', 0],
  ['пн', 1], ['вт', 2], ['ср', 3], ['чт', 4], ['пт', 5], ['сб', 6], ['вс', 0],
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 0],
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 0],
]);
/** "к пятнице", "ко вторнику": by that day, so that day. Only after к/ко ("в среде" is not a day). */
const WEEKDAYS_DATIVE = new Map<string, number>([
  ['понедельнику', 1], ['вторнику', 2], ['среде', 3], ['четвергу', 4], ['пятнице', 5], ['субботе', 6], ['воскресенью', 0],
]);
const DATIVE_LEADS = new Set(['к', 'ко']);
/** "после понедельника": the genitive, only after "после" ("до пятницы" is a range). */
const WEEKDAYS_GENITIVE = new Map<string, number>([
  ['понедельника', 1], ['вторника', 2], ['среды', 3], ['четверга', 4], ['пятницы', 5], ['субботы', 6], ['воскресенья', 0],
]);
/** "после завтра", "after Monday", "после следующего вторника": the day after the one named. */
const AFTER = new Set(['после', 'after']);
const AFTER_SKIPS = new Set(['next', 'this', 'следующего', 'ближайшего', 'этого']);
/** Abbreviations that are also English words ("sat down", "in the sun"): a weekday only after these. */
const AMBIGUOUS = new Set(['sat', 'sun', 'wed']);
const WEEKDAY_LEADS = new Set(['on', 'next', 'this', 'by', 'until']);
/**
 * A weekday that opens or closes a range, or names a habit, is no day to write: "с пн по пт",
 * "по среду", "from Monday (I'm out)", "Monday to Friday", "Mon-Fri", "every Tuesday", "каждый
 * вторник". "a week from Monday" counts from a day (offsets.ts): there "from" follows an amount.
 */
const RANGE_OPENS = new Set(['с', 'со', 'from', 'since', 'starting']);
const RANGE_CLOSES = new Set(['по', 'through', 'thru']);
/** Between two weekdays: "понедельник-среда", "Monday to Friday", "пн до пт"; a hyphen leaves no token. */
const RANGE_JOINS = new Set(['to', 'till', 'until', 'through', 'thru', 'по', 'до']);
const HABITS = new Set(['every', 'each', 'каждый', 'каждую', 'каждое', 'каждая', 'каждого']);
/** "every other Friday", "каждую вторую среду". */
const HABIT_SKIPS = new Set(['other', 'second', 'вторую', 'второй', 'второе']);

/** "в четверг или в пятницу", "завтра или послезавтра": the first one named is kept. */
const OR = new Set(['или', 'либо', 'or']);

/** Words that speak of the past: "в прошлую пятницу", "last Friday", "вчера", "two days ago". */
const PAST_BEFORE_WEEKDAY = new Set(['прошлый', 'прошлую', 'прошлое', 'прошлой', 'прошлом', 'last', 'past']);
/**
 * `week`: a weekday within NEAR words of it ("в пятницу на прошлой неделе") is in the past too.
 * A day inside one ("earlier today", "before today") is not read as a day.
 */
const PAST = phraseTable<'day' | 'week'>([
  ['вчера', 'day'], ['позавчера', 'day'], ['yesterday', 'day'], ['назад', 'day'], ['ago', 'day'],
  ['на прошлой неделе', 'week'], ['в прошлом месяце', 'day'], ['last week', 'week'], ['last month', 'day'], ['last night', 'day'],
  ['прошлым', 'day'], ['прошлой', 'day'], ['прошлый', 'day'], ['прошлом', 'day'], ['прошлую', 'day'], ['прошлое', 'day'],
  ['last evening', 'day'], ['last time', 'day'], ['the other day', 'day'], ['earlier today', 'day'], ['earlier this morning', 'day'],
  ['earlier this afternoon', 'day'], ['earlier this evening', 'day'], ['before today', 'day'],
]);
const NEAR = 3;

/** "в это же время", "same time": keep the current time of day. */
const SAME_TIME = phraseTable<true>([
  ['в это же время', true], ['в то же время', true], ['в это время', true], ['в тоже время', true], ['в то же самое время', true],
  ['same time', true], ['this time', true], ['at this time', true],
]);

/** Today / tomorrow / the day after, weekdays, past references, "same time". The last day named wins. */
export function parseDayWords(tokens: Token[], source: string, spec: WhenSpec): void {
  const pastWeeks: number[] = [];
  const inPast = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const past = matchPhrase(tokens, i, PAST, source);
    if (!past) continue;
    spec.past = true;
    if (past.value === 'week') pastWeeks.push(i, i + past.length - 1);
    for (let k = i; k < i + past.length; k++) inPast.add(k);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (inPast.has(i)) continue;
    if (matchPhrase(tokens, i, SAME_TIME, source)) spec.sameTime = true;
    const day = matchPhrase(tokens, i, DAYS, source);
    // "сегодня утром звонил", "I called this morning": today, in the past tense, is a memory.
    if (day?.value === 0 && pastVerbNear(tokens, i, i + day.length - 1, source, NEAR, NEAR)) {
      spec.past = true;
      i += day.length - 1;
      continue;
    }
    if (day) {
      if (!(OR.has(tokens[i - 1]?.text ?? '') && spec.dayOffset !== undefined)) spec.dayOffset = day.value;
      countsFromAfter(tokens, i, spec);
      i += day.length - 1;
      continue;
    }
    const word = tokens[i]!.text;
    const before = tokens[i - 1]?.text ?? '';
    const weekday =
      WEEKDAYS.get(word) ?? (DATIVE_LEADS.has(before) ? WEEKDAYS_DATIVE.get(word) : AFTER.has(before) ? WEEKDAYS_GENITIVE.get(word) : undefined);
    if (weekday === undefined || inRangeOrHabit(tokens, i, source)) continue;
    // "в четверг или пятницу", "or on Friday", "sat/sun": the first one named stays.
    const slashed = i > 0 && source.slice(tokens[i - 1]!.end, tokens[i]!.start).trim() === '/';
    const alternative = OR.has(before) || slashed || (OR.has(tokens[i - 2]?.text ?? '') && /^(?:в|во|on)$/.test(before));
    if (PAST_BEFORE_WEEKDAY.has(before) || pastWeeks.some((k) => Math.abs(k - i) <= NEAR)) spec.past = true;
    else if (alternative && spec.weekday !== undefined) continue;
    else if (!AMBIGUOUS.has(word) || WEEKDAY_LEADS.has(before)) {
      spec.weekday = weekday;
      countsFromAfter(tokens, i, spec);
    }
  }
}

/** Whether the weekday at `i` opens or closes a range or names a habit (RANGE_OPENS above). */
function inRangeOrHabit(tokens: Token[], i: number, source: string): boolean {
  const lead = AFTER_SKIPS.has(tokens[i - 1]?.text ?? '') ? i - 2 : i - 1;
  const before = tokens[lead]?.text ?? '';
  if (RANGE_CLOSES.has(before) || HABITS.has(before) || (HABIT_SKIPS.has(before) && HABITS.has(tokens[lead - 1]?.text ?? ''))) return true;
  // "from Monday", "с пн"; not "a week from Monday", "two days from next Friday".
  if (RANGE_OPENS.has(before) && !isUnitWord(tokens[lead - 1]?.text ?? '')) return true;
  return joinsWeekday(tokens, i - 1, i, source) || joinsWeekday(tokens, i, i + 1, source);
}

/** Whether tokens `a` and `b`… (or `a`, a joining word, `b`) spell a range of weekdays: "Mon-Fri", "Monday to Friday". */
function joinsWeekday(tokens: Token[], a: number, b: number, source: string): boolean {
  const [from, to] = [tokens[a], tokens[b]];
  if (!from || !to) return false;
  if (/^\s*-\s*$/.test(source.slice(from.end, to.start))) return isWeekdayWord(from.text) && isWeekdayWord(to.text);
  if (RANGE_JOINS.has(to.text)) return isWeekdayWord(from.text) && isWeekdayWord(tokens[b + 1]?.text ?? '');
  if (RANGE_JOINS.has(from.text)) return isWeekdayWord(tokens[a - 1]?.text ?? '') && isWeekdayWord(to.text);
  return false;
}

const isWeekdayWord = (w: string) => WEEKDAYS.has(w) || WEEKDAYS_GENITIVE.has(w) || WEEKDAYS_DATIVE.has(w);

/** A day right after "после" / "after" ("после завтра", "after next Monday") is the day after it, unless an offset already counts from it. */
function countsFromAfter(tokens: Token[], i: number, spec: WhenSpec): void {
  const lead = AFTER_SKIPS.has(tokens[i - 1]?.text ?? '') ? i - 2 : i - 1;
  if (AFTER.has(tokens[lead]?.text ?? '')) spec.shift ??= { days: 1, months: 0 };
}
