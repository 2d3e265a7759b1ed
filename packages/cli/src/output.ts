import type { ActionRow } from '@followups/actions';
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

/** `2026-11-20 02:00:00` in UTC. */
export function formatUtc(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
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

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The actions as `schedule list` and the chat's `/list` show them. */
export function formatActions(rows: ActionRow[]): string {
  if (rows.length === 0) return 'no actions\n';
  return formatTable(
    ['ID', 'CHAT', 'TYPE', 'DUE (UTC)', 'STATUS', 'REASON', 'ATTEMPTS'],
    rows.map((r) => [r.id, r.chat_id, r.type, formatUtc(r.due_at), r.status, clip(r.cancel_reason ?? r.reason, 40), String(r.attempts)]),
  );
}
