import { isValidTimeZone } from '@followups/when';
import { actionIdSchema, actionStatusSchema, chatIdSchema, type ActionStatus } from '@followups/contracts';
import { UsageError } from './errors.js';

export function parseChatId(value: string | undefined): string {
  if (value === undefined) throw new UsageError('missing <chat>: the client\'s Telegram chat id, e.g. 100200300');
  const parsed = chatIdSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`bad chat id "${value}": expected a decimal Telegram chat id (signed 64-bit), e.g. 100200300`);
  return parsed.data;
}

export function parseActionId(value: string | undefined): string {
  if (value === undefined) throw new UsageError('missing <id>: the action id shown by "schedule list"');
  if (!actionIdSchema.safeParse(value).success) throw new UsageError(`bad action id "${value}": expected a UUID as shown by "schedule list"`);
  return value;
}

export function parseStatus(value: string): ActionStatus {
  const parsed = actionStatusSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`unknown status "${value}": one of ${actionStatusSchema.options.join(', ')}`);
  return parsed.data;
}

export function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

/** An instant written in full, with its offset: `2026-11-20T02:00:00Z`, `2026-11-20T10:00+08:00`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseIsoInstant(value: string): Date | null {
  if (!ISO_INSTANT.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function parseNow(value: string): Date {
  const d = parseIsoInstant(value);
  if (!d) throw new UsageError(`--now must be an ISO time with an offset, e.g. 2026-11-18T07:20:00Z; got "${value}"`);
  return d;
}

export function parseTimeZone(value: string): string {
  if (!isValidTimeZone(value)) throw new UsageError(`unknown time zone "${value}": use an IANA name such as Asia/Makassar or Europe/Moscow`);
  return value;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--since`: a span back from `now` (`30m`, `1h`, `2d`, `1w`) or an ISO instant with an offset. */
export function parseSince(value: string, now: Date): Date {
  const span = /^(\d{1,6})([smhdw])$/.exec(value.trim());
  if (span && Number(span[1]) > 0) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2]!]!);
  const instant = parseIsoInstant(value.trim());
  if (instant) return instant;
  throw new UsageError(`--since must be a span like 30m, 1h, 2d, 1w or an ISO time, got "${value}"`);
}
