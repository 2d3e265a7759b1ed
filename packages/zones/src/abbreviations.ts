/**
 * Zone abbreviations a client may write, each to the zone that keeps it (summer and winter
 * forms alike: "EST" in July still means New York's clock). Left out as too ambiguous: IST
 * (India/Israel/Ireland), GST (Gulf/South Georgia), ET/PT/CT (also ordinary abbreviations).
 * CST is read as US Central, not China: the Chinese rarely write it in an English chat.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['EST', 'America/New_York'],
  ['EDT', 'America/New_York'],
  ['CST', 'America/Chicago'],
  ['CDT', 'America/Chicago'],
  ['MST', 'America/Denver'],
  ['MDT', 'America/Denver'],
  ['PST', 'America/Los_Angeles'],
  ['PDT', 'America/Los_Angeles'],
  ['AKST', 'America/Anchorage'],
  ['HST', 'Pacific/Honolulu'],
  ['CET', 'Europe/Berlin'],
  ['CEST', 'Europe/Berlin'],
  ['EET', 'Europe/Kyiv'],
  ['EEST', 'Europe/Kyiv'],
  ['WET', 'Europe/Lisbon'],
  ['WEST', 'Europe/Lisbon'],
  ['BST', 'Europe/London'],
  ['GMT', 'Etc/UTC'],
  ['UTC', 'Etc/UTC'],
  ['MSK', 'Europe/Moscow'],
  ['МСК', 'Europe/Moscow'],
  ['JST', 'Asia/Tokyo'],
  ['KST', 'Asia/Seoul'],
  ['SGT', 'Asia/Singapore'],
  ['HKT', 'Asia/Hong_Kong'],
  ['AEST', 'Australia/Sydney'],
  ['AEDT', 'Australia/Sydney'],
]);

/** Abbreviations that are written in lower case too ("по мск") and are no ordinary word. */
export const LOWER_CASE_OK: ReadonlySet<string> = new Set(['МСК', 'UTC', 'GMT']);

/** US region names used as zone names: "Eastern time", "Pacific time". */
export const REGION_ZONES: ReadonlyMap<string, string> = new Map([
  ['eastern', 'America/New_York'],
  ['central', 'America/Chicago'],
  ['mountain', 'America/Denver'],
  ['pacific', 'America/Los_Angeles'],
]);
