import { addDays, localParts, weekdayOf, zonedTimeToInstant, type LocalDate } from '@followups/when';
import { minuteOfDay, weekdayName, type SendWindow } from './send-window.js';

/** Whether the window is open at all on a local calendar date. */
export function isOpenDay(date: LocalDate, window: SendWindow): boolean {
  return window.days.includes(weekdayName(weekdayOf(date)));
}

/**
 * `at` itself when the chat's wall clock then is inside the window, else the instant the window
 * next opens: `from` the same day when it is still to come, otherwise `from` on the next open day.
 * The opening is built from the local date and clock, so it is `from` on the wall whatever DST
 * did in between (a `from` inside a spring-forward gap opens at the end of the gap).
 */
export function windowOpening(at: Date, zone: string, window: SendWindow): Date {
  const opens = minuteOfDay(window.from, 'from');
  const closes = minuteOfDay(window.to, 'to');
  const local = localParts(at, zone);
  const date: LocalDate = { year: local.year, month: local.month, day: local.day };
  const minute = local.hour * 60 + local.minute;
  if (isOpenDay(date, window)) {
    // `to` is inclusive to the minute: seconds are not compared.
    if (minute >= opens && minute <= closes) return at;
    if (minute < opens) return zonedTimeToInstant(date, clockOf(opens), zone);
  }
  for (let ahead = 1; ahead <= 7; ahead++) {
    const day = addDays(date, ahead);
    if (isOpenDay(day, window)) return zonedTimeToInstant(day, clockOf(opens), zone);
  }
  throw new Error(`send window has no weekday in [${window.days.join(', ')}]: a message could never be sent`);
}

function clockOf(minutes: number): { hour: number; minute: number } {
  return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
}
