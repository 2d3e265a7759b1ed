/** A day of the week as settings spell it. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * The hours a bot message may reach a client, on the chat's own wall clock. `from` and `to` are
 * `HH:MM`; `to` is inclusive to the minute (a client's "в 21:00" is kept by a 09:00–21:00 window,
 * 21:00:59 still is, 21:01 is not). Days are listed Monday first.
 *
 * @example { from: '09:00', to: '21:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }
 */
export interface SendWindow {
  from: string;
  to: string;
  days: Weekday[];
}

/** Monday first, the order `days` is listed and ranges run in. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const DEFAULT_SEND_WINDOW: SendWindow = Object.freeze({ from: '09:00', to: '21:00', days: [...WEEKDAYS] });

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * Reads a window from the three strings of the settings file: `"09:00"`, `"21:00"` and days as
 * `mon-fri`, `mon,wed,fri`, `mon-sun` or a mix (`mon-wed,fri`). A range runs forward through the
 * week and may wrap (`sun-thu` is the Gulf's working week). Throws an Error that names the bad
 * value, so it serves as start-up validation.
 *
 * Overnight windows (`22:00`–`06:00`) are refused: which calendar day such a night belongs to,
 * for `days` and for holidays, has no answer a team would agree on, and a sales bot has no use
 * for writing at night.
 */
export function parseSendWindow(from: string, to: string, days: string): SendWindow {
  const opens = minuteOfDay(from, 'from');
  const closes = minuteOfDay(to, 'to');
  if (closes <= opens) {
    throw new Error(
      `send window closes at ${to}, not after it opens at ${from}: "to" must be later than "from" the same day (overnight windows are not supported)`,
    );
  }
  return { from: clockText(opens), to: clockText(closes), days: parseDays(days) };
}

/** `"09:30"` → 570. Throws for anything but `H:MM`/`HH:MM` from 00:00 to 23:59. */
export function minuteOfDay(clock: string, label = 'time'): number {
  const m = CLOCK.exec(clock.trim());
  if (!m) throw new Error(`send window "${label}" must be a local time HH:MM from 00:00 to 23:59, e.g. "09:00"; got "${clock}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function parseDays(text: string): Weekday[] {
  const open = new Set<Weekday>();
  const parts = text.trim().toLowerCase().split(',');
  for (const part of parts) {
    const ends = part.split('-').map((s) => s.trim());
    if (ends.length > 2) throw new Error(`send window days: "${part}" is not a day or a range like mon-fri (in "${text}")`);
    const [first, last = first] = ends.map((name) => weekdayIndex(name, text));
    for (let i = first!; ; i = (i + 1) % 7) {
      open.add(WEEKDAYS[i]!);
      if (i === last) break;
    }
  }
  return WEEKDAYS.filter((d) => open.has(d));
}

function weekdayIndex(name: string, text: string): number {
  const i = WEEKDAYS.indexOf(name as Weekday);
  if (i < 0) throw new Error(`send window days: "${name}" is not a weekday (mon, tue, wed, thu, fri, sat, sun) in "${text}"; write e.g. mon-fri or mon,wed,fri`);
  return i;
}

/** The window's day for `localParts`' weekday number (0 = Sunday … 6 = Saturday). */
export function weekdayName(weekday: number): Weekday {
  return WEEKDAYS[(weekday + 6) % 7]!;
}
