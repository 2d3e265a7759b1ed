import type { Token } from './text.js';

/** Number words as clients write them, every case form that turns up after "через" / "in". */
const WORDS = new Map<string, number>(Object.entries({
  // Russian
  один: 1, одна: 1, одну: 1, одно: 1, одного: 1, одной: 1,
  два: 2, две: 2, двух: 2,
  три: 3, трех: 3,
  четыре: 4, четырех: 4,
  пять: 5, пяти: 5,
  шесть: 6, шести: 6,
  семь: 7, семи: 7,
  восемь: 8, восьми: 8,
  девять: 9, девяти: 9,
  десять: 10, десяти: 10,
  одиннадцать: 11, двенадцать: 12, тринадцать: 13, четырнадцать: 14,
  пятнадцать: 15, пятнадцати: 15, шестнадцать: 16, семнадцать: 17, восемнадцать: 18, девятнадцать: 19,
  двадцать: 20, двадцати: 20, тридцать: 30, тридцати: 30, сорок: 40, сорока: 40, пятьдесят: 50, пятидесяти: 50,
  двое: 2, трое: 3, четверо: 4, пятеро: 5,
  пару: 2, пара: 2, пары: 2, парочку: 2, парочка: 2, тройку: 3,
  несколько: 3, нескольких: 3,
  полтора: 1.5, полторы: 1.5, полутора: 1.5, пол: 0.5, четверть: 0.25,
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  couple: 2, few: 3, several: 3, half: 0.5, dozen: 12, quarter: 0.25,
}));

const TENS = new Set([20, 30, 40, 50]);
const QUARTERS = new Set(['quarters', 'четверти']);

export interface Quantity {
  value: number;
  /** Index of the first token after the quantity. */
  next: number;
}

/** Between the two ends of a range ("2-3 дня", "2 или 3 дня", "2 to 3 days"); a hyphen leaves no token. */
const RANGE_JOINERS = new Set(['или', 'or', 'to']);
const HALF = [['с', 'половиной'], ['and', 'a', 'half']];

/**
 * Reads a quantity at token `i`: digits (`2`, `1.5`, `1,5`), number words in Russian or English,
 * compounds ("двадцать пять", "twenty five"), "a couple of", "a few", "half an", "a"/"an" (1),
 * "два с половиной" (2.5). A range ("2-3", "пару-тройку", "2 или 3") counts as its lower end:
 * the earliest time the client allowed.
 */
export function readQuantity(tokens: Token[], i: number): Quantity | null {
  const q = readSingle(tokens, i);
  if (!q) return null;
  const half = HALF.find((words) => words.every((w, k) => tokens[q.next + k]?.text === w));
  if (half) return { value: q.value + 0.5, next: q.next + half.length };
  const joined = RANGE_JOINERS.has(tokens[q.next]?.text ?? '') ? q.next + 1 : q.next;
  const upper = isNumberToken(tokens[joined]?.text) ? readSingle(tokens, joined) : null;
  return upper && upper.value > q.value ? { value: q.value, next: upper.next } : q;
}

const isNumberToken = (t: string | undefined) => t !== undefined && (/^\d/.test(t) || WORDS.has(t));

function readSingle(tokens: Token[], i: number): Quantity | null {
  const t = tokens[i]?.text;
  if (t === undefined) return null;
  if (/^\d/.test(t)) return { value: Number(t.replace(',', '.')), next: i + 1 };

  if (t === 'a' || t === 'an') {
    const inner = readSingle(tokens, i + 1);
    // "a couple of", "a few", "a quarter of"; otherwise the article itself counts one ("an hour", "a week").
    if (inner && ['couple', 'few', 'quarter'].includes(tokens[i + 1]!.text)) return inner;
    return { value: 1, next: i + 1 };
  }

  const value = WORDS.get(t);
  if (value === undefined) return null;
  let next = i + 1;
  let total = value;
  const following = tokens[next]?.text;
  if (TENS.has(value) && following !== undefined) {
    const unit = WORDS.get(following);
    if (unit !== undefined && unit >= 1 && unit <= 9 && Number.isInteger(unit)) {
      total += unit;
      next++;
    }
  }
  // "three quarters of an hour", "три четверти часа": quarters of the unit that follows.
  if (QUARTERS.has(tokens[next]?.text ?? '')) {
    total *= 0.25;
    next++;
  }
  if ((t === 'couple' || t === 'quarter' || QUARTERS.has(tokens[next - 1]!.text)) && tokens[next]?.text === 'of') next++;
  // "half an hour", "a quarter of an hour": the article belongs to the unit, not to a second quantity.
  if ((t === 'half' || tokens[next - 1]?.text === 'of') && (tokens[next]?.text === 'an' || tokens[next]?.text === 'a')) next++;
  return { value: total, next };
}
