import { isValidTimeZone } from '@followups/when';
import { formatLocal } from './output.js';
import { resolveDue } from './resolve-due.js';
import { parseIsoInstant } from './validate.js';

/** What `followups when` prints for a phrase: the instant (ISO UTC), its wall-clock time, the zone. */
export interface WhenAnswer {
  at: string | null;
  local: string | null;
  tz: string;
}

/** A `--batch` line that could not be read: same keys, so a reader can always look at `at`. */
export interface WhenLineError {
  at: null;
  local: null;
  tz: string | null;
  error: string;
}

export function answerWhen(text: string, now: Date, tz: string): WhenAnswer {
  const at = resolveDue(text, now, tz);
  return { at: at?.toISOString() ?? null, local: at ? formatLocal(at, tz) : null, tz };
}

/**
 * One `--batch` line, `{"text", "now"?, "tz"?}`, answered or turned into an error object; never
 * throws, so one bad line cannot end the stream. `now` and `tz` default to the batch's own.
 */
export function answerLine(line: string, lineNo: number, defaults: { now: Date; tz: string }): WhenAnswer | WhenLineError {
  const fail = (why: string, tz: string | null = null): WhenLineError => ({ at: null, local: null, tz, error: `line ${lineNo}: ${why}` });
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return fail('not a JSON object');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('not a JSON object');
  const { text, now, tz } = input as Record<string, unknown>;
  if (tz !== undefined && (typeof tz !== 'string' || !isValidTimeZone(tz))) return fail(`unknown time zone ${JSON.stringify(tz)}`);
  const zone = (tz as string | undefined) ?? defaults.tz;
  if (typeof text !== 'string') return fail('"text" must be a string', zone);
  let instant = defaults.now;
  if (now !== undefined) {
    const parsed = typeof now === 'string' ? parseIsoInstant(now) : null;
    if (!parsed) return fail(`"now" must be an ISO time with an offset, e.g. 2026-11-18T07:20:00Z; got ${JSON.stringify(now)}`, zone);
    instant = parsed;
  }
  return answerWhen(text, instant, zone);
}
