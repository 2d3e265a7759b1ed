import { describe, expect, it } from 'vitest';
import { holidayCalendar, type HolidayCalendar } from './holidays.js';
import { nextSendable, type SendRules } from './next-sendable.js';
import { DEFAULT_SEND_WINDOW, parseSendWindow } from './send-window.js';

const MSK = 'Europe/Moscow'; // UTC+3, no DST
const weekdays = parseSendWindow('09:00', '21:00', 'mon-fri');
const anyDay: SendRules = { window: DEFAULT_SEND_WINDOW, dayGranular: false };

function sendAt(iso: string, zone: string, rules: SendRules) {
  const r = nextSendable(new Date(iso), zone, rules);
  return { ...r, at: r.at.toISOString() };
}

describe('nextSendable: the send window', () => {
  it('keeps an instant inside the window exactly as it is', () => {
    const at = new Date('2026-11-20T09:17:23.456Z'); // Fri 12:17 MSK
    const r = nextSendable(at, MSK, { window: weekdays, dayGranular: false });
    expect(r).toEqual({ at, moved: null });
    expect(r.at.getTime()).toBe(at.getTime());
  });

  it('moves an instant before opening to the opening the same day', () => {
    expect(sendAt('2026-11-20T04:00:00Z', MSK, anyDay)).toEqual({ at: '2026-11-20T06:00:00.000Z', moved: 'window' }); // 07:00 → 09:00
  });

  it('moves an instant after closing to the next open day', () => {
    // Fri 22:30 MSK
    expect(sendAt('2026-11-20T19:30:00Z', MSK, anyDay).at).toBe('2026-11-21T06:00:00.000Z'); // Sat 09:00
    expect(sendAt('2026-11-20T19:30:00Z', MSK, { window: weekdays, dayGranular: false })).toEqual({ at: '2026-11-23T06:00:00.000Z', moved: 'window' }); // Mon 09:00
  });

  it('moves a named day that the window keeps closed to the next open day at the same hour', () => {
    // "напишите завтра" said on a Friday, weekdays only: Saturday 10:00 → Monday 10:00, not 09:00.
    expect(sendAt('2026-11-21T07:00:00Z', MSK, { window: weekdays, dayGranular: true })).toEqual({ at: '2026-11-23T07:00:00.000Z', moved: 'window' });
  });

  it('moves an instant on a closed weekday to the next open day', () => {
    expect(sendAt('2026-11-21T09:00:00Z', MSK, { window: weekdays, dayGranular: false }).at).toBe('2026-11-23T06:00:00.000Z'); // Sat 12:00 → Mon 09:00
    const sunThu = parseSendWindow('10:00', '18:00', 'sun-thu');
    // Fri 2027-01-08 12:00 in Dubai (UTC+4) → Sun 10:00
    expect(sendAt('2027-01-08T08:00:00Z', 'Asia/Dubai', { window: sunThu, dayGranular: false }).at).toBe('2027-01-10T06:00:00.000Z');
  });

  it('opens at `from` and closes after the whole minute of `to`', () => {
    const edge = (iso: string) => sendAt(iso, MSK, anyDay).at;
    expect(edge('2026-11-20T05:59:59Z')).toBe('2026-11-20T06:00:00.000Z'); // 08:59:59 → 09:00
    expect(edge('2026-11-20T06:00:00Z')).toBe('2026-11-20T06:00:00.000Z'); // 09:00 stays
    expect(edge('2026-11-20T18:00:00Z')).toBe('2026-11-20T18:00:00.000Z'); // 21:00 stays: a client's "в 21:00"
    expect(edge('2026-11-20T18:00:59Z')).toBe('2026-11-20T18:00:59.000Z'); // 21:00:59 stays
    expect(edge('2026-11-20T18:01:00Z')).toBe('2026-11-21T06:00:00.000Z'); // 21:01 → tomorrow 09:00
  });
});

describe('nextSendable: DST and odd offsets', () => {
  it('opens at 09:00 on the wall after Berlin springs forward overnight', () => {
    // Sat 2026-03-28 22:30 CET (UTC+1) → Sun 09:00 CEST (UTC+2)
    expect(sendAt('2026-03-28T21:30:00Z', 'Europe/Berlin', anyDay).at).toBe('2026-03-29T07:00:00.000Z');
  });

  it('opens at the end of the gap when `from` is a skipped wall time', () => {
    const early = parseSendWindow('02:30', '21:00', 'mon-sun');
    // 02:30 does not exist in Berlin on 2026-03-29: the window opens at 03:30 CEST
    expect(sendAt('2026-03-28T21:30:00Z', 'Europe/Berlin', { window: early, dayGranular: false }).at).toBe('2026-03-29T01:30:00.000Z');
  });

  it('opens at 09:00 EDT on New York’s spring-forward day', () => {
    // Sun 2026-03-08 01:00 EST → 09:00 EDT (UTC−4), not 09:00 EST
    expect(sendAt('2026-03-08T06:00:00Z', 'America/New_York', anyDay).at).toBe('2026-03-08T13:00:00.000Z');
  });

  it('opens at 09:00 CET after Berlin falls back overnight', () => {
    // Sat 2026-10-24 23:00 CEST → Sun 09:00 CET (UTC+1)
    expect(sendAt('2026-10-24T21:00:00Z', 'Europe/Berlin', anyDay).at).toBe('2026-10-25T08:00:00.000Z');
  });

  it('reads the window on a half-hour offset (Asia/Kolkata, UTC+5:30)', () => {
    expect(sendAt('2026-11-20T02:00:00Z', 'Asia/Kolkata', anyDay).at).toBe('2026-11-20T03:30:00.000Z'); // 07:30 → 09:00 IST
    expect(sendAt('2026-11-20T15:30:00Z', 'Asia/Kolkata', anyDay)).toEqual({ at: '2026-11-20T15:30:00.000Z', moved: null }); // 21:00
    expect(sendAt('2026-11-20T15:31:00Z', 'Asia/Kolkata', anyDay).at).toBe('2026-11-21T03:30:00.000Z'); // 21:01 → 09:00
  });

  it('keeps a day-granular 10:00 at 10:00 on the wall when a holiday move crosses a DST change', () => {
    const saturday: HolidayCalendar = { country: 'DE', holidayOn: (d) => (d.month === 3 && d.day === 28 ? 'Testtag' : null) };
    // Sat 2026-03-28 10:00 CET → Sun 10:00 CEST: 23 hours later
    expect(sendAt('2026-03-28T09:00:00Z', 'Europe/Berlin', { window: DEFAULT_SEND_WINDOW, holidays: saturday, dayGranular: true })).toEqual({
      at: '2026-03-29T08:00:00.000Z',
      moved: 'holiday',
      holiday: 'Testtag',
    });
  });
});

describe('nextSendable: public holidays', () => {
  const ru = holidayCalendar('RU');

  it('moves a day-granular time off the New Year holidays, keeping 10:00', () => {
    // "1 января" at the default 10:00 MSK; date-holidays: 1–8 January are public holidays in 2027
    const newYear = '2027-01-01T07:00:00Z';
    expect(sendAt(newYear, MSK, { window: DEFAULT_SEND_WINDOW, holidays: ru, dayGranular: true })).toEqual({
      at: '2027-01-09T07:00:00.000Z', // Sat 10:00: the window is open every day
      moved: 'holiday',
      holiday: 'Новый год',
    });
    expect(sendAt(newYear, MSK, { window: weekdays, holidays: ru, dayGranular: true })).toEqual({
      at: '2027-01-11T07:00:00.000Z', // Mon 10:00: the first working day
      moved: 'holiday',
      holiday: 'Новый год',
    });
  });

  it('keeps an exact time on a holiday: the client named it', () => {
    // "в 15:00 1 января"
    expect(sendAt('2027-01-01T12:00:00Z', MSK, { window: weekdays, holidays: ru, dayGranular: false })).toEqual({ at: '2027-01-01T12:00:00.000Z', moved: null });
    // outside the window it still waits for the opening, holiday or not
    expect(sendAt('2027-01-01T19:00:00Z', MSK, { window: DEFAULT_SEND_WINDOW, holidays: ru, dayGranular: false })).toEqual({ at: '2027-01-02T06:00:00.000Z', moved: 'window' });
  });

  it('keeps a day-granular time on an ordinary day', () => {
    expect(sendAt('2027-01-12T07:00:00Z', MSK, { window: weekdays, holidays: ru, dayGranular: true })).toEqual({ at: '2027-01-12T07:00:00.000Z', moved: null });
  });

  it('moves a day-granular time whose window opening falls on a holiday', () => {
    // Thu 2026-12-31 22:00 MSK ("вечером") → the window opens 1 January 09:00 → the holidays end
    expect(sendAt('2026-12-31T19:00:00Z', MSK, { window: DEFAULT_SEND_WINDOW, holidays: ru, dayGranular: true })).toEqual({
      at: '2027-01-09T06:00:00.000Z',
      moved: 'holiday',
      holiday: 'Новый год',
    });
    // the same time said exactly stops at the opening
    expect(sendAt('2026-12-31T19:00:00Z', MSK, { window: DEFAULT_SEND_WINDOW, holidays: ru, dayGranular: false }).at).toBe('2027-01-01T06:00:00.000Z');
  });

  it('applies the window after a holiday move', () => {
    // 1 January 08:00 MSK, day-granular → 9 January 08:00 → the window opens at 09:00
    expect(sendAt('2027-01-01T05:00:00Z', MSK, { window: DEFAULT_SEND_WINDOW, holidays: ru, dayGranular: true })).toMatchObject({
      at: '2027-01-09T06:00:00.000Z',
      moved: 'holiday',
    });
  });

  it('keeps no holidays when the chat has no calendar', () => {
    expect(sendAt('2027-01-01T07:00:00Z', MSK, { window: DEFAULT_SEND_WINDOW, holidays: null, dayGranular: true }).moved).toBeNull();
  });

  it('moves off an Indonesian holiday in Makassar (UTC+8)', () => {
    // Tue 17 August 2027, independence day, 10:00 WITA
    expect(sendAt('2027-08-17T02:00:00Z', 'Asia/Makassar', { window: DEFAULT_SEND_WINDOW, holidays: holidayCalendar('ID'), dayGranular: true })).toEqual({
      at: '2027-08-18T02:00:00.000Z',
      moved: 'holiday',
      holiday: 'Hari Ulang Tahun Kemerdekaan Republik Indonesia',
    });
  });

  it('moves off an Indian holiday on the half-hour offset', () => {
    // Tue 26 January 2027, Republic Day, 10:00 IST
    expect(sendAt('2027-01-26T04:30:00Z', 'Asia/Kolkata', { window: DEFAULT_SEND_WINDOW, holidays: holidayCalendar('IN'), dayGranular: true })).toMatchObject({
      at: '2027-01-27T04:30:00.000Z',
      holiday: 'Republic Day',
    });
  });

  it('gives up with an error on a calendar with no ordinary day', () => {
    const always: HolidayCalendar = { country: 'XX', holidayOn: () => 'every day' };
    expect(() => nextSendable(new Date('2027-01-01T07:00:00Z'), MSK, { window: DEFAULT_SEND_WINDOW, holidays: always, dayGranular: true })).toThrow(
      /no open day without a holiday within 400 days of 2027-1-1/,
    );
  });
});
