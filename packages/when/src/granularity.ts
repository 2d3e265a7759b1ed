import { focusOnContactClause, focusOnCorrection } from './clause-focus.js';
import { parseWhen } from './resolve.js';

/**
 * Whether the time `resolveWhen` gives for `text` is day-granular: the client named a day
 * ("завтра", "через неделю", "в начале следующего месяца", `3d`) and the hour was the default
 * one, not theirs. Such a time may move off a public holiday; "в 15:00", "утром", "через 2 часа"
 * or an ISO instant name the time themselves and may not. Reads the text exactly as
 * `resolveWhen` does (the same clause and correction focus).
 */
export function isDayGranular(text: string): boolean {
  const spec = parseWhen(focusOnContactClause(focusOnCorrection(text, parseWhen), parseWhen));
  return !spec.instant && spec.exactMs === undefined && !spec.clock && !spec.partOfDay && !spec.sameTime;
}
