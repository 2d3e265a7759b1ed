import countries from 'i18n-iso-countries';
import { gazetteer } from './gazetteer.js';
import { nameKey } from './text.js';

/**
 * Colloquial country names that i18n-iso-countries does not carry (it has "КНР (Китайская
 * Народная Республика)", "Молдавия", "Республика Корея", "United States", …).
 */
const COLLOQUIAL: Record<string, string> = {
  китай: 'CN', америка: 'US', штаты: 'US', англия: 'GB', британия: 'GB', молдова: 'MD', кыргызстан: 'KG',
  белоруссия: 'BY', эмираты: 'AE', тайланд: 'TH', корея: 'KR', 'южная корея': 'KR', голландия: 'NL',
  america: 'US', 'the states': 'US', england: 'GB', britain: 'GB',
  scotland: 'GB', wales: 'GB', emirates: 'AE', korea: 'KR', holland: 'NL', czechia: 'CZ',
};

/**
 * A country's zone is returned only when one clock holds at least this share of its people
 * (the population of its towns in GeoNames): Spain (Canaries ~5%), Ukraine, Kazakhstan and
 * Brazil (−3 for ~90%) qualify; Russia, the USA, Indonesia, Canada, Mexico and Australia do not,
 * and get null rather than a guess.
 */
export const MAIN_ZONE_SHARE = 0.9;

let names: Map<string, string> | undefined;

/** Normalised Russian/English country name → ISO code; built on first use. */
export function countryNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const language of ['en', 'ru']) {
    for (const [code, variants] of Object.entries(countries.getNames(language, { select: 'all' }))) {
      for (const variant of variants) {
        // "КНР (Китайская Народная Республика)" → both "кнр" and the long form
        for (const part of variant.split(/[()]/)) if (part.trim()) names.set(nameKey(part), code);
      }
    }
  }
  for (const [name, code] of Object.entries(COLLOQUIAL)) names.set(name, code);
  return names;
}

const mainZones = new Map<string, string | null>();

/** The zone most of a country lives in, or null when it spans several offsets evenly. */
export function countryZone(code: string): string | null {
  if (mainZones.has(code)) return mainZones.get(code)!;
  const zones = gazetteer().countryZones.get(code);
  let zone: string | null = null;
  if (zones) {
    // zones that keep the same clock all year are one choice (Kazakhstan's, Germany's Busingen)
    const byClock = new Map<string, { people: number; zone: string; top: number }>();
    let total = 0;
    for (const [z, people] of zones) {
      total += people;
      const clock = clockOf(z);
      const group = byClock.get(clock) ?? { people: 0, zone: z, top: 0 };
      group.people += people;
      if (people > group.top) Object.assign(group, { zone: z, top: people });
      byClock.set(clock, group);
    }
    const best = [...byClock.values()].sort((a, b) => b.people - a.people)[0];
    if (best && best.people >= total * MAIN_ZONE_SHARE) zone = best.zone;
  }
  mainZones.set(code, zone);
  return zone;
}

/** The UTC offsets a zone keeps in mid-January and mid-July of this year. */
function clockOf(timeZone: string): string {
  const year = new Date().getUTCFullYear();
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return [0, 6].map((month) => format.format(new Date(Date.UTC(year, month, 15)))).map((s) => s.slice(s.indexOf('GMT'))).join(' ');
}
