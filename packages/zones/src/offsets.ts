/** An offset stated in the text: "UTC+3", "GMT-5", "UTC+5:30", "МСК+2". */
export interface OffsetMention {
  timeZone: string;
  matched: string;
  index: number;
}

/**
 * Moscow-relative offsets are how Russia names its zones, so "МСК+2" maps to the zone Russians
 * mean by it (Yekaterinburg's) rather than to a bare Etc zone; Russia keeps no daylight saving,
 * so the clock is the same.
 */
const MOSCOW_RELATIVE: ReadonlyMap<number, string> = new Map([
  [-1, 'Europe/Kaliningrad'],
  [0, 'Europe/Moscow'],
  [1, 'Europe/Samara'],
  [2, 'Asia/Yekaterinburg'],
  [3, 'Asia/Omsk'],
  [4, 'Asia/Krasnoyarsk'],
  [5, 'Asia/Irkutsk'],
  [6, 'Asia/Yakutsk'],
  [7, 'Asia/Vladivostok'],
  [8, 'Asia/Magadan'],
  [9, 'Asia/Kamchatka'],
]);

/**
 * Offsets off the hour have no Etc zone; each gets the zone that keeps it (some of those shift
 * for daylight saving: St John's, Lord Howe, Chatham — the nearest real clock there is).
 */
const OFF_THE_HOUR: ReadonlyMap<number, string> = new Map([
  [-570, 'Pacific/Marquesas'],
  [-210, 'America/St_Johns'],
  [210, 'Asia/Tehran'],
  [270, 'Asia/Kabul'],
  [330, 'Asia/Kolkata'],
  [345, 'Asia/Kathmandu'],
  [390, 'Asia/Yangon'],
  [525, 'Australia/Eucla'],
  [570, 'Australia/Darwin'],
  [630, 'Australia/Lord_Howe'],
  [765, 'Pacific/Chatham'],
]);

const MOSCOW_MINUTES = 180;

/**
 * "UTC+3" is a fixed offset: `Etc/GMT-3` (POSIX signs, inverted), "UTC+0" `Etc/UTC`;
 * half and quarter hours map through `OFF_THE_HOUR`; anything outside −12…+14 is no zone.
 */
export function zoneOfOffset(minutes: number): string | null {
  if (minutes < -12 * 60 || minutes > 14 * 60) return null;
  if (minutes === 0) return 'Etc/UTC';
  if (minutes % 60 !== 0) return OFF_THE_HOUR.get(minutes) ?? null;
  const hours = minutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** "UTC+3", "GMT -5", "UTC+05:30", "UTC+0530", "GMT+4.5" (decimal half hour), "МСК+2". */
const OFFSET = /(?<![\p{L}\p{N}])(utc|gmt|мск|msk)\s*([+-])\s*(\d{1,2})(?:[:.]?([0-5]\d)|[.,](5))?(?!\p{N}|[.,:]\d)/giu;

/** The first offset in the text (dashes already straightened by the caller). */
export function findOffset(text: string): OffsetMention | null {
  for (const m of text.matchAll(OFFSET)) {
    const sign = m[2] === '-' ? -1 : 1;
    const minutes = sign * (Number(m[3]) * 60 + Number(m[4] ?? 0) + (m[5] ? 30 : 0));
    const moscow = /^(мск|msk)$/i.test(m[1]!);
    const timeZone = moscow ? moscowRelative(minutes) : zoneOfOffset(minutes);
    if (timeZone) return { timeZone, matched: m[0], index: m.index };
  }
  return null;
}

function moscowRelative(minutes: number): string | null {
  if (minutes % 60 === 0 && MOSCOW_RELATIVE.has(minutes / 60)) return MOSCOW_RELATIVE.get(minutes / 60)!;
  return zoneOfOffset(MOSCOW_MINUTES + minutes);
}
