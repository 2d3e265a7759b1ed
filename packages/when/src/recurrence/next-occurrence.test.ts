import { describe, expect, it } from 'vitest';
import { localParts } from '../zoned-time.js';
import { nextOccurrence } from './next-occurrence.js';

/** The next `n` occurrences after `from`, each fed back as the next `after`, as the scheduler does. */
function series(pattern: string, timeZone: string, from: string, n: number): string[] {
  const out: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < n; i++) {
    const next = nextOccurrence(pattern, timeZone, after);
    if (!next) break;
    out.push(next.toISOString());
    after = next;
  }
  return out;
}

const wall = (iso: string, timeZone: string) => {
  const p = localParts(new Date(iso), timeZone);
  return `${p.month}-${p.day} ${p.hour}:${String(p.minute).padStart(2, '0')}`;
};

describe('nextOccurrence across DST', () => {
  it('fires a daily 02:30 once on Berlin’s spring-forward day, moved on by the missing hour (03:30 CEST)', () => {
    const runs = series('30 2 * * *', 'Europe/Berlin', '2026-03-27T12:00:00Z', 3);
    expect(runs).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    expect(runs.map((r) => wall(r, 'Europe/Berlin'))).toEqual(['3-28 2:30', '3-29 3:30', '3-30 2:30']);
  });

  it('fires a wall time the autumn change repeats once, not twice', () => {
    // Berlin: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET); croner takes the second.
    expect(series('30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    // New York: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST); croner takes the first.
    expect(series('30 1 * * *', 'America/New_York', '2026-10-31T12:00:00Z', 2)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('keeps a daily 10:00 at 10:00 local across both changes in Berlin', () => {
    const spring = series('0 10 * * *', 'Europe/Berlin', '2026-03-27T12:00:00Z', 3);
    expect(spring).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    const autumn = series('0 10 * * *', 'Europe/Berlin', '2026-10-23T12:00:00Z', 3);
    expect(autumn).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
    for (const run of [...spring, ...autumn]) expect(localParts(new Date(run), 'Europe/Berlin')).toMatchObject({ hour: 10, minute: 0 });
  });

  it('keeps a daily 10:00 at 10:00 local across both changes in New York', () => {
    const spring = series('0 10 * * *', 'America/New_York', '2026-03-07T16:00:00Z', 2);
    expect(spring).toEqual(['2026-03-08T14:00:00.000Z', '2026-03-09T14:00:00.000Z']);
    const autumn = series('0 10 * * *', 'America/New_York', '2026-10-31T12:00:00Z', 3);
    expect(autumn).toEqual(['2026-10-31T14:00:00.000Z', '2026-11-01T15:00:00.000Z', '2026-11-02T15:00:00.000Z']);
  });

  it('has nothing to shift in Asia/Makassar (UTC+8 all year)', () => {
    expect(series('0 10 * * 1', 'Asia/Makassar', '2026-03-20T00:00:00Z', 2)).toEqual(['2026-03-23T02:00:00.000Z', '2026-03-30T02:00:00.000Z']);
    expect(series('0 10 * * 1', 'Asia/Makassar', '2026-10-20T00:00:00Z', 2)).toEqual(['2026-10-26T02:00:00.000Z', '2026-11-02T02:00:00.000Z']);
  });
});

describe('nextOccurrence', () => {
  const tz = 'Asia/Makassar';

  it('is strictly after `after`, milliseconds included', () => {
    // Monday 2026-11-23 10:00 local = 02:00Z.
    expect(nextOccurrence('0 10 * * 1', tz, new Date('2026-11-23T01:59:59.999Z'))?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(nextOccurrence('0 10 * * 1', tz, new Date('2026-11-23T02:00:00.000Z'))?.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(nextOccurrence('0 10 * * 1', tz, new Date('2026-11-23T02:00:00.500Z'))?.toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });

  it('skips what a long downtime missed when given max(previous due, now)', () => {
    const previousDue = new Date('2026-01-05T02:00:00Z'); // a Monday, 10:00 local
    const now = new Date('2026-11-18T07:20:00Z'); // Wednesday 15:20 local
    // From the previous due alone it would send the 2026-01-12 one, ten months late.
    expect(nextOccurrence('0 10 * * 1', tz, previousDue)?.toISOString()).toBe('2026-01-12T02:00:00.000Z');
    const after = new Date(Math.max(previousDue.getTime(), now.getTime()));
    expect(nextOccurrence('0 10 * * 1', tz, after)?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('finds month days, the last day and the nth weekday', () => {
    expect(series('0 10 L * *', tz, '2027-01-15T00:00:00Z', 2).map((r) => wall(r, tz))).toEqual(['1-31 10:00', '2-28 10:00']);
    expect(series('0 18 * * 5#L', tz, '2026-11-18T00:00:00Z', 2).map((r) => wall(r, tz))).toEqual(['11-27 18:00', '12-25 18:00']);
    expect(series('0 9 * * 1#1', tz, '2026-11-18T00:00:00Z', 2).map((r) => wall(r, tz))).toEqual(['12-7 9:00', '1-4 9:00']);
    expect(series('30 10 15 * *', tz, '2026-11-18T00:00:00Z', 1).map((r) => wall(r, tz))).toEqual(['12-15 10:30']);
  });

  it('returns null for a pattern that never fires and throws for a zone croner cannot read', () => {
    expect(nextOccurrence('0 10 30 2 *', tz, new Date('2026-11-18T00:00:00Z'))).toBeNull();
    expect(() => nextOccurrence('0 10 * * *', 'Mars/Olympus', new Date('2026-11-18T00:00:00Z'))).toThrow(RangeError);
  });
});
