import { MONTH_PATTERN } from './months.js';
import { B_END, B_START } from './text.js';

/** Day numbers as ordinal words: "второго декабря", "первое число", "December first", "the 21st". */
const RU_STEMS = ['перв', 'втор', 'трет', 'четверт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят', 'одиннадцат', 'двенадцат',
  'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат', 'двадцат'];
const EN_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

function build(): Map<string, number> {
  const words = new Map<string, number>();
  // Genitive ("второго декабря"), neuter nominative ("второе декабря") and dative ("к двадцатому"); "третий" is irregular.
  const ru = (stem: string, n: number) =>
    (stem === 'трет' ? ['третьего', 'третье', 'третьему'] : [`${stem}ого`, `${stem}ое`, `${stem}ому`]).forEach((w) => words.set(w, n));
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

/**
 * A Russian ordinal unit right ahead ("двадцать первому", "двадцать пятом году"): the number before
 * it is the tens of an ordinal, not an hour (clock-words.ts, counted.ts).
 */
export const ORDINAL_UNIT_AHEAD = new RegExp(
  `^\\s+(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят)(?:ого|ому|ое|ом|ый|ой|ая|ую|ьего|ьему|ье|ий|ья|ью)${B_END}`,
  'u',
);

const ALTERNATIVES = [...ORDINALS.keys()].sort((a, b) => b.length - a.length).join('|');
/** An ordinal before a month, "числа" or "следующего месяца", or after a month: only there is it a day. */
const BEFORE = new RegExp(
  `${B_START}(?:the\\s+)?(${ALTERNATIVES})(?=\\s+(?:of\\s+)?(?:${MONTH_PATTERN})${B_END}|\\s+(?:числа|(?:следующего|будущего|этого|текущего)\\s+месяца|of\\s+(?:next|this|the)\\s+month)${B_END})`,
  'gu',
);
const AFTER = new RegExp(`(?<=${B_START}(?:${MONTH_PATTERN})\\.?\\s+(?:the\\s+)?)(${ALTERNATIVES})${B_END}`, 'gu');

/**
 * A genitive ordinal with no noun after it is a day of the month: "давайте пятнадцатого",
 * "двадцатого созвонимся", "после пятнадцатого". A noun agreeing with it ends in -а/-я/-и/-ы
 * ("второго этажа", "с первого раза", "двадцатого века"), an adjective in -ого/-его: then it is
 * not one. Nor is an hour in progress ("в начале седьмого", "в половине первого"). The dative
 * ("к двадцатому") is read too, more strictly (AFTER_K).
 */
const RU_LONE_FORMS = [...ORDINALS.keys()].filter((w) => /(?:ого|его|ому|ему)$/.test(w)).sort((a, b) => b.length - a.length);
/** A dative ordinal is a day only after "к" and alone: "к двадцатому" (by the 20th). */
const AFTER_K = /(?:^|[^\p{L}])ко?\s+$/u;
const RU_LONE = new RegExp(
  `(?<!(?:начале|конце|половине|пол|четверть|минут|без|часа|часу)\\s+)${B_START}(${RU_LONE_FORMS.join('|')})(?=\\s+(\\p{L}+)|[^\\p{L}\\p{N}]|$)`,
  'gu',
);
/** Words in -а/-я that are no noun: "давайте пятнадцатого тогда", "двадцатого пока не могу". */
const NOT_NOUNS = new Set(['тогда', 'пока', 'когда', 'всегда', 'сюда', 'туда', 'да', 'нельзя', 'сразу', 'наверно', 'или', 'ли', 'мы', 'вы', 'ты', 'они']);
const agreesWith = (word: string | undefined) =>
  // "-ся" is a verb: "двадцатого созвонимся".
  word !== undefined && !NOT_NOUNS.has(word) && /(?:[аяиы]|[ое]го)$/.test(word) && !word.endsWith('ся');

/** "on the fifteenth", "after the twentieth": an English ordinal after on/by/after the, where nothing follows that it could count. */
const EN_LONE = new RegExp(
  `(?<=${B_START}(?:on|by|after|for)\\s+the\\s+)(${EN_WORDS.join('|')}|thirtieth|(?:twenty|thirty)[- ](?:${EN_WORDS.slice(0, 9).join('|')}))` +
    `(?=\\s*$|\\s*[^\\p{L}\\p{N}\\s]|\\s+(?:at|in|or|and|then|works?|please|pls|is|would|if|maybe|too|instead|ok|okay|morning|afternoon|evening|of\\s+(?:next|this|the)\\s+month)${B_END})`,
  'gu',
);

/** Writes ordinal day words as digits ("второго декабря" → "2 декабря", "давайте пятнадцатого" → "давайте 15-го"), so the date patterns read one form. */
export function ordinalsAsDigits(text: string): string {
  let out = text.replace(BEFORE, (_, w: string) => String(ORDINALS.get(w))).replace(AFTER, (w: string) => String(ORDINALS.get(w)));
  if (/ого|его|ому|ему/.test(out)) {
    out = out.replace(RU_LONE, (w: string, _: string, next: string | undefined, at: number, all: string) => {
      if (/[ое]го$/.test(w)) return agreesWith(next) ? w : `${ORDINALS.get(w)}-го`;
      // A dative only with nothing after it that it could agree with ("к второму этажу", "к пятому подъезду"): "к двадцатому (числу)".
      const alone = next === undefined || next === 'числу';
      return alone && AFTER_K.test(all.slice(Math.max(0, at - 4), at)) ? `${ORDINALS.get(w)}-му` : w;
    });
  }
  if (out.includes(' the ')) out = out.replace(EN_LONE, (w: string) => `${ORDINALS.get(w.replace('-', ' ')) ?? ORDINALS.get(w)}th`);
  return out;
}
