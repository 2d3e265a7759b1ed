import Holidays from 'date-holidays';
import { addDays, type LocalDate } from '@followups/when';

/** A country's public holidays, looked up by the local calendar date. */
export interface HolidayCalendar {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** The holiday's name (in the country's language, as date-holidays has it), or null on an ordinary day. */
  holidayOn(date: LocalDate): string | null;
}

const DAY_MS = 86_400_000;
const calendars = new Map<string, HolidayCalendar>();
let supported: Set<string> | undefined;

/** Whether date-holidays has data for the country (`RU`, `id`); a chat in a country it lacks keeps no holidays. */
export function hasHolidayCalendar(country: string): boolean {
  supported ??= new Set(Object.keys(new Holidays().getCountries()));
  return supported.has(country.trim().toUpperCase());
}

/**
 * The public holidays (date-holidays type `public` only: no bank, school or observance days) of
 * a country. Throws for a code date-holidays does not know. One calendar per country per process,
 * and each year's dates computed once: measured on this 2-core machine, date-holidays takes 1–5 ms
 * to construct, 7 ms (RU) to 20 ms (ID, lunar calendars) for a year, and ~2 ms per `isHoliday`
 * call, so stepping over the Russian New Year uncached would cost ~20 ms; cached, a day is a
 * map lookup (~0.2 µs).
 *
 * @example holidayCalendar('RU').holidayOn({ year: 2027, month: 1, day: 1 }) // 'Новый год'
 */
export function holidayCalendar(country: string): HolidayCalendar {
  const code = country.trim().toUpperCase();
  const known = calendars.get(code);
  if (known) return known;
  if (!hasHolidayCalendar(code)) {
    throw new Error(`no public holiday data for country "${country}": expected an ISO 3166 code date-holidays knows, like RU, ID, DE`);
  }
  // UTC, so that a holiday's start and end do not depend on this process's TZ (a 25-hour day
  // around a DST change would otherwise read as two days).
  const source = new Holidays(code, { types: ['public'], timezone: 'UTC' });
  const years = new Map<number, Map<string, string>>();
  const calendar: HolidayCalendar = {
    country: code,
    holidayOn(date) {
      let days = years.get(date.year);
      if (!days) years.set(date.year, (days = holidaysOfYear(source, date.year)));
      return days.get(dateKey(date)) ?? null;
    },
  };
  calendars.set(code, calendar);
  return calendar;
}

/**
 * Every local date of `year` that a public holiday covers. A holiday is read by the calendar date
 * date-holidays gives it, not by its start instant: Islamic days begin at the previous sunset
 * (`2027-03-09 00:00:00 -0600`), yet the day off is 9 March. Several-day holidays (RU's
 * "Новогодние каникулы" 2–6 January, the Gulf's three-day Eids) cover their length in days; the
 * year before is read too for a span that runs over New Year.
 */
function holidaysOfYear(source: Holidays, year: number): Map<string, string> {
  const days = new Map<string, string>();
  for (const holiday of [...source.getHolidays(year - 1), ...source.getHolidays(year)]) {
    if (holiday.type !== 'public') continue;
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(holiday.date);
    if (!m) continue;
    const first = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const length = Math.max(1, Math.ceil((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    for (let i = 0; i < length; i++) {
      const day = addDays(first, i);
      // the first named wins where two holidays share a day
      if (day.year === year && !days.has(dateKey(day))) days.set(dateKey(day), holiday.name);
    }
  }
  return days;
}

function dateKey(date: LocalDate): string {
  return `${date.month}-${date.day}`;
}
