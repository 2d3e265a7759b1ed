// Interface agreed before the implementation lands (see issue 2 / issue 3).
export interface ResolveOptions {
  /** Hour of day (local) for day-granular phrases. Default 10. */
  defaultHour?: number;
}

/**
 * Resolves the time a client asks to be contacted at, from their own words, in their time zone.
 * Deterministic: the same text, `now` and zone always give the same instant. `null`: no time to
 * write was asked for, or the phrase is not understood.
 */
export function resolveWhen(text: string, now: Date, timeZone: string, options: ResolveOptions = {}): Date | null {
  void text; void now; void timeZone; void options;
  throw new Error('resolveWhen: not implemented yet');
}
