import { ADJECTIVE_ALIASES, CASE_SENSITIVE_ALIASES, PLACE_ALIASES } from './aliases.js';
import { countryNames, countryZone } from './countries.js';
import { gazetteer } from './gazetteer.js';
import { adjectivePlaces, phraseReadings, type Case } from './russian.js';
import type { Word } from './text.js';

/** A place named in the text. `timeZone` null: a country that spans several zones. */
export interface PlaceHit {
  timeZone: string | null;
  kind: 'city' | 'country' | 'alias';
  /** How many words the name took. */
  length: number;
}

/** Longest names first: "Нижний Новгород" before "Новгород", "New York" before "York". */
const MAX_WORDS = 3;

/**
 * How sure the caller is that the words name a place, for names that are also ordinary words
 * ("вена", "nice"): in running text they must be capitalised mid-sentence, in a one-place
 * answer capitalised anywhere, and a caller that passes a place name trusts it as it is.
 */
export type Trust = 'text' | 'answer' | 'name';

/**
 * The place named by the words from `i`, read in one of `cases` (a nominative for a bare
 * answer, the prepositional after "в", the genitive after "из" …). Aliases first, then
 * countries, then cities.
 */
export function placeAt(ws: readonly Word[], i: number, cases: readonly Case[], source: string, trust: Trust = 'text'): PlaceHit | null {
  const g = gazetteer();
  for (let length = Math.min(MAX_WORDS, ws.length - i); length >= 1; length--) {
    const phrase = ws.slice(i, i + length);
    if (!phrase.every((w, k) => k === 0 || source.slice(phrase[k - 1]!.end, w.start).trim() === '')) continue;
    const readings = phraseReadings(phrase).filter((r) => r.cases.some((c) => cases.includes(c)));
    // "бане" reads as баня (a common noun) and as Бан (Baní): then it is the noun, unless capitalised
    const commonNoun = trust !== 'name' && readings.some((r) => g.russianWords.has(r.nominative));
    const capitalised = properNoun(phrase[0]!, source, trust === 'answer');
    // of several readings that name a place ("дубае" → Дуба or Дубай), the weightiest wins
    let best: Weighted | null = null;
    for (const reading of readings) {
      const hit = lookup(reading.nominative, phrase);
      if (!hit || (hit.kind === 'city' && !capitalised && trust !== 'name' && (commonNoun || hit.ordinary))) continue;
      if (!best || hit.weight > best.weight) best = hit;
    }
    if (best) return { timeZone: best.timeZone, kind: best.kind, length };
  }
  return null;
}

interface Weighted extends Omit<PlaceHit, 'length'> {
  weight: number;
  /** A city name that is also an ordinary word ("тема", "nice"). */
  ordinary?: boolean;
}

/** Aliases outrank countries, which outrank cities; cities rank by population. */
const ALIAS_WEIGHT = 2e10;
const COUNTRY_WEIGHT = 1e10;

function lookup(name: string, phrase: readonly Word[]): Weighted | null {
  const raw = phrase.map((w) => w.raw).join(' ');
  const alias = PLACE_ALIASES.get(name);
  if (alias && (!CASE_SENSITIVE_ALIASES.has(name.toUpperCase()) || raw === name.toUpperCase())) return { timeZone: alias, kind: 'alias', weight: ALIAS_WEIGHT };
  const country = countryNames().get(name);
  // "US", "UK", "UAE" only in capitals: "us" is a word
  if (country && !(/^[a-z.]{2,4}$/.test(name) && raw !== raw.toUpperCase())) return { timeZone: countryZone(country), kind: 'country', weight: COUNTRY_WEIGHT };
  const g = gazetteer();
  // "Лимассол" where GeoNames spells "Лимасол": doubled Cyrillic letters are a common variant
  const key = g.cities.has(name) || !/[а-я]/.test(name) ? name : name.replace(/(\p{L})\1/gu, '$1');
  const city = g.cities.get(key);
  if (!city) return null;
  return { timeZone: city.timeZone, kind: 'city', weight: city.population, ordinary: g.ordinaryWords.has(key) };
}

/**
 * A capitalised word that does not open a sentence: "в Вене", "I'm in Nice", but not
 * "мы в вене" (a vein) or "Nice time to talk". A one-place answer ("Вена") may open it.
 */
function properNoun(w: Word, source: string, answer: boolean): boolean {
  if (w.raw[0] === w.raw[0]!.toLowerCase()) return false;
  const before = source.slice(0, w.start).trimEnd();
  return answer || (before !== '' && !/[.!?]$/.test(before));
}

/** The zone an adjective names: "московскому" → Europe/Moscow, "уральское" → Asia/Yekaterinburg. */
export function adjectiveZone(word: string): string | null {
  for (const [stem, zone] of ADJECTIVE_ALIASES) if (word.startsWith(stem) && word.length - stem.length <= 3) return zone;
  const g = gazetteer();
  let best: { timeZone: string; population: number } | null = null;
  for (const name of adjectivePlaces(word)) {
    const alias = PLACE_ALIASES.get(name);
    if (alias) return alias;
    const city = g.cities.get(name);
    // "московск-" reads as Москова (a town in Idaho) too: the bigger place is meant
    if (city && !g.ordinaryWords.has(name) && (!best || city.population > best.population)) best = city;
  }
  return best?.timeZone ?? null;
}
