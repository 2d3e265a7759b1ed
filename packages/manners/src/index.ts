export { countryOfZone } from './country-of-zone.js';
export { hasHolidayCalendar, holidayCalendar, type HolidayCalendar } from './holidays.js';
export { nextSendable, type SendRules, type Sendable } from './next-sendable.js';
export { DEFAULT_SEND_WINDOW, parseSendWindow, WEEKDAYS, type SendWindow, type Weekday } from './send-window.js';
export { sendingPolicy, type SendingPolicy, type SendingSettings } from './sending-policy.js';
export { fitGreeting, opensWithGreeting, partOfDay, type PartOfDay } from './greeting.js';
