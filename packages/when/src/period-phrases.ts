import type { Period } from './spec.js';
import { phraseTable } from './text.js';

const week = (part: Period['part'], next: boolean): Period => ({ unit: 'week', part, next });
const weekend = (next: boolean): Period => ({ unit: 'weekend', part: 'start', next });
const month = (part: Period['part'], next: boolean): Period => ({ unit: 'month', part, next });

/**
 * Days named by the week or the month. "на выходные" and "for the weekend" are left out on
 * purpose: they say how long (a stay), not when to write.
 */
const LISTED: [string, Period][] = [
  ['на следующей неделе', week('start', true)], ['на будущей неделе', week('start', true)], ['со следующей недели', week('start', true)],
  ['в начале следующей недели', week('start', true)], ['в начале будущей недели', week('start', true)], ['в начале недели', week('start', false)],
  ['после выходных', week('start', true)], ['после уикенда', week('start', true)],
  ['next week', week('start', true)], ['early next week', week('start', true)], ['start of next week', week('start', true)],
  ['beginning of next week', week('start', true)], ['after the weekend', week('start', true)], ['after weekend', week('start', true)],
  ['в середине недели', week('middle', false)], ['в середине следующей недели', week('middle', true)],
  ['midweek', week('middle', false)], ['mid week', week('middle', false)], ['middle of the week', week('middle', false)],
  ['mid next week', week('middle', true)], ['middle of next week', week('middle', true)],
  ['в конце недели', week('end', false)], ['к концу недели', week('end', false)], ['до конца недели', week('end', false)],
  ['под конец недели', week('end', false)], ['в конце этой недели', week('end', false)], ['в конце следующей недели', week('end', true)],
  ['end of the week', week('end', false)], ['end of this week', week('end', false)], ['end of week', week('end', false)],
  ['end of next week', week('end', true)], ['late next week', week('end', true)],
  ['в выходные', weekend(false)], ['на выходных', weekend(false)], ['в эти выходные', weekend(false)], ['на этих выходных', weekend(false)],
  ['в уикенд', weekend(false)], ['на уикенде', weekend(false)], ['на следующих выходных', weekend(true)], ['в следующие выходные', weekend(true)],
  ['on the weekend', weekend(false)], ['at the weekend', weekend(false)], ['over the weekend', weekend(false)], ['this weekend', weekend(false)],
  ['on weekend', weekend(false)], ['next weekend', weekend(true)],
  ['в следующем месяце', month('start', true)], ['в начале следующего месяца', month('start', true)], ['в начале месяца', month('start', true)],
  ['next month', month('start', true)], ['early next month', month('start', true)], ['beginning of next month', month('start', true)],
  ['в середине месяца', month('middle', false)], ['mid month', month('middle', false)], ['midmonth', month('middle', false)],
  ['mid this month', month('middle', false)], ['middle of month', month('middle', false)], ['в середине следующего месяца', month('middle', true)], ['mid next month', month('middle', true)],
  ['в конце месяца', month('end', false)], ['к концу месяца', month('end', false)], ['до конца месяца', month('end', false)],
  ['в конце следующего месяца', month('end', true)], ['end of the month', month('end', false)], ['end of this month', month('end', false)],
  ['end of month', month('end', false)], ['end of next month', month('end', true)],
];

/**
 * The same parts said every way: "начало недели", "конец следующего месяца", "к середине месяца",
 * "в последних числах месяца", "the start of the week", "the end of next month". A nominative
 * ("конец месяца") is a time as much as "в конце месяца".
 */
function generated(): [string, Period][] {
  const parts: Record<Period['part'], string[]> = {
    start: ['в начале', 'начало', 'к началу', 'в первых числах', 'beginning of', 'start of', 'the beginning of', 'the start of'],
    middle: ['в середине', 'середина', 'к середине', 'middle of', 'the middle of'],
    end: ['в конце', 'конец', 'к концу', 'до конца', 'под конец', 'ближе к концу', 'в последних числах', 'end of', 'the end of'],
  };
  const units: [string, Period['unit'], boolean][] = [
    ['недели', 'week', false], ['этой недели', 'week', false], ['следующей недели', 'week', true], ['будущей недели', 'week', true],
    ['месяца', 'month', false], ['этого месяца', 'month', false], ['текущего месяца', 'month', false],
    ['следующего месяца', 'month', true], ['будущего месяца', 'month', true],
    ['the week', 'week', false], ['this week', 'week', false], ['next week', 'week', true], ['the next week', 'week', true], ['the following week', 'week', true],
    ['the month', 'month', false], ['this month', 'month', false], ['next month', 'month', true], ['the next month', 'month', true],
  ];
  const cyrillic = (s: string) => /\p{Script=Cyrillic}/u.test(s);
  const entries: [string, Period][] = [];
  for (const [part, prefixes] of Object.entries(parts) as [Period['part'], string[]][]) {
    for (const prefix of prefixes) {
      for (const [words, unit, next] of units) {
        // Russian prefixes with Russian units, English with English. A week's start is next Monday, this week or not.
        if (cyrillic(prefix) === cyrillic(words)) entries.push([`${prefix} ${words}`, { unit, part, next }]);
      }
    }
  }
  // "следующая неделя", "на следующую неделю", "the coming week": next week, from its Monday.
  for (const words of ['следующая неделя', 'следующую неделю', 'будущая неделя', 'будущую неделю', 'coming week', 'the coming week',
    'this coming week', 'upcoming week', 'the upcoming week', 'the following week', 'following week', 'the week after this']) {
    entries.push([words, { unit: 'week', part: 'start', next: true }]);
  }
  for (const words of ['следующий месяц', 'будущий месяц', 'coming month', 'the coming month', 'this coming month', 'the following month']) {
    entries.push([words, { unit: 'month', part: 'start', next: true }]);
  }
  entries.push(['в последний день месяца', { unit: 'month', part: 'end', next: false }]);
  for (const words of ['ближайшие выходные', 'на ближайших выходных', 'в ближайшие выходные', 'эти выходные', 'coming weekend', 'the coming weekend', 'this coming weekend']) {
    entries.push([words, { unit: 'weekend', part: 'start', next: false }]);
  }
  entries.push(['следующие выходные', { unit: 'weekend', part: 'start', next: true }]);
  return entries;
}

/** Every period phrase; the listed ones last, so they win over a generated duplicate. */
export const PERIOD_PHRASES = phraseTable<Period>([...new Map([...generated(), ...LISTED]).entries()]);
