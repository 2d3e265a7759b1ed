import { readQuantity } from './numbers.js';
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

/** Words that open an offset: "через 2 часа", "спустя неделю", "in 2 hours", "after a week". */
const TRIGGERS = new Set(['через', 'спустя', 'in', 'after', 'within']);
/** Words that close one: "a week from now", "two days from today". */
const FROM_NOW = [['from', 'now'], ['from', 'today']];
const JOINERS = new Set(['и', 'and']);
const HALF_SUFFIXES = [['с', 'половиной'], ['and', 'a', 'half']];

interface Sum {
  exactMs: number;
  days: number;
  months: number;
}

/**
 * Offsets after a trigger word: "через 2 часа 30 минут", "через полтора часа", "через неделю",
 * "через минут 20", "in a couple of days", "in half an hour", or before "from now" ("a week
 * from now"). An amount with neither ("на две недели", "for 2 weeks") is how long, not when.
 * The last offset in the text wins.
 */
export function parseOffsets(tokens: Token[], spec: WhenSpec): void {
  for (let i = 0; i < tokens.length; i++) {
    const triggered = TRIGGERS.has(tokens[i]!.text);
    const read = readOffset(tokens, triggered ? i + 1 : i);
    if (!read) continue;
    const closed = FROM_NOW.some((words) => words.every((w, k) => tokens[read.next + k]?.text === w));
    if (triggered || closed) applyOffset(read.sum, spec);
    i = read.next - 1;
  }
}

function readOffset(tokens: Token[], from: number): { sum: Sum; next: number } | null {
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
