import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isValidTimeZone, localParts, offsetMs, zonedTimeToInstant } from './zoned-time.js';

describe('zoned time', () => {
  it('reads the wall clock and weekday in a zone', () => {
    expect(localParts(new Date('2026-11-18T07:20:05.000Z'), 'Asia/Makassar')).toEqual({
      year: 2026, month: 11, day: 18, hour: 15, minute: 20, second: 5, weekday: 3,
    });
    // Midnight is hour 0, not 24, whatever the runtime's hour cycle.
    expect(localParts(new Date('2026-11-18T16:00:00.000Z'), 'Asia/Makassar')).toMatchObject({ day: 19, hour: 0, weekday: 4 });
  });

  it('knows offsets on both sides of a DST change', () => {
    expect(offsetMs(new Date('2026-10-24T12:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(offsetMs(new Date('2026-10-26T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetMs(new Date('2026-11-18T00:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('converts wall time to an instant, round trip', () => {
    const at = zonedTimeToInstant({ year: 2026, month: 11, day: 20 }, { hour: 10, minute: 0 }, 'Asia/Makassar');
    expect(at.toISOString()).toBe('2026-11-20T02:00:00.000Z');
    expect(localParts(at, 'Asia/Makassar')).toMatchObject({ day: 20, hour: 10, minute: 0 });
  });

  it('takes the earlier instant for a wall time that happens twice (Berlin 2026-10-25 02:30)', () => {
    const at = zonedTimeToInstant({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 30 }, 'Europe/Berlin');
    expect(at.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves a wall time skipped by the spring-forward gap forward by the gap', () => {
    const berlin = zonedTimeToInstant({ year: 2026, month: 3, day: 29 }, { hour: 2, minute: 30 }, 'Europe/Berlin');
    expect(berlin.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localParts(berlin, 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
    const ny = zonedTimeToInstant({ year: 2026, month: 3, day: 8 }, { hour: 2, minute: 15 }, 'America/New_York');
    expect(localParts(ny, 'America/New_York')).toMatchObject({ hour: 3, minute: 15 });
  });

  it('does calendar arithmetic on dates, clamping months', () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(addMonths({ year: 2027, month: 1, day: 31 }, 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 11, day: 18 }, 2)).toEqual({ year: 2027, month: 1, day: 18 });
  });

  it('validates IANA zone names', () => {
    expect(isValidTimeZone('Asia/Makassar')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
