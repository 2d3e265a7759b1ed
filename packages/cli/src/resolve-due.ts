import { resolveWhen } from '@followups/when';
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
