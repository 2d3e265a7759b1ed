import { Cron } from 'croner';

/** Why a cron pattern is refused; the message says it in words for the person who typed it. */
export type CronPatternProblem = 'syntax' | 'too-frequent' | 'never' | 'unsupported';

/** A cron pattern a series cannot use. `reason` says which rule it broke; `cause` is croner's own error for `syntax`. */
export class InvalidCronPatternError extends Error {
  override name = 'InvalidCronPatternError';
  constructor(
    message: string,
    readonly reason: CronPatternProblem,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
export const isInvalidCronPatternError = (e: unknown): e is InvalidCronPatternError => e instanceof InvalidCronPatternError;

/** croner's nicknames, written out so every stored pattern has its five fields (describe-recurrence.ts reads them). */
const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@hourly': '0 * * * *',
};
/** Any date croner can count from: patterns have no year, so one that never fires after it never fires at all. */
const SOME_DAY = new Date(Date.UTC(2000, 0, 1));

/**
 * Checks a cron pattern for a series and returns it with single spaces (a nickname such as
 * `@daily` written out). Five fields, or six when the first (seconds) is one fixed number, so a
 * series fires at most once a minute. Throws InvalidCronPatternError: `syntax` (croner refuses
 * it), `too-frequent` (a seconds field with `*`, a range, a list or a step), `never` ("0 10 30 2 *"),
 * `unsupported` (`?`, which croner fills in with the moment the pattern is read, so the series
 * would depend on when it was loaded).
 *
 * @example validateCronPattern('0  10 * * 1-5') // '0 10 * * 1-5'
 */
export function validateCronPattern(text: string): string {
  const trimmed = text.trim();
  const pattern = NICKNAMES[trimmed.toLowerCase()] ?? trimmed.split(/\s+/).join(' ');
  const fields = pattern.split(' ');
  if (pattern.includes('?')) {
    throw new InvalidCronPatternError(`"${trimmed}": "?" stands for the moment the pattern is read; write the value itself`, 'unsupported');
  }
  if (fields.length === 6 && !/^\d{1,2}$/.test(fields[0]!)) {
    throw new InvalidCronPatternError(`"${trimmed}" fires more than once a minute; a series takes one fixed second at most`, 'too-frequent');
  }
  let cron: Cron;
  try {
    cron = new Cron(pattern, { paused: true });
  } catch (cause) {
    const why = cause instanceof Error ? cause.message.replace(/^CronPattern:\s*/, '') : String(cause);
    throw new InvalidCronPatternError(`"${trimmed}" is not a cron pattern: ${why}`, 'syntax', { cause });
  }
  if (!cron.nextRun(SOME_DAY)) throw new InvalidCronPatternError(`"${trimmed}" never fires (no such date)`, 'never');
  return pattern;
}

/** One cron field as croner reads it: digits, `* , - / # L ?`, month and day names. */
const FIELD = /^(?:[\d*,\-/#?L]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)+$/i;
/** A pattern quoted inside a sentence: "по расписанию «0 *\/2 * * *»", as describe-recurrence.ts writes it. */
const QUOTED = /[«“"'`]([^«»“”"'`]+)[»”"'`]/gu;

/**
 * The cron pattern the text is, or quotes ("0 10 * * 1", `schedule "0 9 * * 1-5"`), unvalidated;
 * undefined when it has none. A sentence of five words is no pattern: every field must read as one.
 */
export function findCronText(text: string): string | undefined {
  for (const candidate of [text, ...[...text.matchAll(QUOTED)].map((m) => m[1]!)]) {
    const trimmed = candidate.trim();
    if (NICKNAMES[trimmed.toLowerCase()]) return trimmed;
    const fields = trimmed.split(/\s+/);
    if ((fields.length === 5 || fields.length === 6) && fields.every((f) => FIELD.test(f)) && fields.some((f) => /[\d*]/.test(f))) return trimmed;
  }
  return undefined;
}
