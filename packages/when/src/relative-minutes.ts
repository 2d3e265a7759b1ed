import { alternation, HOUR_ORDINALS, HOUR_WORDS, PREPOSITION, QUALIFIER, setClock } from './clock-parts.js';
import type { WhenSpec } from './spec.js';
import { B_END, B_START } from './text.js';

// Minutes said relative to an hour: "quarter past 3", "ten to six", "без четверти пять",
// "четверть шестого", "в половине седьмого", "полседьмого", "пять минут седьмого".

/** The amounts people say this way; "two to three" is a range, so small words are left out. */
const EN_MINUTES: Record<string, number> = {
  quarter: 15, 'a quarter': 15, half: 30, five: 5, ten: 10, fifteen: 15, twenty: 20, 'twenty five': 25, 'twenty-five': 25,
};
const RU_MINUTES_GENITIVE: Record<string, number> = {
  четверти: 15, пяти: 5, десяти: 10, пятнадцати: 15, двадцати: 20, 'двадцати пяти': 25, трех: 3, двух: 2,
};
const RU_MINUTES: Record<string, number> = { пять: 5, десять: 10, пятнадцать: 15, двадцать: 20, 'двадцать пять': 25, две: 2, три: 3 };

const EN_HOURS: Record<string, number> = { ...Object.fromEntries(Object.entries(HOUR_WORDS).filter(([w]) => /^[a-z]/.test(w))), noon: 12, midnight: 24 };
const RU_HOURS_NOMINATIVE = ['час', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать'];

const PREP = `(?:${PREPOSITION}\\s+)?`;
const AMOUNT_AFTER = '(?!\\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|минут|час|дн|недел)|[:.,]\\d)';

/**
 * "quarter past 3", "half past ten", "10 past 6", "twenty to 2pm", "ten to six", "quarter of
 * five", "5 minutes before noon". After "to", a digit amount needs "minutes" ("5 to 6" is a range),
 * and "from"/"between" before it make a range too.
 */
const EN = new RegExp(
  `${B_START}(?<!(?:from|between|in|within)\\s+)${PREP}(?:(\\d{1,2})(\\s+(?:minutes?|mins?))?|(${alternation(Object.keys(EN_MINUTES))})(?:\\s+(?:minutes?|mins?))?)\\s+` +
    `(past|after|to|till|til|before|of)\\s+(\\d{1,2}|${alternation(Object.keys(EN_HOURS))})${AMOUNT_AFTER}(?:\\s*${QUALIFIER}${B_END})?${B_END}`,
  'gu',
);

/** "без четверти пять", "без 15 5", "без пяти минут шесть вечера". */
const RU_BEFORE = new RegExp(
  `${B_START}${PREP}без\\s+(\\d{1,2}|${alternation(Object.keys(RU_MINUTES_GENITIVE))})(?:\\s+минут)?\\s+(\\d{1,2}|${alternation(RU_HOURS_NOMINATIVE)})${AMOUNT_AFTER}(?:\\s+${QUALIFIER})?${B_END}`,
  'gu',
);

/**
 * "четверть шестого", "в половине седьмого", "полседьмого", "пол-седьмого", "5 минут седьмого",
 * and with the hour in digits as chats write it: "в половине 7", "пол 7", "5 минут 7-го" (all 6:xx).
 */
const RU_INTO = new RegExp(
  `${B_START}${PREP}(?:(четверть|половин[аеуы])\\s+|(пол)(?:-|\\s)?|(\\d{1,2}|${alternation(Object.keys(RU_MINUTES))})\\s+минут[аы]?\\s+)` +
    `(?:(${alternation(Object.keys(HOUR_ORDINALS))})|(\\d{1,2})(-?(?:го|ого))?${AMOUNT_AFTER})(?:\\s+${QUALIFIER})?${B_END}`,
  'gu',
);
/** British "at half 3" (3:30), only after a preposition: "half 3 hours" and "half an hour" are amounts. */
const EN_HALF = new RegExp(`${B_START}(?:at|around|about|by)\\s+half\\s+(\\d{1,2}|${alternation(Object.keys(HOUR_WORDS).filter((w) => /^[a-z]/.test(w)))})${AMOUNT_AFTER}${B_END}`, 'gu');

/** The words each form needs: a cheap test first, since most messages have none of them. */
const EN_RELATIONS = [' past ', ' after ', ' to ', ' till ', ' til ', ' before ', ' of '];

/** Reads the relative forms; returns the text without them, so their numbers are not read again. */
export function parseRelativeMinutes(text: string, spec: WhenSpec): string {
  let rest = text;
  for (const m of EN_RELATIONS.some((w) => text.includes(w)) ? text.matchAll(EN) : []) {
    const [, digits, digitUnit, word, relation, hourText, qualifier] = m;
    const minutes = digits !== undefined ? Number(digits) : EN_MINUTES[word!]!;
    const before = relation === 'to' || relation === 'till' || relation === 'til' || relation === 'before' || relation === 'of';
    if ((before && digits !== undefined && !digitUnit) || (relation === 'of' && minutes !== 15) || (before && minutes === 30) || minutes >= 60) continue;
    const hour = /\d/.test(hourText!) ? Number(hourText) : EN_HOURS[hourText!]!;
    if (hour < 1 || (hour > 12 && hour !== 24)) continue;
    const bare = hour <= 12 && hourText !== 'noon';
    if (setClock(spec, hour, before ? 0 : minutes, qualifier, bare, before ? minutes : undefined)) rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.includes('без') ? rest.matchAll(RU_BEFORE) : []) {
    const minutes = /\d/.test(m[1]!) ? Number(m[1]) : RU_MINUTES_GENITIVE[m[1]!]!;
    const hour = /\d/.test(m[2]!) ? Number(m[2]) : RU_HOURS_NOMINATIVE.indexOf(m[2]!) + 1;
    if (minutes >= 60 || hour < 1 || hour > 23) continue;
    if (setClock(spec, hour, 0, m[3], hour <= 12, minutes)) rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.includes('пол') || rest.includes('минут') || rest.includes('четверт') ? rest.matchAll(RU_INTO) : []) {
    const [, part, half, amount, ordinal, digits, suffix, qualifier] = m;
    const minutes = part?.startsWith('четверт') ? 15 : part || half ? 30 : /\d/.test(amount!) ? Number(amount) : RU_MINUTES[amount!]!;
    // "в половине 7" is 6:30; "5 минут 7" without "-го" is too loose to read.
    if (minutes >= 60 || (digits !== undefined && ((amount !== undefined && !suffix) || Number(digits) < 1 || Number(digits) > 12))) continue;
    const hour = ordinal !== undefined ? HOUR_ORDINALS[ordinal]! : Number(digits) === 1 ? 12 : Number(digits) - 1;
    if (setClock(spec, hour, minutes, qualifier, true)) rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.includes('half') ? rest.matchAll(EN_HALF) : []) {
    const hour = /\d/.test(m[1]!) ? Number(m[1]) : HOUR_WORDS[m[1]!]!;
    if (hour >= 1 && hour <= 12 && setClock(spec, hour, 30, undefined, true)) rest = rest.replace(m[0], ' ');
  }
  return rest;
}
