import { Cron } from 'croner';

/**
 * The first time a series fires strictly after `after`, in `timeZone`; null when it never fires
 * again. The caller passes max(previous due, now), so a series resumed after downtime skips the
 * occurrences it missed instead of sending them all at once.
 *
 * DST, as croner does it (tests in next-occurrence.test.ts): a wall time keeps its local hour
 * across both changes; one the spring-forward gap skips fires once, moved on by the gap (Berlin
 * 02:30 on 2026-03-29 → 03:30 CEST); one the autumn change repeats fires once, at the instant of
 * the offset in force at that wall time read as UTC (Berlin: the second 02:30, CET; New York: the
 * first 01:30, EDT). Throws croner's error for a pattern or zone it cannot read: patterns come
 * through validateCronPattern/parseRecurrence, zones through isValidTimeZone.
 *
 * @example nextOccurrence('0 10 * * 1', 'Asia/Makassar', new Date('2026-11-18T07:20:00Z')) // 2026-11-23T02:00:00.000Z
 */
export function nextOccurrence(pattern: string, timeZone: string, after: Date): Date | null {
  // paused: no timer is started; the instance only computes.
  return new Cron(pattern, { timezone: timeZone, paused: true }).nextRun(after);
}
