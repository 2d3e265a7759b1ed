import type { PartOfDay, WhenSpec } from './spec.js';
import { matchPhrase, phraseTable, type Token } from './text.js';

/** The hour each part of day lands at, local; every one can be changed through `ResolveOptions`. */
export type PartOfDayHours = Record<PartOfDay, number>;

export const DEFAULT_PART_OF_DAY_HOURS: Readonly<PartOfDayHours> = Object.freeze({
  morning: 10,
  noon: 12,
  lunch: 13,
  afternoon: 15,
  // "ближе к вечеру" / "к вечеру" / "late afternoon": before the evening proper, not at it.
  towardsEvening: 18,
  evening: 19,
});

/** Phrases as clients write them; `matchPhrase` prefers the longest, so "после обеда" beats "обеда". */
const PHRASES = phraseTable<PartOfDay>([
  ['утром', 'morning'], ['утречком', 'morning'], ['с утра', 'morning'], ['поутру', 'morning'],
  ['с утреца', 'morning'], ['с утречка', 'morning'], ['утрецом', 'morning'],
  ['morning', 'morning'], ['first thing', 'morning'],
  ['в полдень', 'noon'], ['полдень', 'noon'], ['к полудню', 'noon'], ['к обеду', 'noon'], ['ближе к обеду', 'noon'],
  ['noon', 'noon'], ['midday', 'noon'],
  ['днем', 'lunch'], ['в обед', 'lunch'], ['в обеденное время', 'lunch'], ['lunch', 'lunch'], ['lunchtime', 'lunch'],
  ['после обеда', 'afternoon'], ['во второй половине дня', 'afternoon'], ['afternoon', 'afternoon'], ['after lunch', 'afternoon'],
  ['ближе к вечеру', 'towardsEvening'], ['к вечеру', 'towardsEvening'], ['под вечер', 'towardsEvening'], ['к вечерку', 'towardsEvening'], ['под вечерок', 'towardsEvening'],
  // Not "end of the day": "at the end of the day" is an idiom, not a time.
  ['late afternoon', 'towardsEvening'], ['end of day', 'towardsEvening'], ['by the end of the day', 'towardsEvening'], ['eod', 'towardsEvening'],
  ['вечером', 'evening'], ['вечерком', 'evening'], ['вечерочком', 'evening'], ['evening', 'evening'], ['tonight', 'evening'], ['tonite', 'evening'],
]);

/** Parts of day. The last one named wins ("утром, нет, лучше вечером"). */
export function parsePartsOfDay(tokens: Token[], source: string, spec: WhenSpec): void {
  for (let i = 0; i < tokens.length; i++) {
    const m = matchPhrase(tokens, i, PHRASES, source);
    if (!m) continue;
    spec.partOfDay = m.value;
    i += m.length - 1;
  }
}

/** Whether a part-of-day phrase starts at token `i` ("после обеда", "after lunch"). */
export const startsPartOfDay = (tokens: Token[], i: number, source: string) => matchPhrase(tokens, i, PHRASES, source) !== undefined;

/**
 * An hour under 12 said with an afternoon or evening part means the afternoon or evening:
 * "вечером в 7" → 19, "днём в 2" → 14, but "днём в 11" stays 11 and "утром в 8" stays 8.
 */
export function hourWithin(part: PartOfDay, hour: number): number {
  if (hour === 0 || hour >= 12) return hour;
  switch (part) {
    case 'evening':
    case 'towardsEvening':
      return hour + 12;
    case 'lunch':
    case 'afternoon':
      return hour <= 6 ? hour + 12 : hour;
    default:
      return hour;
  }
}
