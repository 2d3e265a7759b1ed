import { describe, expect, it } from 'vitest';
import { hasHolidayCalendar, holidayCalendar } from './holidays.js';

describe('holidayCalendar', () => {
  it('names public holidays by local date, several-day ones on each of their days', () => {
    const ru = holidayCalendar('RU');
    expect(ru.holidayOn({ year: 2027, month: 1, day: 1 })).toBe('Новый год');
    for (const day of [2, 3, 4, 5, 6]) expect(ru.holidayOn({ year: 2027, month: 1, day })).toBe('Новогодние каникулы');
    expect(ru.holidayOn({ year: 2027, month: 1, day: 7 })).toBe('Рождество Христово');
    expect(ru.holidayOn({ year: 2027, month: 1, day: 8 })).toBe('Новогодние каникулы');
    expect(ru.holidayOn({ year: 2027, month: 1, day: 9 })).toBeNull();
    expect(ru.holidayOn({ year: 2027, month: 5, day: 9 })).toBe('День Победы');
  });

  it('reads an Islamic holiday by its day, not by the sunset before it starts', () => {
    // date-holidays: "2027-03-09 00:00:00 -0600", three days: 9–11 March
    const ae = holidayCalendar('AE');
    expect(ae.holidayOn({ year: 2027, month: 3, day: 8 })).toBeNull();
    for (const day of [9, 10, 11]) expect(ae.holidayOn({ year: 2027, month: 3, day })).toBe('عيد الفطر');
    expect(ae.holidayOn({ year: 2027, month: 3, day: 12 })).toBeNull();
  });

  it('keeps public holidays only', () => {
    const de = holidayCalendar('DE');
    expect(de.holidayOn({ year: 2027, month: 12, day: 25 })).toBe('1. Weihnachtstag');
    // Heiliger Abend is a bank holiday from 14:00 in date-holidays
    expect(de.holidayOn({ year: 2027, month: 12, day: 24 })).toBeNull();
    const id = holidayCalendar('ID');
    expect(id.holidayOn({ year: 2027, month: 8, day: 17 })).toBe('Hari Ulang Tahun Kemerdekaan Republik Indonesia');
  });

  it('answers one calendar per country, whatever the case of the code', () => {
    expect(holidayCalendar('ru')).toBe(holidayCalendar('RU'));
    expect(holidayCalendar(' id ').country).toBe('ID');
  });

  it('refuses a country date-holidays does not know', () => {
    expect(hasHolidayCalendar('XX')).toBe(false);
    expect(hasHolidayCalendar('ru')).toBe(true);
    expect(() => holidayCalendar('XX')).toThrow('no public holiday data for country "XX": expected an ISO 3166 code date-holidays knows, like RU, ID, DE');
    expect(() => holidayCalendar('Russia')).toThrow(/no public holiday data for country "Russia"/);
  });
});
