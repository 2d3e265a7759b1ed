import type { WhenSpec } from './spec.js';
import { tokensSpell, type Token } from './text.js';

/** Phrases naming a day relative to today, longest first so "day after tomorrow" beats "tomorrow". */
const DAY_PHRASES: [string[], number][] = [
  [['day', 'after', 'tomorrow'], 2],
  [['послезавтра'], 2],
  [['завтра'], 1],
  [['tomorrow'], 1],
  [['сегодня'], 0],
  [['today'], 0],
  [['tonight'], 0],
];

/** Russian in the forms that answer "когда?" (в пятницу, пятница); not "с пятницы", "до пятницы". */
const WEEKDAYS = new Map<string, number>([
  ['понедельник', 1], ['вторник', 2], ['среду', 3], ['среда', 3], ['четверг', 4],
  ['пятницу', 5], ['пятница', 5], ['субботу', 6], ['суббота', 6], ['воскресенье', 0],
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 0],
]);
/** "в прошлую пятницу", "last Friday" speak of the past: no time to write. */
const PAST = new Set(['прошлый', 'прошлую', 'прошлое', 'прошлой', 'прошлом', 'last', 'past']);

/** Parts of day and their hour; phrases of several words first. */
const PARTS_OF_DAY: [string[], number][] = [
  [['после', 'обеда'], 15],
  [['в', 'обед'], 13],
  [['к', 'обеду'], 13],
  [['с', 'утра'], 10],
  [['к', 'вечеру'], 19],
  [['утром'], 10],
  [['утречком'], 10],
  [['morning'], 10],
  [['полдень'], 12],
  [['noon'], 12],
  [['midday'], 12],
  [['днем'], 13],
  [['lunch'], 13],
  [['lunchtime'], 13],
  [['afternoon'], 15],
  [['вечером'], 19],
  [['вечерком'], 19],
  [['evening'], 19],
  [['tonight'], 19],
];

/** "завтра", "послезавтра", "tomorrow", weekdays, and parts of day. The last of each kind wins. */
export function parseDayWords(tokens: Token[], source: string, spec: WhenSpec): void {
  for (let i = 0; i < tokens.length; i++) {
    const day = DAY_PHRASES.find(([words]) => tokensSpell(tokens, i, words, source));
    if (day) {
      spec.dayOffset = day[1];
      i += day[0].length - 1;
    }
    const weekday = WEEKDAYS.get(tokens[i]!.text);
    if (weekday !== undefined && !PAST.has(tokens[i - 1]?.text ?? '')) spec.weekday = weekday;
  }
  for (let i = 0; i < tokens.length; i++) {
    const part = PARTS_OF_DAY.find(([words]) => tokensSpell(tokens, i, words, source));
    if (part) {
      spec.partOfDay = part[1];
      i += part[0].length - 1;
    }
  }
}
