import { PREPOSITION, QUALIFIER, setClock } from './clock-parts.js';
import { countsSomething } from './counted.js';
import type { WhenSpec } from './spec.js';
import { B_END, B_START } from './text.js';

/**
 * `15:00`, `9:30`, `10:30am`, `в 9.30`, `в 15-30` (a dot or a hyphen only after a preposition:
 * `15.12` is a date, `10-11` a range), `в 3 часа 30 минут`.
 */
const WITH_MINUTES = new RegExp(
  `${B_START}(?:${PREPOSITION}\\s+(\\d{1,2})(?:[:.](\\d{2})|-(00|15|30|45)|\\s*час(?:а|ов)?\\s+(\\d{1,2})\\s*мин(?:ут[аы]?)?\\.?)|(\\d{1,2}):(\\d{2}))(?!\\d)(?:\\s*${QUALIFIER}${B_END})?`,
  'gu',
);
/** `3pm`, `3 pm`, `at 9 a.m.`, `10 at night` */
const AM_PM = new RegExp(`${B_START}(\\d{1,2})\\s*(a\\.?m\\.?|p\\.?m\\.?|at night)(?![\\p{L}\\p{N}])`, 'gu');
/** `в 5 вечера`, `к 10 утра`, `в 3 часа дня` — a preposition is required: "через 3 дня" is days. */
const RU_QUALIFIED = new RegExp(`${B_START}${PREPOSITION}\\s+(\\d{1,2})\\s*(?:час(?:а|ов|ам)?\\s+)?(утра|дня|вечера|ночи)${B_END}`, 'gu');
/**
 * With no preposition: `8 вечера`, `9 утра`, `8 часов вечера`, `3 часа дня`, `2 часа ночи`. "дня"
 * and "ночи" need "часа" ("3 дня" are days, "на 3 ночи" a stay); after "через" it is an amount.
 */
const RU_QUALIFIED_BARE = new RegExp(
  `${B_START}(?<!(?:через|спустя|за)\\s+)(\\d{1,2})\\s*(?:(?:час(?:а|ов|ам)?\\s+)?(утра|вечера)|час(?:а|ов|ам)?\\s+(дня|ночи))${B_END}`,
  'gu',
);
/**
 * An hour a part of day or "o'clock" marks as a time, preposition or not: `8 tonight`,
 * `at 6 in the evening`, `9 tomorrow morning`, `7 o'clock`. The part of day stays in the text:
 * parts-of-day.ts reads it and puts the hour in it (6 + evening → 18:00). A bare "2 evening"
 * is not one ("2 evening transfers").
 */
const HOUR_THEN_PART = new RegExp(
  `${B_START}(?<!(?:in|within|for)\\s+)(?:${PREPOSITION}\\s+)?(\\d{1,2})(?:(\\s*o'clock)|(?=\\s+(?:(?:(?:in|on)\\s+the|this|tomorrow|today)\\s+(?:morning|afternoon|evening)|tonight|tonite|noon|midday)${B_END}))`,
  'gu',
);
/**
 * `в 15`, `в 10 часов`, `к 10 часам`, `at 3`, `at 3 o'clock`, `около 5`: a time unless what follows
 * makes the number a count or a measure ("в 2 раза", "в 5 минутах", "about 5 people": counted.ts).
 */
const BARE_HOUR = new RegExp(
  `${B_START}${PREPOSITION}\\s+(\\d{1,2})(?!\\d)(?:\\s*(?:часов|часам|часа|час|часиков|часика|ч|o'clock)${B_END})?(?![\\d:.,]\\d)`,
  'gu',
);
/** Midnight as the end of the day it is said with: "в полночь", "tomorrow at midnight", "12 midnight". */
const MIDNIGHT = new RegExp(`${B_START}(?:${PREPOSITION}\\s+)?(?:12\\s+)?(?:midnight|полночь|полуночи)${B_END}`, 'gu');

/**
 * Explicit times of day written in digits (clock-words.ts has turned words into digits). Returns
 * the text without them, so their digits are not read again. The last pattern to match wins.
 */
export function parseClockTimes(text: string, spec: WhenSpec): string {
  let rest = text;
  if (MAY_HAVE_MIDNIGHT.test(rest)) rest = parseMidnight(rest, spec);
  if (!/\d/.test(rest)) return rest;
  const take = (m: RegExpMatchArray, hour: number, minute: number, qualifier: string | undefined, bareHour: boolean) => {
    if (setClock(spec, hour, minute, qualifier, bareHour)) rest = rest.replace(m[0], ' ');
  };
  for (const m of rest.matchAll(WITH_MINUTES)) {
    take(m, Number(m[1] ?? m[5]), Number(m[2] ?? m[3] ?? m[4] ?? m[6]), m[7], false);
  }
  for (const m of rest.matchAll(AM_PM)) take(m, Number(m[1]), 0, m[2], false);
  for (const m of rest.matchAll(RU_QUALIFIED)) take(m, Number(m[1]), 0, m[2], false);
  for (const m of rest.matchAll(RU_QUALIFIED_BARE)) take(m, Number(m[1]), 0, m[2] ?? m[3], false);
  for (const m of rest.matchAll(HOUR_THEN_PART)) {
    if (Number(m[1]) >= 1 && Number(m[1]) <= 12) take(m, Number(m[1]), 0, undefined, true);
  }
  for (const m of rest.matchAll(BARE_HOUR)) {
    if (!countsSomething(rest.slice(m.index + m[0].length))) take(m, Number(m[1]), 0, undefined, true);
  }
  return rest;
}

const MAY_HAVE_MIDNIGHT = /midnight|полн|полуно/;

function parseMidnight(text: string, spec: WhenSpec): string {
  let rest = text;
  for (const m of text.matchAll(MIDNIGHT)) {
    spec.clock = { hour: 24, minute: 0, bareHour: false };
    rest = rest.replace(m[0], ' ');
  }
  return rest;
}
