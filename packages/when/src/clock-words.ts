import { alternation, HOUR_WORDS, PREPOSITION } from './clock-parts.js';
import { ORDINAL_UNIT_AHEAD } from './ordinals.js';
import { B_END, B_START } from './text.js';

/**
 * Minutes as they are said after an hour: "семь тридцать", "девять ноль-ноль", "ten fifteen",
 * "six oh five". A lone unit ("в два пять") is not one, so an hour next to an amount stays an hour.
 */
function minuteWords(): Map<string, number> {
  const words = new Map<string, number>();
  const ruUnits = ['один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
  const enUnits = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const ruTeens = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
  const enTeens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  ruTeens.forEach((w, i) => words.set(w, 10 + i));
  enTeens.forEach((w, i) => words.set(w, 10 + i));
  for (const [tens, ru, en] of [[20, 'двадцать', 'twenty'], [30, 'тридцать', 'thirty'], [40, 'сорок', 'forty'], [50, 'пятьдесят', 'fifty']] as const) {
    words.set(ru, tens);
    words.set(en, tens);
    ruUnits.forEach((u, i) => words.set(`${ru} ${u}`, tens + i + 1));
    enUnits.forEach((u, i) => ['-', ' '].forEach((sep) => words.set(`${en}${sep}${u}`, tens + i + 1)));
  }
  for (const sep of ['-', ' ']) {
    words.set(`ноль${sep}ноль`, 0);
    ruUnits.forEach((u, i) => words.set(`ноль${sep}${u}`, i + 1));
    for (const oh of ['oh', 'o']) enUnits.forEach((u, i) => words.set(`${oh}${sep}${u}`, i + 1));
  }
  words.set('hundred', 0); // "at six hundred"
  return words;
}

const MINUTE_WORDS = minuteWords();

/** What marks an hour word as a time when no preposition comes before it: am/pm, o'clock, "вечера", a part of day. */
const MARKER =
  "\\s*(?:a\\.?m\\.?|p\\.?m\\.?|o'clock)(?![\\p{L}\\p{N}])|\\s+(?:час(?:а|ов)?\\s+)?(?:утра|вечера)" +
  `${B_END}|\\s+час(?:а|ов)?\\s+(?:дня|ночи)${B_END}|\\s+(?:(?:(?:in|on)\\s+the|this|tomorrow|today)\\s+(?:morning|afternoon|evening)|tonight|tonite)${B_END}`;

const CLOCK_WORDS = new RegExp(
  `${B_START}(?:(${PREPOSITION})\\s+)?(${alternation(Object.keys(HOUR_WORDS))})(?:(?:\\s+|-)(${alternation(MINUTE_WORDS.keys())}))?${B_END}(?=(${MARKER})?)`,
  'gu',
);

/** A day said right next to a pair of number words makes them a time: "ten thirty tomorrow", "завтра семь тридцать". */
const DAY = '(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|' +
  'сегодня|завтра|послезавтра|понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)';
const DAY_BEFORE = new RegExp(`(?:^|[^\\p{L}])${DAY}\\s*,?\\s*$`, 'u');
/** After the pair: a day ("ten thirty tomorrow", "семь тридцать в пятницу"), or the end of a clause ("how's ten fifteen?"). */
const DAY_OR_END_AFTER = new RegExp(`^(?:\\s*,?\\s*(?:(?:on|в|во)\\s+)?${DAY}${B_END}|\\s*(?:[?!.,;]|$))`, 'u');

/**
 * Writes times said in words as digits, so the digit patterns in clock-time.ts read one form:
 * "в семь тридцать" → "в 7:30", "ten thirty am" → "10:30 am", "eleven o'clock" → "11 o'clock",
 * "в пятнадцать часов" → "в 15 часов", "eight tonight" → "8 tonight". Only after a preposition,
 * before a marker (am/pm, o'clock, "вечера", a part of day), or, for an hour with its minutes,
 * hyphenated ("eight-thirty") or next to a day or closing a clause ("ten thirty tomorrow"):
 * "пять дней" and "пятнадцать двадцать минут" stay as they are.
 */
export function clockWordsAsDigits(text: string): string {
  return text.replace(CLOCK_WORDS, (whole, prep: string | undefined, hourWord: string, minuteWord: string | undefined, marker: string | undefined, at: number) => {
    if (!prep && !marker && !(minuteWord && (hyphenated(whole, hourWord) || nextToDay(text, at, at + whole.length)))) return whole;
    // "к двадцать первому" is the 21st, not 20:00.
    if (!minuteWord && ORDINAL_UNIT_AHEAD.test(text.slice(at + whole.length, at + whole.length + 16))) return whole;
    const hour = HOUR_WORDS[hourWord]!;
    const minutes = minuteWord === undefined ? undefined : MINUTE_WORDS.get(minuteWord)!;
    // "at six hundred" and "в час тридцать" have minutes; 24-hour words with minutes past 59 do not occur.
    const time = minutes === undefined ? String(hour) : `${hour}:${String(minutes).padStart(2, '0')}`;
    return `${prep ? `${prep} ` : ''}${time}`;
  });
}

/** "eight-thirty" reads as a time on its own in English. */
const hyphenated = (whole: string, hourWord: string) => whole.includes('-') && /^[a-z]/.test(hourWord);
const nextToDay = (text: string, start: number, end: number) =>
  DAY_BEFORE.test(text.slice(Math.max(0, start - 14), start)) || DAY_OR_END_AFTER.test(text.slice(end, end + 16));
