import type { WhenSpec } from './spec.js';
import { isRealDate } from './zoned-time.js';
import { B_END, B_START } from './text.js';

const ISO = new RegExp(
  `${B_START}(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?${B_END}`,
  'u',
);

/**
 * `2026-12-01` (a day: the default hour), `2026-12-01 15:00` / `2026-12-01T15:00` (local wall
 * time), `2026-12-01T07:00:00Z` / `…+08:00` (an instant). Returns the text without the match,
 * so its digits are not read again as a time of day.
 */
export function parseIso(text: string, spec: WhenSpec): string {
  const m = ISO.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const date = { year: Number(y), month: Number(mo), day: Number(d) };
  if (!isRealDate(date)) return text;
  const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
  if (h === undefined) {
    spec.date = date;
    return rest;
  }
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 23 || minute > 59) return text;
  if (zone === undefined) {
    spec.date = date;
    spec.clock = { hour, minute, bareHour: false };
    return rest;
  }
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute, Number(s ?? 0), ms);
  spec.instant = new Date(wall - zoneOffsetMs(zone));
  return rest;
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

const COMPACT = new RegExp(`${B_START}(\\d{1,4}(?:[.,]\\d+)?)(s|sec|m|min|mins|h|hr|hrs|d|w)${B_END}`, 'gu');
/** `1h30m`, `1h30`, `2h 15m`: hours and minutes together. */
const HOURS_MINUTES = new RegExp(`${B_START}(\\d{1,3})h(?:(\\d{1,2})m?|\\s+(\\d{1,2})m)${B_END}`, 'gu');
const MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
/** `1h ago`, `2d назад`: the past, never a time to write. */
const AGO = /^\s*(?:ago|назад|back)(?![\p{L}])/u;
const UNIT = { s: 's', sec: 's', m: 'm', min: 'm', mins: 'm', h: 'h', hr: 'h', hrs: 'h', d: 'd', w: 'w' } as const;

/**
 * `45s`, `15m`, `2h`, `1.5h`, `1h30m`, `2h 15m` keep the clock; `3d`, `1w`, `2w` are days (default hour).
 * The last one wins. Clock times with a suffix (`15h`, `13h30`) were taken before, by suffixed-hours.ts.
 */
export function parseCompact(text: string, spec: WhenSpec): string {
  let rest = text;
  const exact = (ms: number) => {
    delete spec.days;
    delete spec.months;
    spec.exactMs = ms;
  };
  const ago = (m: RegExpMatchArray) => {
    if (!AGO.test(m.input!.slice(m.index! + m[0].length))) return false;
    spec.past = true;
    rest = rest.replace(m[0], ' ');
    return true;
  };
  for (const m of text.matchAll(HOURS_MINUTES)) {
    if (ago(m)) continue;
    exact(Number(m[1]) * MS.h + Number(m[2] ?? m[3]) * MS.m);
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(COMPACT)) {
    const n = Number(m[1]!.replace(',', '.'));
    const unit = UNIT[m[2] as keyof typeof UNIT];
    if (n <= 0 || ago(m)) continue;
    if (unit === 'd' || unit === 'w') {
      delete spec.exactMs;
      spec.days = Math.round(unit === 'w' ? n * 7 : n);
      spec.months = 0;
    } else {
      exact(Math.round(n * MS[unit]));
    }
    rest = rest.replace(m[0], ' ');
  }
  return rest;
}
