import { getCountryForTimezone } from 'countries-and-timezones';

/**
 * The country whose public holidays apply to a chat in an IANA zone, or null for zones that
 * belong to no country (`UTC`, `Etc/GMT-3`) and names that are not zones.
 *
 * The data is the tz database's own zone-to-country table, as `countries-and-timezones` ships
 * it (a few kB, loaded in ~2 ms): it knows the link names (`Asia/Calcutta`, `Europe/Kiev`,
 * `US/Eastern`, `Europe/Oslo` → NO though it is a link to Berlin). Where several countries share
 * one zone it lists the zone's own country first (`Europe/Berlin` → DE before DK, NO, SE;
 * `Asia/Dubai` → AE before OM), and that is the one taken. The GeoNames table `packages/zones`
 * reads would answer the same by population, but only after reading 32 MB (~0.8 s).
 *
 * @example countryOfZone('Asia/Makassar') // 'ID'
 */
export function countryOfZone(zone: string): string | null {
  return getCountryForTimezone(zone.trim())?.id ?? null;
}
