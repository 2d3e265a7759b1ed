import { addDays, localParts, zonedTimeToInstant, type LocalDate } from '@followups/when';
import type { HolidayCalendar } from './holidays.js';
import type { SendWindow } from './send-window.js';
import { isOpenDay, windowOpening } from './window-opening.js';

export interface SendRules {
  window: SendWindow;
  /** The chat country's public holidays; null or absent: none are kept. */
  holidays?: HolidayCalendar | null;
  /**
   * The client named a day, not a time ("завтра", "в начале следующего месяца"): the hour was
   * the resolver's choice, so the day may move off a holiday. An exact time ("в 15:00 1 января",
   * "через 2 часа") was the client's choice and only the window moves it.
   */
  dayGranular: boolean;
}

/**
 * When the message goes and why it moved. `moved` is `holiday` when any holiday was stepped
 * over (`holiday` names the first), else `window` when the window alone moved it, else null.
 *
 * @example { at: new Date('2027-01-11T07:00:00.000Z'), moved: 'holiday', holiday: 'Новый год' }
 */
export interface Sendable {
  at: Date;
  moved: null | 'window' | 'holiday';
  holiday?: string;
}

/** No real calendar has a year without an open, ordinary day; a hand-made one might. */
const MAX_DAYS_AHEAD = 400;

/**
 * The instant a bot message due `at` may be sent to a chat in `zone`; `at` itself when nothing
 * moves it. Outside the window it waits for the next opening (`from`). A day-granular time on a
 * public holiday or on a weekday the window keeps closed moves to the next day that is neither,
 * at the same local clock time (10:00 stays 10:00 across DST), and then the window applies.
 */
export function nextSendable(at: Date, zone: string, rules: SendRules): Sendable {
  const holidays = rules.dayGranular ? rules.holidays : null;
  let current = at;
  let firstHoliday: string | undefined;
  for (let step = 0; step < MAX_DAYS_AHEAD; step++) {
    const local = localParts(current, zone);
    const date: LocalDate = { year: local.year, month: local.month, day: local.day };
    const holiday = holidays?.holidayOn(date) ?? null;
    // A named day that is a holiday, or a weekday the window keeps closed ("завтра" said on a
    // Friday, mon–fri): the next working day at the same hour, as if the client had named it.
    if (holiday || (rules.dayGranular && !isOpenDay(date, rules.window))) {
      if (holiday) firstHoliday ??= holiday;
      const day = nextWorkingDay(date, rules.window, holidays ?? null);
      const millis = ((current.getTime() % 1000) + 1000) % 1000;
      const clock = { hour: local.hour, minute: local.minute, second: local.second };
      current = new Date(zonedTimeToInstant(day, clock, zone).getTime() + millis);
      continue;
    }
    const opening = windowOpening(current, zone, rules.window);
    if (opening.getTime() === current.getTime()) {
      if (firstHoliday !== undefined) return { at: current, moved: 'holiday', holiday: firstHoliday };
      return { at: current, moved: current.getTime() === at.getTime() ? null : 'window' };
    }
    // the opening may fall on a holiday: look at its day again
    current = opening;
  }
  throw new Error(`no sendable time within ${MAX_DAYS_AHEAD} days of ${at.toISOString()} in ${zone}: every day is a holiday or closed`);
}

function nextWorkingDay(date: LocalDate, window: SendWindow, holidays: HolidayCalendar | null): LocalDate {
  for (let ahead = 1; ahead <= MAX_DAYS_AHEAD; ahead++) {
    const day = addDays(date, ahead);
    if (isOpenDay(day, window) && !holidays?.holidayOn(day)) return day;
  }
  throw new Error(`no open day without a holiday within ${MAX_DAYS_AHEAD} days of ${date.year}-${date.month}-${date.day}`);
}
