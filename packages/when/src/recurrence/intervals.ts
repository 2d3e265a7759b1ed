import { readQuantity } from '../numbers.js';
import { tokensSpell, type Token } from '../text.js';
import { weekdayOfWord } from './weekday-words.js';

/** What an interval phrase comes to: a frequency cron states exactly, or one it cannot. */
export type IntervalHabit = 'daily' | 'weekly' | 'monthly' | 'unsupported';

/** Units as a number of days or months; `null`: a unit no series here is counted in (hours, years). */
const UNITS = new Map<string, { days: number } | { months: number } | null>();
const add = (size: { days: number } | { months: number } | null, words: string) => words.split(' ').forEach((w) => UNITS.set(w, size));
add({ days: 1 }, 'день дня дней day days сутки суток');
add({ days: 7 }, 'неделю неделя недели недель неделей week weeks');
add({ days: 14 }, 'fortnight');
add({ months: 1 }, 'месяц месяца месяцев month months');
add({ months: 3 }, 'квартал квартала quarter');
add({ months: 6 }, 'полгода');
add(null, 'минуту минуты минут minute minutes час часа часов hour hours год года лет year years');

/** "every", "каждые", "раз в", "once a": an interval follows, its count optional ("every week", "every 2 weeks"). */
const LEADS = [['every'], ['each'], ['once', 'a'], ['once', 'an'], ['once', 'per'], ['once', 'every'], ['раз', 'в'],
  ['каждые'], ['каждый'], ['каждую'], ['каждое'], ['каждого'], ['каждой'], ['каждых']];
/** "every other day", "каждую вторую неделю", "каждый третий день". */
const ORDINAL_COUNTS = new Map(Object.entries({ other: 2, second: 2, third: 3, fourth: 4,
  второй: 2, вторую: 2, второе: 2, третий: 3, третью: 3, третье: 3, четвертый: 4, четвертую: 4 }));
/** Frequencies cron has no exact pattern for, whatever follows ("twice a week", "ежеквартально", "hourly"). */
const UNSUPPORTED = new Set(['biweekly', 'fortnightly', 'quarterly', 'ежеквартально', 'annually', 'yearly', 'ежегодно',
  'hourly', 'ежечасно', 'twice', 'thrice', 'дважды', 'трижды', 'semiannually']);

/**
 * The first interval the text names: "every day" and "каждые 7 дней" are what cron says exactly;
 * "every 2 weeks", "раз в три дня", "every other Monday", "два раза в неделю" are not (cron counts
 * days of the month, not days since a start: "*\/2" runs on the 31st and again on the 1st), and
 * neither is anything hourly or yearly. Undefined: no interval named.
 */
export function readInterval(tokens: Token[], source: string): IntervalHabit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    if (UNSUPPORTED.has(word)) return 'unsupported';
    // "2 times a week", "два раза в день"; "один раз в неделю" is once.
    if ((word === 'раза' || word === 'раз' || word === 'times') && (readQuantity(tokens, i - 1)?.value ?? 1) > 1) return 'unsupported';
    const lead = LEADS.find((words) => tokensSpell(tokens, i, words, source));
    if (!lead) continue;
    const habit = intervalAt(tokens, i + lead.length);
    if (habit) return habit;
  }
  return undefined;
}

function intervalAt(tokens: Token[], at: number): IntervalHabit | undefined {
  const i = tokens[at]?.text === 'single' ? at + 1 : at; // "every single day"
  const ordinal = ORDINAL_COUNTS.get(tokens[i]?.text ?? '');
  const quantity = ordinal === undefined ? readQuantity(tokens, i) : { value: ordinal, next: i + 1 };
  const unitWord = tokens[quantity?.next ?? i]?.text ?? '';
  // "every other Monday", "каждую вторую среду": a count of weeks. A weekday with no count is a list (weekday-words.ts).
  if (quantity && weekdayOfWord(unitWord) !== undefined) return quantity.value === 1 ? undefined : 'unsupported';
  const unit = UNITS.get(unitWord);
  if (unit === undefined) return undefined;
  const count = quantity?.value ?? 1;
  if (unit === null) return 'unsupported';
  if ('months' in unit) return unit.months * count === 1 ? 'monthly' : 'unsupported';
  const days = unit.days * count;
  return days === 1 ? 'daily' : days === 7 ? 'weekly' : 'unsupported';
}
