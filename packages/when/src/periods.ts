import { MONTHS_ALONE, MONTHS_NOMINATIVE } from './months.js';
import type { Period, WhenSpec } from './spec.js';
import { PAST_VERBS } from './past-verbs.js';
import { PERIOD_PHRASES } from './period-phrases.js';
import { matchPhrase, phraseTable, type Token } from './text.js';

/** Words before a month name that pick a part of it: "в конце декабря", "early December", "in December". */
const MONTH_PARTS = phraseTable<Period['part']>([
  ['в', 'start'], ['in', 'start'], ['в начале', 'start'], ['early', 'start'], ['beginning of', 'start'], ['start of', 'start'],
  ['в середине', 'middle'], ['mid', 'middle'], ['middle of', 'middle'], ['in mid', 'middle'],
  ['в конце', 'end'], ['к концу', 'end'], ['late', 'end'], ['end of', 'end'], ['at the end of', 'end'], ['by the end of', 'end'],
  // Nominatives and the rest of the ways to say it: "начало марта", "конец декабря", "the end of March".
  ['начало', 'start'], ['к началу', 'start'], ['в первых числах', 'start'], ['the beginning of', 'start'], ['the start of', 'start'],
  ['first day of', 'start'], ['the first day of', 'start'], ['в первый день', 'start'],
  ['середина', 'middle'], ['к середине', 'middle'], ['the middle of', 'middle'],
  ['конец', 'end'], ['под конец', 'end'], ['ближе к концу', 'end'], ['в последних числах', 'end'], ['the end of', 'end'],
  ['last day of', 'end'], ['the last day of', 'end'], ['в последний день', 'end'],
]);
/** Before a month named alone: a range or a stay ("с марта", "до марта", "на март", "for March"), not a time to write. */
const OR = new Set(['или', 'либо', 'or']);
const NOT_BEFORE_MONTH = new Set(['с', 'со', 'до', 'по', 'на', 'from', 'until', 'till', 'through', 'to', 'for', 'since', 'by', 'before',
  // A name, not a month: "this is April", "I'm June", "dear August".
  'is', 'am', 'm', 'named', 'called', 'dear', 'hi', 'hello', 'hey']);

const PAST_VERB_REACH = 3;

/** Weeks, weekends and months as periods. The last one named wins. */
export function parsePeriods(tokens: Token[], source: string, spec: WhenSpec): void {
  for (let i = 0; i < tokens.length; i++) {
    const phrase = matchPhrase(tokens, i, PERIOD_PHRASES, source);
    if (phrase) {
      spec.period = phrase.value;
      i += phrase.length - 1;
      continue;
    }
    const part = matchPhrase(tokens, i, MONTH_PARTS, source);
    const named = part && MONTHS_ALONE.get(tokens[i + part.length]?.text ?? '');
    if (part && named !== undefined) {
      setMonth(tokens, i, part.value, named, spec);
      i += part.length;
      continue;
    }
    // "март", "March": a month named alone is its start, like "в марте".
    const alone = MONTHS_NOMINATIVE.get(tokens[i]!.text);
    const before = tokens[i - 1]?.text ?? '';
    // "апрель-май", "March or April": the first month named, as with other alternatives.
    const alternative = MONTHS_NOMINATIVE.has(before) || (OR.has(before) && MONTHS_NOMINATIVE.has(tokens[i - 2]?.text ?? ''));
    if (alone !== undefined && !alternative && !NOT_BEFORE_MONTH.has(before)) setMonth(tokens, i, 'start', alone, spec);
  }
}

/** A month, unless a past-tense verb just before it makes it a memory ("мы были в мае"). */
function setMonth(tokens: Token[], i: number, part: Period['part'], month: number, spec: WhenSpec): void {
  const remembered = tokens.slice(Math.max(0, i - PAST_VERB_REACH), i).some((t) => PAST_VERBS.has(t.text));
  if (remembered) spec.past = true;
  else spec.period = { unit: 'month', part, next: false, month };
}
