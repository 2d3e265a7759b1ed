/** Grammatical cases the trigger grammar asks for: "в Москве" prep, "из Москвы" gen, "по Киеву" dat. */
export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'prep';

/** A nominative a declined word may come from, and the cases that reading implies. */
export interface Reading {
  nominative: string;
  cases: readonly Case[];
}

const ALL: readonly Case[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'prep'];

/**
 * Case endings of nouns → the nominative endings they replace. Deliberately loose (a wrong
 * nominative simply finds no place); the case tags keep "в Москву" (where to) apart from
 * "в Москве" (where).
 */
const NOUN_ENDINGS: readonly (readonly [string, readonly string[], readonly Case[]])[] = [
  ['е', ['', 'ь'], ['prep']], // Берлине, Ярославле
  ['е', ['а', 'я'], ['prep', 'dat']], // Москве, Ривьере
  ['е', ['й'], ['prep']], // Дубае
  ['и', ['ь'], ['gen', 'dat', 'prep']], // Казани, Перми
  ['и', ['я'], ['gen', 'dat', 'prep']], // Германии (stem германи-)
  ['и', ['а'], ['gen']], // Праги, Риги
  ['ы', ['а'], ['gen']], // Москвы
  ['у', [''], ['dat', 'prep']], // Киеву; в Крыму (the locative in -у)
  ['у', ['а'], ['acc']], // Москву
  ['ю', ['й', 'ь'], ['dat']], // Дубаю, Ярославлю
  ['ю', ['я'], ['acc']], // Германию
  ['а', [''], ['gen']], // Питера
  ['я', ['й', 'ь'], ['gen']], // Дубая, Ярославля
  ['ой', ['а'], ['ins']],
  ['ом', [''], ['ins']],
  ['ем', ['й', 'ь'], ['ins']],
  ['ью', ['ь'], ['ins']],
  ['ей', ['я'], ['ins']],
  ['ах', ['ы'], ['prep']], // в Штатах, на Мальдивах
  ['ов', ['ы'], ['gen']], // из Штатов, из Эмиратов
  ['ам', ['ы'], ['dat']],
];

/** Adjectives inside place names: "в Нижнем Новгороде", "в Набережных Челнах". */
const ADJECTIVE_ENDINGS: readonly (readonly [string, readonly string[], readonly Case[]])[] = [
  ['ем', ['ий'], ['prep', 'ins']],
  ['ом', ['ый', 'ой'], ['prep', 'ins']],
  ['его', ['ий'], ['gen']],
  ['ого', ['ый', 'ой'], ['gen']],
  ['ему', ['ий'], ['dat']],
  ['ому', ['ый', 'ой'], ['dat']],
  ['ой', ['ая'], ['gen', 'dat', 'prep', 'ins']],
  ['ей', ['яя'], ['gen', 'dat', 'prep', 'ins']],
  ['ую', ['ая'], ['acc']],
  ['ых', ['ые'], ['gen', 'prep']],
  ['их', ['ие'], ['gen', 'prep']],
  ['ым', ['ые'], ['dat']],
];

/**
 * The word as written is a nominative; indeclinable names (Сочи, Алматы, Баку, Тбилиси, Осло,
 * Бали) and abbreviations (США, ОАЭ, СПб, Екб) stand in any case, a name in -а/-я only as a
 * nominative, and one in a consonant also as an accusative ("в Берлин" is where to, not where).
 */
function asWritten(word: string, abbreviation: boolean): Case[] {
  if (abbreviation || word.length <= 3 || /[иыуюоэе]$/.test(word)) return [...ALL];
  if (/[ая]$/.test(word)) return ['nom'];
  return ['nom', 'acc'];
}

/**
 * Readings of one word (normalised by `nameKey`, raw spelling for the abbreviation test). Hyphened
 * names decline at the end ("Санкт-Петербурге") or at the start ("Ростове-на-Дону"). A word that
 * is not the last of a name is read only as written or as an adjective ("Нижнем Новгороде").
 */
export function wordReadings(word: string, raw: string, last = true): Reading[] {
  const abbreviation = raw.length >= 2 && raw === raw.toUpperCase();
  const readings: Reading[] = [{ nominative: word, cases: asWritten(word, abbreviation) }];
  if (!/[а-я]$/.test(word) || abbreviation) return readings;
  for (const [ending, nominatives, cases] of last ? [...NOUN_ENDINGS, ...ADJECTIVE_ENDINGS] : ADJECTIVE_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, -ending.length);
    for (const n of nominatives) readings.push({ nominative: stem + n, cases });
    // plural in -и only after г к х ж ш щ ч (Химки, Мытищи): "в горах" is no Гори
    if (['ах', 'ам'].includes(ending) && /[гкхжшщч]$/.test(stem)) readings.push({ nominative: `${stem}и`, cases });
  }
  const hyphen = word.indexOf('-');
  if (last && hyphen > 0) {
    const rest = word.slice(hyphen);
    for (const r of wordReadings(word.slice(0, hyphen), raw.slice(0, hyphen))) {
      if (r.nominative !== word.slice(0, hyphen)) readings.push({ nominative: r.nominative + rest, cases: r.cases });
    }
  }
  return readings;
}

/**
 * Readings of a phrase of words, kept where all words agree on a case ("в Нижнем Новгороде" →
 * "нижний новгород", prep).
 */
export function phraseReadings(words: readonly { text: string; raw: string }[]): Reading[] {
  let combined: Reading[] = [{ nominative: '', cases: ALL }];
  for (const [k, w] of words.entries()) {
    const next: Reading[] = [];
    for (const left of combined) {
      for (const right of wordReadings(w.text, w.raw, k === words.length - 1)) {
        const cases = left.cases.filter((c) => right.cases.includes(c));
        if (cases.length) next.push({ nominative: left.nominative ? `${left.nominative} ${right.nominative}` : right.nominative, cases });
      }
    }
    combined = next;
  }
  return combined;
}

/** Adjective endings in any case and gender: "московскому", "московское", "московского". */
const ADJECTIVE = /(?:ому|ему|ого|его|ое|ее|ий|ый|ой|ая|ую|им|ым|ом|ем|ей|ие|ые|их|ых)$/;

/**
 * Place names an adjective in -ский may come from, most likely first: "московск-" → Москва
 * (fleeting о), "питерск-" → Питер, "казанск-" → Казань, "самарск-" → Самара, "минск-" → Минск,
 * "алматинск-" → Алматы, "бакинск-" → Баку, "сочинск-" → Сочи, "пражск-" → Прага, "уфимск-" → Уфа,
 * "стамбульск-" → Стамбул, "тбилисск-" → Тбилиси, "ярославск-" → Ярославль. Each candidate still
 * has to be a known place.
 */
export function adjectivePlaces(word: string): string[] {
  const stem = word.replace(ADJECTIVE, '');
  if (stem === word || !/(?:ск|цк)$/.test(stem)) return [];
  const base = stem.slice(0, -2);
  const out = [stem, base, `${base}а`, `${base}ь`, `${base}и`, `${base}ы`, `${base}ль`];
  if (base.endsWith('ль')) out.push(base.slice(0, -1)); // стамбульск → стамбул
  if (base.endsWith('ж')) out.push(`${base.slice(0, -1)}га`); // пражск → прага
  if (base.endsWith('ов')) out.push(`${base.slice(0, -2)}ва`); // московск → москва
  if (base.endsWith('ин')) for (const v of ['ы', 'и', 'у', 'а']) out.push(base.slice(0, -2) + v); // алматинск, сочинск, бакинск
  if (base.endsWith('им')) out.push(`${base.slice(0, -2)}а`); // уфимск → уфа
  return out.filter((s) => s.length >= 3);
}
