import { describe, expect, it } from 'vitest';
import { findOffset, zoneOfOffset } from './offsets.js';
import { isValidZone } from './valid.js';

describe('zoneOfOffset', () => {
  it('maps whole hours to Etc zones, whose POSIX sign is inverted', () => {
    expect(zoneOfOffset(180)).toBe('Etc/GMT-3');
    expect(zoneOfOffset(-300)).toBe('Etc/GMT+5');
    expect(zoneOfOffset(0)).toBe('Etc/UTC');
    expect(zoneOfOffset(14 * 60)).toBe('Etc/GMT-14');
    expect(zoneOfOffset(-12 * 60)).toBe('Etc/GMT+12');
  });

  it('maps offsets off the hour to a zone that keeps them', () => {
    expect(zoneOfOffset(330)).toBe('Asia/Kolkata');
    expect(zoneOfOffset(345)).toBe('Asia/Kathmandu');
    expect(zoneOfOffset(-210)).toBe('America/St_Johns');
    expect(zoneOfOffset(200)).toBeNull();
  });

  it('knows no offset beyond −12…+14', () => {
    expect(zoneOfOffset(15 * 60)).toBeNull();
    expect(zoneOfOffset(-13 * 60)).toBeNull();
  });

  it('returns only zones the runtime knows, each keeping the offset it stands for', () => {
    for (let minutes = -12 * 60; minutes <= 14 * 60; minutes += 15) {
      const zone = zoneOfOffset(minutes);
      if (!zone) continue;
      expect(isValidZone(zone)).toBe(true);
      if (zone.startsWith('Etc/')) expect(offsetMinutes(zone, new Date('2026-01-15T00:00:00Z'))).toBe(minutes);
    }
  });
});

describe('findOffset', () => {
  it.each([
    ['UTC+3', 'Etc/GMT-3'],
    ['utc +3', 'Etc/GMT-3'],
    ['GMT-5', 'Etc/GMT+5'],
    ['UTC+03:00', 'Etc/GMT-3'],
    ['UTC+5:30', 'Asia/Kolkata'],
    ['UTC+0530', 'Asia/Kolkata'],
    ['GMT+4.5', 'Asia/Kabul'],
    ['UTC+3.25', null],
    ['МСК+2', 'Asia/Yekaterinburg'],
    ['мск -1', 'Europe/Kaliningrad'],
    ['МСК', null],
    ['MSK+7', 'Asia/Vladivostok'],
    ['МСК+12', null], // Moscow + 12 = UTC+15: no zone
    ['UTC+15', null],
    ['UTC+3 или UTC+4', 'Etc/GMT-3'],
  ])('%s → %s', (text, zone) => {
    expect(findOffset(text)?.timeZone ?? null).toBe(zone);
  });

  it('reports the offset as written and where it stands', () => {
    expect(findOffset('время у меня GMT-5')).toEqual({ timeZone: 'Etc/GMT+5', matched: 'GMT-5', index: 13 });
  });

  it('keeps Moscow-relative offsets on the Russian zone of that clock', () => {
    for (let n = -1; n <= 9; n++) {
      const zone = findOffset(`МСК${n < 0 ? '' : '+'}${n}`)!.timeZone;
      expect(offsetMinutes(zone, new Date('2026-07-15T00:00:00Z'))).toBe(180 + n * 60);
    }
  });
});

/** The zone's UTC offset at `at`, in minutes. */
function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
