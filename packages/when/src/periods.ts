import { MONTHS_ALONE } from './months.js';
import type { Period, WhenSpec } from './spec.js';
import { matchPhrase, phraseTable, type Token } from './text.js';

const week = (part: Period['part'], next: boolean): Period => ({ unit: 'week', part, next });
const weekend = (next: boolean): Period => ({ unit: 'weekend', part: 'start', next });
const month = (part: Period['part'], next: boolean): Period => ({ unit: 'month', part, next });

/**
 * Days named by the week or the month. "на выходные" and "for the weekend" are left out on
 * purpose: they say how long (a stay), not when to write.
 */
const PHRASES = phraseTable<Period>([
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
  ['в середине месяца', month('middle', false)], ['в середине следующего месяца', month('middle', true)], ['mid next month', month('middle', true)],
  ['в конце месяца', month('end', false)], ['к концу месяца', month('end', false)], ['до конца месяца', month('end', false)],
  ['в конце следующего месяца', month('end', true)], ['end of the month', month('end', false)], ['end of this month', month('end', false)],
  ['end of month', month('end', false)], ['end of next month', month('end', true)],
]);

/** Words before a month name that pick a part of it: "в конце декабря", "early December", "in December". */
const MONTH_PARTS = phraseTable<Period['part']>([
  ['в', 'start'], ['in', 'start'], ['в начале', 'start'], ['early', 'start'], ['beginning of', 'start'], ['start of', 'start'],
  ['в середине', 'middle'], ['mid', 'middle'], ['middle of', 'middle'], ['in mid', 'middle'],
  ['в конце', 'end'], ['к концу', 'end'], ['late', 'end'], ['end of', 'end'], ['at the end of', 'end'], ['by the end of', 'end'],
]);

/**
 * Past-tense verbs that, just before "в мае" / "in March", make the month a memory ("мы были в
 * мае", "we were there in March"), not a time to write.
 */
const PAST_VERBS = new Set([
  'был', 'была', 'были', 'было', 'ездил', 'ездили', 'ездила', 'приезжал', 'приезжали', 'приезжала', 'отдыхали', 'отдыхал', 'отдыхала',
  'смотрели', 'смотрел', 'смотрела', 'жили', 'жил', 'жила', 'снимали', 'снимал', 'снимала', 'летали', 'летал', 'летала',
  'was', 'were', 'went', 'stayed', 'visited', 'came', 'rented',
]);
const PAST_VERB_REACH = 3;

/** Weeks, weekends and months as periods. The last one named wins. */
export function parsePeriods(tokens: Token[], source: string, spec: WhenSpec): void {
  for (let i = 0; i < tokens.length; i++) {
    const phrase = matchPhrase(tokens, i, PHRASES, source);
    if (phrase) {
      spec.period = phrase.value;
      i += phrase.length - 1;
      continue;
    }
    const part = matchPhrase(tokens, i, MONTH_PARTS, source);
    const named = part && MONTHS_ALONE.get(tokens[i + part.length]?.text ?? '');
    if (part && named !== undefined) {
      const remembered = tokens.slice(Math.max(0, i - PAST_VERB_REACH), i).some((t) => PAST_VERBS.has(t.text));
      if (remembered) spec.past = true;
      else spec.period = { unit: 'month', part: part.value, next: false, month: named };
      i += part.length;
    }
  }
}
