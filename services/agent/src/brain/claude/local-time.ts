import { isRealDate, localParts, offsetMs, zonedTimeToInstant } from '@followups/when';

/**
 * The wall-clock form Claude reads and writes times in, "YYYY-MM-DDTHH:mm" in the client's zone:
 * a model is far more reliable with the client's own clock than with UTC offsets.
 */

/** "2026-11-23T10:00" in `timeZone` → the instant; null for a date or time that does not exist. */
export function localToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (!isRealDate({ year, month, day }) || hour > 23 || minute > 59) return null;
  return zonedTimeToInstant({ year, month, day }, { hour, minute }, timeZone);
}

/** The instant as "2026-11-23T10:00" on the wall clock of `timeZone`. */
export function formatLocal(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "+08:00", "-05:00": the zone's offset from UTC at that instant. */
export function utcOffset(at: Date, timeZone: string): string {
  const minutes = Math.round(offsetMs(at, timeZone) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
