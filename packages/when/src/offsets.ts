import { readQuantity } from './numbers.js';
import { anchorAfter } from './offset-anchors.js';
import type { WhenSpec } from './spec.js';
import type { Token } from './text.js';

type Size = { exactMs: number } | { days: number } | { months: number };

interface Unit {
  size: Size;
  /** A unit that carries its own amount ("полчаса") and takes no number. */
  implicit?: number;
  /** Genitive/plural forms that may lead a colloquial amount: "через минут 20", "через часа 2". */
  leads?: boolean;
}

const SECOND = { exactMs: 1000 };
const MINUTE = { exactMs: 60_000 };
const HOUR = { exactMs: 3_600_000 };
const DAY = { days: 1 };
const WEEK = { days: 7 };
const MONTH = { months: 1 };
const YEAR = { months: 12 };

const UNITS = new Map<string, Unit>();
const add = (size: Size, words: string, extra: Omit<Unit, 'size'> = {}) => {
  for (const w of words.split(' ')) UNITS.set(w, { size, ...extra });
};
add(SECOND, 'секунду секундочку сек second sec');
add(SECOND, 'секунд секунды seconds secs', { leads: true });
add(MINUTE, 'минуту минутку минуточку мин minute min');
add(MINUTE, 'минут минуты минуток минутки минуточек минуточки minutes mins', { leads: true });
add(HOUR, 'час часик часок часочек ч hour hr h');
add(HOUR, 'часа часов часика часиков часочка hours hrs', { leads: true });
add(DAY, 'день денек денечек day');
add(DAY, 'дня дней денька деньков денечка денечков days', { leads: true });
// "сутки" names 24 hours, not a calendar day: "через сутки" keeps the clock.
add({ exactMs: 86_400_000 }, 'сутки суток', { leads: true });
add(WEEK, 'неделю неделя недельку недельки неделька week wk');
add(WEEK, 'недели недель неделек weeks wks', { leads: true });
add({ days: 14 }, 'fortnight');
add(MONTH, 'месяц месяцок месячишко месячок month');
add(MONTH, 'месяца месяцев месячишка months', { leads: true });
add(YEAR, 'год годик year');
add(YEAR, 'года лет годика years', { leads: true });
add(HOUR, 'полчаса полчасика', { implicit: 0.5 });
add(SECOND, 'полминуты', { implicit: 30 });
add(MONTH, 'полгода', { implicit: 6 });

/** Whether `word` is a unit of an offset ("week", "дней"): "a week from Monday" counts from Monday. */
export const isUnitWord = (word: string) => UNITS.has(word);

/** Words that open an offset: "через 2 часа", "спустя неделю", "in 2 hours", "after a week". */
const TRIGGERS = new Set(['через', 'чрез', 'спустя', 'in', 'after', 'within']);
/** "через ~", "in about half an hour", "через где-то час": an approximate amount is taken as said. */
const HEDGES = new Set(['about', 'around', 'roughly', 'approximately', 'approx', 'like', 'maybe', 'just', 'some', 'only',
  'примерно', 'приблизительно', 'где', 'то', 'около', 'каких', 'какие', 'какую', 'нибудь', 'какой', 'так', 'этак', 'ну', 'порядка', 'всего', 'буквально']);
/** Before an amount with no trigger: how long, not when ("на неделю после праздников", "for a week from Monday"). */
const DURATION = new Set(['на', 'for', 'за']);
const JOINERS = new Set(['и', 'and']);
const HALF_SUFFIXES = [['с', 'половиной'], ['and', 'a', 'half']];

interface Sum {
  exactMs: number;
  days: number;
  months: number;
}

/**
 * Offsets after a trigger word: "через 2 часа 30 минут", "через полтора часа", "через неделю",
 * "через минут 20", "минут через 10", "in a couple of days", "in about half an hour", or before
 * "from now" ("a week from now"). An amount with neither ("на две недели", "for 2 weeks") is how
 * long, not when. One followed by "после" / "after" / "from" counts from the day named next
 * (offset-anchors.ts). The last offset in the text wins.
 */
export function parseOffsets(tokens: Token[], source: string, spec: WhenSpec): void {
  for (let i = 0; i < tokens.length; i++) {
    const triggered = TRIGGERS.has(tokens[i]!.text);
    const read = triggered ? readOffset(tokens, skipHedges(tokens, i + 1)) : (readUnitFirst(tokens, i) ?? readOffset(tokens, i));
    if (!read) continue;
    const anchor = anchorAfter(tokens, read.next, source);
    if (anchor === 'past') spec.past = true;
    else if ((anchor === 'day' || (anchor === 'fromDay' && read.sum.exactMs === 0)) && (triggered || !DURATION.has(tokens[i - 1]?.text ?? ''))) {
      countFromDay(read.sum, spec);
    }
    else if (triggered || anchor === 'now' || read.unitFirst) applyOffset(read.sum, spec);
    i = read.next - 1;
  }
}

function skipHedges(tokens: Token[], i: number): number {
  while (HEDGES.has(tokens[i]?.text ?? '')) i++;
  return i;
}

/** "минут через 10", "часика через два", "дня через три": the unit first, then the trigger and the amount. */
function readUnitFirst(tokens: Token[], i: number): { sum: Sum; next: number; unitFirst: true } | null {
  const unit = UNITS.get(tokens[i]!.text);
  if (!unit?.leads) return null;
  const trigger = skipHedges(tokens, i + 1);
  if (!TRIGGERS.has(tokens[trigger]?.text ?? '')) return null;
  const q = readQuantity(tokens, skipHedges(tokens, trigger + 1));
  if (!q || UNITS.has(tokens[q.next]?.text ?? '')) return null;
  const sum: Sum = { exactMs: 0, days: 0, months: 0 };
  addTo(sum, unit.size, q.value);
  return { sum, next: q.next, unitFirst: true };
}

/**
 * "через неделю после понедельника": days and months move the day named next; an exact amount
 * after "после" ("через час после звонка") counts from something that has no time here.
 */
function countFromDay(sum: Sum, spec: WhenSpec): void {
  if (sum.exactMs > 0) spec.unknownBase = true;
  else spec.shift = { days: Math.round(sum.days + (sum.months % 1) * 30), months: Math.trunc(sum.months) };
}

function readOffset(tokens: Token[], from: number): { sum: Sum; next: number; unitFirst?: boolean } | null {
  const sum: Sum = { exactMs: 0, days: 0, months: 0 };
  let found = false;
  let j = from;
  for (;;) {
    if (found && JOINERS.has(tokens[j]?.text ?? '')) j++;
    const q = readQuantity(tokens, j);
    const unitAfterQ = q ? UNITS.get(tokens[q.next]?.text ?? '') : undefined;
    let unit: Unit | undefined;
    let amount: number;
    if (q && unitAfterQ && unitAfterQ.implicit === undefined) {
      unit = unitAfterQ;
      amount = q.value;
      j = q.next + 1;
    } else {
      unit = UNITS.get(tokens[j]?.text ?? '');
      if (!unit) break;
      amount = unit.implicit ?? 1;
      j++;
      const trailing = unit.leads ? readQuantity(tokens, j) : null;
      // "через минут 20" — unless the number starts the next pair ("через часа 2 … минут")
      if (trailing && !UNITS.has(tokens[trailing.next]?.text ?? '')) {
        amount = trailing.value;
        j = trailing.next;
      }
    }
    // "час с половиной", "an hour and a half"
    const half = HALF_SUFFIXES.find((words) => words.every((w, k) => tokens[j + k]?.text === w));
    if (half) {
      amount += 0.5;
      j += half.length;
    }
    addTo(sum, unit.size, amount);
    found = true;
  }
  return found ? { sum, next: j } : null;
}

function addTo(sum: Sum, size: Size, amount: number): void {
  if ('exactMs' in size) sum.exactMs += size.exactMs * amount;
  else if ('days' in size) sum.days += size.days * amount;
  else sum.months += size.months * amount;
}

/**
 * Days, weeks and months stay day-granular, a fraction rounded to whole days ("через полторы
 * недели" → 11 days, a message at the default hour rather than at 03:20); anything with a clock
 * part is real elapsed time.
 */
function applyOffset(sum: Sum, spec: WhenSpec): void {
  let { days, months } = sum;
  if (!Number.isInteger(months)) {
    // "через полтора месяца": the half month as 15 days
    days += Math.round((months % 1) * 30);
    months = Math.trunc(months);
  }
  if (sum.exactMs > 0) {
    spec.exactMs = sum.exactMs + days * 86_400_000 + months * 30 * 86_400_000;
    delete spec.days;
    delete spec.months;
    return;
  }
  days = Math.round(days);
  if (days <= 0 && months <= 0) return;
  delete spec.exactMs;
  spec.days = days;
  spec.months = months;
}
