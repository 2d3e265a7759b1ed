import { countryOfZone } from './country-of-zone.js';
import { hasHolidayCalendar, holidayCalendar, type HolidayCalendar } from './holidays.js';
import { nextSendable, type Sendable } from './next-sendable.js';
import { parseSendWindow, type SendWindow } from './send-window.js';

/** The team's settings this needs (the `sendWindow`, `holidays` and `limits` of @followups/settings). */
export interface SendingSettings {
  sendWindow: { from: string; to: string; days: string };
  holidays: { country: string | null; fromChatZone: boolean };
  limits: { maxDaysAhead: number };
}

/**
 * Where a bot message planned for later may land, the same for everyone who plans one (the
 * agent's brains, the CLI, the scheduler's safety net): within the horizon, inside the chat's
 * send window, and — when the client named only a day — off the public holidays of the chat's
 * country.
 */
export interface SendingPolicy {
  window: SendWindow;
  /** Nothing is planned further ahead. */
  horizonMs: number;
  /** The calendar whose holidays a chat in `zone` keeps: its zone's country, else the team's; null: none. */
  holidaysFor(zone: string): HolidayCalendar | null;
  /** `at` moved into the window (and off a holiday when `dayGranular`), for a chat in `zone`. */
  place(at: Date, zone: string, dayGranular: boolean): Sendable;
}

/** Builds the policy once at start-up; a bad window or country throws, naming it. */
export function sendingPolicy(settings: SendingSettings): SendingPolicy {
  const window = parseSendWindow(settings.sendWindow.from, settings.sendWindow.to, settings.sendWindow.days);
  const team = settings.holidays.country;
  if (team !== null && !hasHolidayCalendar(team)) throw new Error(`holidays.country ${team}: no public-holiday calendar is known for it`);
  const holidaysFor = (zone: string): HolidayCalendar | null => {
    const own = settings.holidays.fromChatZone ? countryOfZone(zone) : null;
    const country = own !== null && hasHolidayCalendar(own) ? own : team;
    return country === null ? null : holidayCalendar(country);
  };
  return {
    window,
    horizonMs: settings.limits.maxDaysAhead * 86_400_000,
    holidaysFor,
    place: (at, zone, dayGranular) => nextSendable(at, zone, { window, holidays: holidaysFor(zone), dayGranular }),
  };
}
