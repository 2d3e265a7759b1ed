import type { WhenSpec } from './spec.js';
import { B_END, B_START } from './text.js';

type Qualifier = 'am' | 'pm' | 'утра' | 'дня' | 'вечера' | 'ночи';
const QUALIFIER = '(a\\.?m\\.?|p\\.?m\\.?|утра|дня|вечера|ночи)';
const PREPOSITION = '(?:в|во|к|около|в районе|после|at|around|about|by|after)';

/**
 * `15:00`, `9:30`, `10:30am`, `в 9.30`, `в 15-30` (a dot or a hyphen only after a preposition:
 * `15.12` is a date, `10-11` a range).
 */
const WITH_MINUTES = new RegExp(
  `${B_START}(?:${PREPOSITION}\\s+(\\d{1,2})(?:[:.](\\d{2})|-(00|15|30|45))|(\\d{1,2}):(\\d{2}))(?!\\d)(?:\\s*${QUALIFIER}${B_END})?`,
  'gu',
);
/** `3pm`, `3 pm`, `at 9 a.m.` */
const AM_PM = new RegExp(`${B_START}(\\d{1,2})\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![\\p{L}\\p{N}])`, 'gu');
/** `в 5 вечера`, `к 10 утра`, `в 3 часа дня` — a preposition is required: "через 3 дня" is days. */
const RU_QUALIFIED = new RegExp(`${B_START}${PREPOSITION}\\s+(\\d{1,2})\\s*(?:час(?:а|ов)?\\s+)?(утра|дня|вечера|ночи)${B_END}`, 'gu');
/** `в 15`, `в 10 часов`, `к 10 часам`, `at 3`, `at 3 o'clock` — gated by what follows (TIME_CONTEXT). */
const BARE_HOUR = new RegExp(`${B_START}${PREPOSITION}\\s+(\\d{1,2})(?:\\s*(?:часов|часам|часа|час|ч|o'clock)${B_END})?(?![\\d:.,]\\d)`, 'gu');

/** Words that may follow a bare "в 5" and still leave it a time ("в 5 пожалуйста", "в 10 завтра"); "в 2 раза" is not one. */
const TIME_CONTEXT = new RegExp(
  `^\\s*(?:$|[^\\p{L}\\p{N}\\s]|(?:${[
    'пожалуйста', 'please', 'pls', 'plz', 'спасибо', 'thanks', 'если', 'if', 'можно', 'ок', 'ok', 'хорошо',
    'утром', 'днем', 'вечером', 'сегодня', 'завтра', 'послезавтра', 'tomorrow', 'today', 'tonight',
    'on', 'или', 'or', 'и', 'and', 'по', 'в', 'во', 'на', 'next', 'this', 'morning', 'afternoon', 'evening',
    'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  ].join('|')})(?![\\p{L}]))`,
  'u',
);

/** Hours in words after a preposition ("в пять", "at ten", "в час дня"): rewritten as digits for the patterns above. */
const HOUR_WORDS: Record<string, number> = {
  час: 1, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10, одиннадцать: 11, двенадцать: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const HOUR_WORD = new RegExp(`${B_START}(${PREPOSITION})\\s+(${Object.keys(HOUR_WORDS).join('|')})${B_END}`, 'gu');

/**
 * "в полпятого" is half past four: "пол" + the ordinal of the hour being approached, in the
 * genitive. Rewritten as `в 4:30` (a bare hour, so the afternoon rule still applies).
 */
const HALF_PAST: Record<string, number> = {
  первого: 0, второго: 1, третьего: 2, четвертого: 3, пятого: 4, шестого: 5,
  седьмого: 6, восьмого: 7, девятого: 8, десятого: 9, одиннадцатого: 10, двенадцатого: 11,
};
const HALF_PAST_WORD = new RegExp(`${B_START}(?:(${PREPOSITION})\\s+)?пол(?:-|\\s)?(${Object.keys(HALF_PAST).join('|')})${B_END}`, 'gu');

/**
 * Explicit times of day. Returns the text without them, so their digits are not read again.
 * The last time in the text wins.
 */
export function parseClockTimes(text: string, spec: WhenSpec): string {
  let rest = text.replace(HOUR_WORD, (_, prep: string, word: string) => `${prep} ${HOUR_WORDS[word]}`);
  for (const m of rest.matchAll(HALF_PAST_WORD)) {
    const hour = HALF_PAST[m[2]!]!;
    // Half past twelve is 0:30 by the table; people mean the afternoon, as with any bare hour.
    spec.clock = { hour: hour === 0 ? 12 : hour, minute: 30, bareHour: true };
    rest = rest.replace(m[0], ' ');
  }
  const take = (m: RegExpMatchArray, hour: number, minute: number, qualifier: string | undefined, bareHour: boolean) => {
    const h = applyQualifier(hour, normalizeQualifier(qualifier));
    if (h === null || minute > 59) return;
    spec.clock = { hour: h, minute, bareHour: bareHour && !qualifier };
    rest = rest.replace(m[0], ' ');
  };
  for (const m of rest.matchAll(WITH_MINUTES)) {
    take(m, Number(m[1] ?? m[4]), Number(m[2] ?? m[3] ?? m[5]), m[6], false);
  }
  for (const m of rest.matchAll(AM_PM)) take(m, Number(m[1]), 0, m[2], false);
  for (const m of rest.matchAll(RU_QUALIFIED)) take(m, Number(m[1]), 0, m[2], false);
  for (const m of rest.matchAll(BARE_HOUR)) {
    if (TIME_CONTEXT.test(rest.slice(m.index + m[0].length))) take(m, Number(m[1]), 0, undefined, true);
  }
  return rest;
}

function normalizeQualifier(q: string | undefined): Qualifier | undefined {
  if (!q) return undefined;
  if (q.startsWith('a')) return 'am';
  if (q.startsWith('p')) return 'pm';
  return q as Qualifier;
}

/** 24-hour clock from an hour and "pm" / "вечера" / …; null when they do not fit ("15 утра"). */
function applyQualifier(hour: number, q: Qualifier | undefined): number | null {
  if (hour > 23) return null;
  if (!q) return hour;
  if (hour > 12) return q === 'дня' || q === 'вечера' || q === 'pm' ? hour : null;
  switch (q) {
    case 'am':
      return hour === 12 ? 0 : hour;
    case 'утра':
      return hour === 12 ? null : hour;
    case 'ночи':
      return hour === 12 ? 0 : hour <= 5 ? hour : null;
    case 'pm':
    case 'дня':
    case 'вечера':
      return hour === 12 ? 12 : hour + 12;
  }
}
