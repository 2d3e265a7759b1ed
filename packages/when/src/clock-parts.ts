import type { WhenSpec } from './spec.js';

// What the clock parsers share: prepositions, am/pm and its Russian kin, hour words.

export type Qualifier = 'am' | 'pm' | 'утра' | 'дня' | 'вечера' | 'ночи';
export const QUALIFIER = '(a\\.?m\\.?|p\\.?m\\.?|at night|утра|дня|вечера|ночи)';
export const PREPOSITION = '(?:в|во|к|около|в районе|после|at|around|about|by|after)';

/** Words that open an offset ("через 15ч", "in 12h"): a number right after one is an amount, not a clock. */
export const OFFSET_LEAD = /(?:^|[^\p{L}])(?:через|спустя|in|within)\s*$/u;

export function normalizeQualifier(q: string | undefined): Qualifier | undefined {
  if (!q) return undefined;
  if (q === 'at night') return 'ночи';
  if (q.startsWith('a')) return 'am';
  if (q.startsWith('p')) return 'pm';
  return q as Qualifier;
}

/**
 * 24-hour clock from an hour and "pm" / "вечера" / …; null when they do not fit ("15 утра").
 * Midnight is 24, the end of the day it is said with: "завтра в 12 ночи" is the night after tomorrow's evening.
 */
export function applyQualifier(hour: number, q: Qualifier | undefined): number | null {
  if (!q) return hour <= 23 || hour === 24 ? hour : null;
  if (hour > 23) return null;
  if (hour > 12) return q === 'дня' || q === 'вечера' || q === 'pm' ? hour : null;
  switch (q) {
    case 'am':
      return hour === 12 ? 0 : hour;
    case 'утра':
      return hour === 12 ? null : hour;
    case 'ночи':
      // "в 2 ночи" is 02:00, "в 11 ночи" is 23:00; "в 7 ночи" fits neither.
      return hour === 12 ? 24 : hour <= 5 ? hour : hour >= 9 ? hour + 12 : null;
    case 'pm':
    case 'дня':
    case 'вечера':
      return hour === 12 ? 12 : hour + 12;
  }
}

/** Sets the time of day, with "pm"/"вечера" applied; false when they do not fit. `bareHour`: no minutes and no qualifier were given. */
export function setClock(spec: WhenSpec, hour: number, minute: number, qualifier: string | undefined, bareHour: boolean, minus?: number): boolean {
  const h = applyQualifier(hour, normalizeQualifier(qualifier));
  if (h === null || minute > 59) return false;
  spec.clock = { hour: h, minute, bareHour: bareHour && !qualifier, ...(minus ? { minus } : {}) };
  return true;
}

/** Hours in words, with the Russian forms that follow к / около / после ("к пяти", "около двух", "к часу"). */
export const HOUR_WORDS: Record<string, number> = {
  час: 1, часу: 1, два: 2, двух: 2, двум: 2, три: 3, трех: 3, трем: 3, четыре: 4, четырех: 4, четырем: 4,
  пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, семи: 7, восемь: 8, восьми: 8, девять: 9, девяти: 9,
  десять: 10, десяти: 10, одиннадцать: 11, одиннадцати: 11, двенадцать: 12, двенадцати: 12,
  тринадцать: 13, четырнадцать: 14, пятнадцать: 15, шестнадцать: 16, семнадцать: 17, восемнадцать: 18, девятнадцать: 19,
  двадцать: 20, 'двадцать один': 21, 'двадцать два': 22, 'двадцать три': 23,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * The hour in progress named by the ordinal of the one being approached: "полпятого", "четверть
 * шестого", "пять минут седьмого". "первого" is 12 (the first hour after noon), as with any bare hour.
 */
export const HOUR_ORDINALS: Record<string, number> = {
  первого: 12, второго: 1, третьего: 2, четвертого: 3, пятого: 4, шестого: 5,
  седьмого: 6, восьмого: 7, девятого: 8, десятого: 9, одиннадцатого: 10, двенадцатого: 11,
};
// As it is said, and often written in chats: "полседьмова", "в половине третьева".
for (const [w, h] of Object.entries(HOUR_ORDINALS)) HOUR_ORDINALS[w.replace(/го$/, 'ва')] = h;

/** A regex alternative of `words`, longest first, so "двадцать один" is not read as "двадцать". */
export const alternation = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');
