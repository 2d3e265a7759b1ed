import type { ActionRow } from '@followups/actions';

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
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.weekday} ${p.timeZoneName}`;
}

/** `10:00:05`: a chat's time stamp. */
export function formatClock(d: Date, timeZone: string): string {
  const p = localParts(d, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one (`when --batch`). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(d: Date, timeZone: string): Record<string, string> {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    formatters.set(timeZone, fmt);
  }
  return Object.fromEntries(fmt.formatToParts(d).map((part) => [part.type, part.value]));
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
