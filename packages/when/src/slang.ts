import { B_END, B_START } from './text.js';

// Chat spellings written the standard way before any parser reads the text, so each parser
// matches one form: "2moro" → "tomorrow", "next wk" → "next week", "wensday" → "wednesday".

/** Whole words, always safe to replace. */
const WORDS: Record<string, string> = {
  '2moro': 'tomorrow', '2morro': 'tomorrow', '2morrow': 'tomorrow', '2morow': 'tomorrow', '2mrw': 'tomorrow', '2mro': 'tomorrow',
  '2moz': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmw: 'tomorrow', tomoz: 'tomorrow', tomorro: 'tomorrow',
  tomoro: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow', tomorow: 'tomorrow', '2nite': 'tonight', '2night': 'tonight',
  wk: 'week', wks: 'weeks', "c'mon": 'come on', cmon: 'come on',
};
const WORD = new RegExp(`${B_START}(?:${Object.keys(WORDS).join('|')})${B_END}`, 'gu');

/** "mid-month", "mid-week", "mid-December": "mid" as a word of its own, as the period tables have it. */
const MID = /(?<![\p{L}\p{N}])mid-(?=\p{L})/gu;

/**
 * "wed", "sat", "sun" are also English words ("we wed", "sat down", "in the sun"): a day only
 * where a day stands — after on/next/this/…, before a time or a part of day, next to another
 * weekday ("sat or sun", "mon-wed"), or alone as the whole message ("Wed?").
 */
const DAY_ABBREVIATIONS = 'mon|tues?|wed|thu(?:rs?)?|fri|sat|sun';
const FULL: Record<string, string> = { wed: 'wednesday', sat: 'saturday', sun: 'sunday' };
const AMBIGUOUS = new RegExp(
  `(?<!(?:^|[^\\p{L}\\p{N}])(?:i|we|he|she|they|the|a|in|of)\\s+|[\\p{L}\\p{N}'])` +
    `(?:(?<=(?:^|[^\\p{L}])(?:on|next|this|by|until|till|from|every|each|last|coming)\\s+)(wed|sat|sun)${B_END}` +
    `|(?<=(?:^|[^\\p{L}])(?:${DAY_ABBREVIATIONS})\\.?\\s*(?:or|and|to|[,/-])\\s*)(wed|sat|sun)${B_END}` +
    `|(wed|sat|sun)(?=\\.?\\s*(?:(?:,\\s*)?(?:at\\s+)?\\d|(?:or|and|to|[,/-])\\s*(?:${DAY_ABBREVIATIONS})${B_END}` +
    `|(?:morning|afternoon|evening|night|eve|noon|lunch|lunchtime|eod|am|pm)${B_END}))` +
    `|(?<=^[^\\p{L}\\p{N}]*)(wed|sat|sun)(?=[^\\p{L}\\p{N}]*$))`,
  'gu',
);

/** Weekdays as they are often mistyped; a word counts when it is within a typo of one and is no other word. */
const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Real words that end in "day" and stand close to a weekday ("midday" is two letters from "monday"). */
const EN_REAL = new Set(['today', 'someday', 'midday', 'weekday', 'workday', 'payday', 'holiday', 'birthday', 'heyday', 'doomsday',
  'mayday', 'noonday', 'yesterday', 'everyday', 'faraday', 'doubleday', 'domesday']);
/**
 * Russian weekdays in the forms day-words.ts reads, and every other form of the same nouns: a
 * typo is one letter off a form read ("пятницк", "суботу", "понеделник"), never a real form
 * ("пятницы" after "до" is a range, "четверо" a count).
 */
const RU_READ = ['понедельник', 'вторник', 'четверг', 'пятницу', 'пятница', 'субботу', 'суббота', 'воскресенье'];
const RU_REAL = new Set([
  ...['понедельник', 'вторник', 'четверг'].flatMap((w) => ['', 'а', 'у', 'ом', 'е', 'и', 'ов', 'ам', 'ами', 'ах'].map((e) => w + e)),
  ...['пятниц', 'суббот'].flatMap((w) => ['а', 'ы', 'е', 'у', 'ей', 'ой', 'ею', '', 'ам', 'ами', 'ах'].map((e) => w + e)),
  ...['воскресень', 'воскресени'].flatMap((w) => ['е', 'я', 'ю', 'ем', 'и', 'й', 'ям', 'ями', 'ях'].map((e) => w + e)),
  'четверо', 'четверть', 'четверка',
]);
/** Words worth a closer look: English ones ending in "day", Russian ones starting like a weekday. */
const TYPO_CANDIDATE = /(?<![\p{L}\p{N}])(?:\p{L}{3,}day|(?:по|вт|че|пя|су|во)\p{L}{4,})(?![\p{L}\p{N}])/gu;

/** The normalised text (text.ts) with chat spellings, ambiguous abbreviations in a day's place and weekday typos written out. */
export function standardSpellings(text: string): string {
  let out = text;
  if (/\d|tm|tom|wk|mon/.test(out)) out = out.replace(WORD, (w) => WORDS[w]!);
  if (out.includes('mid-')) out = out.replace(MID, 'mid ');
  if (/wed|sat|sun/.test(out)) out = out.replace(AMBIGUOUS, (w) => FULL[w] ?? w);
  return out.replace(TYPO_CANDIDATE, (w) => weekdayTypo(w) ?? w);
}

function weekdayTypo(word: string): string | undefined {
  if (word.endsWith('day')) {
    if (EN_WEEKDAYS.includes(word) || EN_REAL.has(word)) return undefined;
    // Long names bear two slips ("wensday", "wendsday"); short ones one ("tusday", "fryday").
    return closest(word, EN_WEEKDAYS.filter((d) => d[0] === word[0]), (d) => (d.length >= 8 ? 2 : 1));
  }
  if (RU_REAL.has(word)) return undefined;
  return closest(word, RU_READ.filter((d) => d.startsWith(word.slice(0, 2))), () => 1);
}

/** The one name within its allowed typos of `word`; none when two are equally close ("tursday": Tuesday or Thursday?). */
function closest(word: string, names: string[], allowed: (name: string) => number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of names) {
    const d = typos(word, name, allowed(name));
    if (d < bestDistance) [best, bestDistance, tie] = [name, d, false];
    // "пятницк" is as close to "пятницу" as to "пятница": two forms of one day are no tie.
    else if (d === bestDistance && d !== Infinity && name.slice(0, 5) !== best!.slice(0, 5)) tie = true;
  }
  return tie ? undefined : best;
}

/** How many edits turn `a` into `b` (letters added, dropped, changed, or two swapped); Infinity past `max`. */
function typos(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  // Optimal string alignment distance, rows of the table only.
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]! <= max ? prev[b.length]! : Infinity;
}
