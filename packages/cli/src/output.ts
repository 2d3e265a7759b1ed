import { localParts, offsetMs } from '@followups/when';

/** Columns padded to their widest cell; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `2026-11-20 10:00:00 Fri GMT+8`: the wall-clock time in `timeZone`. */
export function formatLocal(d: Date, timeZone: string): string {
  const p = localParts(d, timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${formatClock(d, timeZone)} ${WEEKDAYS[p.weekday]} ${gmt(offsetMs(d, timeZone))}`;
}

/** `10:00:05`: a chat's time stamp. */
export function formatClock(d: Date, timeZone: string): string {
  const p = localParts(d, timeZone);
  return `${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const two = (n: number) => String(n).padStart(2, '0');

/** `GMT+8`, `GMT-3:30`, `GMT`: the offset as Intl's shortOffset names it. */
function gmt(offset: number): string {
  if (offset === 0) return 'GMT';
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset > 0 ? '+' : '-';
  return `GMT${sign}${Math.floor(minutes / 60)}${minutes % 60 ? `:${two(minutes % 60)}` : ''}`;
}

/** Shortens `s` to `max` characters, marking the cut: table cells stay one line wide. */
export const clip = (s: string, max: number): string => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
};

/** `2026-11-20 10:00`: a local time to the minute, as listings and `--json` show due times. */
export function formatLocalMinute(d: Date, timeZone: string): string {
  const p = localParts(d, timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `in 3 h`, `5 min ago`, `2 d ago`, `now`: how far `at` is from `now`, rounded, in the largest
 * unit it reaches once rounded (59 min 40 s reads "1 h", not "60 min").
 */
export function formatRelative(at: Date, now: Date): string {
  const diff = at.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < SECOND / 2) return 'now';
  const [size, unit] =
    abs >= DAY - HOUR / 2 ? [DAY, 'd']
    : abs >= HOUR - MINUTE / 2 ? [HOUR, 'h']
    : abs >= MINUTE - SECOND / 2 ? [MINUTE, 'min']
    : [SECOND, 's'];
  const amount = `${Math.round(abs / size)} ${unit}`;
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

/** `2026-11-20 10:00 (in 3 h)`: a local time with how far it is from now. */
export const formatWhen = (d: Date, timeZone: string, now: Date): string => `${formatLocalMinute(d, timeZone)} (${formatRelative(d, now)})`;
