import { resolveWhen } from '@followups/when';
import { UsageError } from './errors.js';
import { formatLocal } from './output.js';
import { parseIsoInstant } from './validate.js';

/** Day-granular phrases ("2026-12-01", "3d") land at this local hour, as the agent's do. */
export const DEFAULT_FOLLOW_UP_HOUR = 10;

/**
 * When `<when>` means: an ISO instant with an offset is taken as written; anything else (`45s`,
 * `2h`, `3d`, `1w`, `2026-12-01`, "завтра утром") goes to the resolver the agent uses, in the
 * chat's zone, so the CLI and the bot read a phrase the same way. `null`: not understood.
 */
export function resolveDue(text: string, now: Date, timeZone: string): Date | null {
  const trimmed = text.trim();
  return parseIsoInstant(trimmed) ?? resolveWhen(trimmed, now, timeZone, { defaultHour: DEFAULT_FOLLOW_UP_HOUR });
}

/** `<when>` as a due time the scheduler will accept: understood, in the future, within the horizon. Else a UsageError saying which. */
export function futureDue(when: string | undefined, now: Date, timeZone: string, maxDaysAhead: number): Date {
  if (when === undefined) throw new UsageError('missing <when>: an ISO time or a phrase like 45s, 2h, 3d, 1w, 2026-12-01');
  const dueAt = resolveDue(when, now, timeZone);
  if (!dueAt) throw new UsageError(`cannot understand the time "${when}": use an ISO time with an offset (2026-12-01T10:00:00Z) or a phrase like 45s, 2h, 3d, 1w, 2026-12-01`);
  if (dueAt.getTime() <= now.getTime()) throw new UsageError(`"${when}" is ${formatLocal(dueAt, timeZone)} (${timeZone}), which is in the past`);
  if (dueAt.getTime() - now.getTime() > maxDaysAhead * 86_400_000) {
    throw new UsageError(`"${when}" is ${formatLocal(dueAt, timeZone)}, more than ${maxDaysAhead} days ahead (settings limits.maxDaysAhead): the scheduler refuses it`);
  }
  return dueAt;
}
