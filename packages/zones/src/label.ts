import { cityFrom } from 'lvovich';
import { isValidZone } from './valid.js';

/**
 * Zones whose ICU/IANA city is not the place our clients know them by: Bali keeps Makassar's
 * clock, and a client on Bali should read "по времени Бали".
 */
const KNOWN_AS: ReadonlyMap<string, { ru: string; en: string }> = new Map([['Asia/Makassar', { ru: 'Бали', en: 'Bali' }]]);

/**
 * Words for a zone in a confirmation: ru "по московскому времени", "по времени Алматы",
 * "по времени UTC+5"; en "Moscow time", "UTC+5". Fixed-offset zones (Etc/…) read as their
 * offset; a zone's city comes from ICU's Russian exemplar city (in the genitive, by lvovich) and
 * from the IANA name in English. `at` picks the offset for zones that have no city name.
 */
export function zoneLabel(timeZone: string, language: 'ru' | 'en', at: Date): string {
  if (!isValidZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const offset = fixedOffset(timeZone);
  if (offset !== null) return language === 'ru' ? `по времени ${offset}` : offset;
  if (timeZone === 'Europe/Moscow') return language === 'ru' ? 'по московскому времени' : 'Moscow time';
  const known = KNOWN_AS.get(timeZone);
  if (language === 'en') return `${known?.en ?? cityOfId(timeZone)} time`;
  const city = known?.ru ?? exemplarCity(timeZone);
  return city ? `по времени ${genitive(city)}` : `по времени ${utcOffset(timeZone, at)}`;
}

/** "Etc/GMT-5" → "UTC+5" (POSIX signs are inverted), "Etc/UTC" → "UTC"; null for a real place. */
function fixedOffset(timeZone: string): string | null {
  if (/^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)(?:[+-]0)?$/.test(timeZone)) return 'UTC';
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
  if (!m) return null;
  return `UTC${m[1] === '-' ? '+' : '-'}${m[2]}`;
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
function cityOfId(timeZone: string): string {
  return timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ');
}

/**
 * ICU's Russian "generic location" name: the exemplar city ("Алматы", "Нью-Йорк") or, for a
 * one-zone country, the country ("Украина", "Индия"); null when it only knows an offset.
 */
function exemplarCity(timeZone: string): string | null {
  const name = new Intl.DateTimeFormat('ru', { timeZone, timeZoneName: 'shortGeneric' })
    .formatToParts(new Date(0))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name && !/^(?:GMT|UTC)/.test(name) ? name : null;
}

/** "Екатеринбург" → "Екатеринбурга", "Алматы" stays, "Украина" → "Украины". */
function genitive(place: string): string {
  return cityFrom(place);
}

/** The zone's offset at `at`, as "UTC+5:30". */
function utcOffset(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (name ?? 'GMT').replace('GMT', 'UTC');
}
