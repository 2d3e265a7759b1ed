/** One environment variable that overrides one setting: where it goes and how its text reads. */
interface Override {
  path: readonly string[];
  read: (text: string) => unknown;
}

const asNumber = (text: string): unknown => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);
const asBoolean = (text: string): unknown => ({ true: true, yes: true, '1': true, false: false, no: false, '0': false })[text.trim().toLowerCase()] ?? text;
const asList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);
const orNull = (text: string): string | null => (/^(none|off|-)$/i.test(text.trim()) ? null : text.trim());
const msAsDuration = (text: string): unknown => (/^\d+$/.test(text.trim()) ? `${text.trim()}ms` : text);

/**
 * Variables that override the file, for a deployment that sets one thing without writing a file.
 * The older names (DEFAULT_FOLLOW_UP_HOUR, MAX_DUE_AHEAD_DAYS, MAX_LATENESS_MS) keep working.
 */
export const envOverrides: Record<string, Override> = {
  DEFAULT_TIME_ZONE: { path: ['timeZone'], read: (t) => t.trim() },
  DEFAULT_FOLLOW_UP_HOUR: { path: ['defaultHour'], read: asNumber },
  SEND_WINDOW_FROM: { path: ['sendWindow', 'from'], read: (t) => t.trim() },
  SEND_WINDOW_TO: { path: ['sendWindow', 'to'], read: (t) => t.trim() },
  SEND_DAYS: { path: ['sendWindow', 'days'], read: (t) => t.trim().toLowerCase() },
  HOLIDAYS_COUNTRY: { path: ['holidays', 'country'], read: (t) => orNull(t)?.toUpperCase() ?? null },
  HOLIDAYS_FROM_CHAT_ZONE: { path: ['holidays', 'fromChatZone'], read: asBoolean },
  REMINDER_OFFSETS: { path: ['reminders', 'before'], read: asList },
  MAX_PENDING_FOLLOW_UPS: { path: ['limits', 'pendingFollowUpsPerChat'], read: asNumber },
  MAX_DUE_AHEAD_DAYS: { path: ['limits', 'maxDaysAhead'], read: asNumber },
  MIN_BOT_MESSAGE_GAP: { path: ['limits', 'minGapBetweenBotMessages'], read: (t) => t.trim() },
  MAX_LATENESS_MS: { path: ['staleness', 'follow_up'], read: msAsDuration },
  COMPOSE_TIMEOUT_MS: { path: ['compose', 'timeout'], read: msAsDuration },
  SMTP_URL: { path: ['report', 'smtpUrl'], read: orNull },
  REPORT_FROM: { path: ['report', 'from'], read: (t) => t.trim() },
  REPORT_TO: { path: ['report', 'to'], read: asList },
  OPERATORS_CHAT: { path: ['report', 'telegramChat'], read: orNull },
};

/**
 * The variables that set a setting's path, or a part of it (an issue about the whole send window
 * names SEND_DAYS when that is what was set), so errors name what the operator typed.
 */
export function overriddenBy(path: readonly PropertyKey[], set: readonly string[]): string | undefined {
  const key = path.join('.');
  const names = set.filter((name) => {
    const target = envOverrides[name]!.path.join('.');
    return key === target || key.startsWith(`${target}.`) || target.startsWith(`${key}.`);
  });
  return names.length ? names.join(', ') : undefined;
}
