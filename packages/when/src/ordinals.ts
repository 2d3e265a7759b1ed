import { MONTH_PATTERN } from './months.js';
import { B_END, B_START } from './text.js';

/** Day numbers as ordinal words: "второго декабря", "первое число", "December first", "the 21st". */
const RU_STEMS = ['перв', 'втор', 'трет', 'четверт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят', 'одиннадцат', 'двенадцат',
  'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат', 'двадцат'];
const EN_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

function build(): Map<string, number> {
  const words = new Map<string, number>();
  // Genitive ("второго декабря") and neuter nominative ("второе декабря"); "третьего" / "третье" is irregular.
  const ru = (stem: string, n: number) => (stem === 'трет' ? ['третьего', 'третье'] : [`${stem}ого`, `${stem}ое`]).forEach((w) => words.set(w, n));
  RU_STEMS.forEach((stem, i) => ru(stem, i + 1));
  ru('тридцат', 30);
  EN_WORDS.forEach((w, i) => words.set(w, i + 1));
  words.set('thirtieth', 30);
  for (const [tens, base, units] of [['двадцать', 20, 9], ['тридцать', 30, 1]] as const) {
    for (let u = 1; u <= units; u++) for (const [w, n] of [...words]) if (n === u && /\p{Script=Cyrillic}/u.test(w)) words.set(`${tens} ${w}`, base + u);
  }
  for (const [tens, base, units] of [['twenty', 20, 9], ['thirty', 30, 1]] as const) {
    for (let u = 1; u <= units; u++) for (const sep of [' ', '-']) words.set(`${tens}${sep}${EN_WORDS[u - 1]}`, base + u);
  }
  return words;
}

const ORDINALS = build();
const ALTERNATIVES = [...ORDINALS.keys()].sort((a, b) => b.length - a.length).join('|');
/** An ordinal before a month, "числа" or "следующего месяца", or after a month: only there is it a day. */
const BEFORE = new RegExp(
  `${B_START}(?:the\\s+)?(${ALTERNATIVES})(?=\\s+(?:of\\s+)?(?:${MONTH_PATTERN})${B_END}|\\s+(?:числа|(?:следующего|будущего|этого|текущего)\\s+месяца|of\\s+(?:next|this|the)\\s+month)${B_END})`,
  'gu',
);
const AFTER = new RegExp(`(?<=${B_START}(?:${MONTH_PATTERN})\\.?\\s+(?:the\\s+)?)(${ALTERNATIVES})${B_END}`, 'gu');

/** Writes ordinal day words as digits ("второго декабря" → "2 декабря"), so the date patterns read one form. */
export function ordinalsAsDigits(text: string): string {
  return text.replace(BEFORE, (_, w: string) => String(ORDINALS.get(w))).replace(AFTER, (w: string) => String(ORDINALS.get(w)));
}
