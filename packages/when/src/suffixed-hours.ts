import { OFFSET_LEAD, PREPOSITION, setClock } from './clock-parts.js';
import type { WhenSpec } from './spec.js';
import { B_END, B_START } from './text.js';

/**
 * `15h`, `13h30`, `16h00`, `15ч`, `15 ч 30`, `9h`: an hour with an `h`/`ч` suffix, as clients in
 * much of Europe write a clock time; `15 ч 30 мин` too.
 */
const SUFFIXED = new RegExp(
  `${B_START}(\\d{1,2})\\s*(?:h|ч)\\.?(?:\\s*(\\d{2})(?:\\s*(?:m|min|мин(?:ут[аы]?)?)\\.?)?)?(?:\\s+(утра|дня|вечера|ночи))?${B_END}`,
  'gu',
);
/** `9h-10h`: a range of hours gives its lower end, as other ranges do. */
const RANGE_AFTER = /^\s*-\s*\d{1,2}\s*(?:h|ч)/u;

/** Before it, a word that makes even `9h` a time of day: a preposition or a day ("tomorrow 9h", "в пятницу 9ч", "на 9ч"). */
const CLOCK_LEAD = new RegExp(
  `(?:^|[^\\p{L}])(?:${PREPOSITION}|на|сегодня|завтра|послезавтра|today|tomorrow|tonight|tmrw|` +
    'понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[,\\s]*$',
  'u',
);
/** A range ("с 9ч до 18ч", "from 9h"): not a time to write, and not an offset either. */
const RANGE_LEAD = /(?:(?:^|[^\p{L}])(?:с|со|до|по|from|until|till|to)|-)\s*$/u;
const PAST_AFTER = /^\s*(?:ago|назад|back)(?![\p{L}])/u;

/**
 * Reads suffixed hours as clock times. After "через"/"in" they are amounts ("через 15ч", "in 12h"),
 * and so is a lone single digit with nothing before it (`2h`, `1h30`): there they are left to the
 * offset parsers. A two-digit hour (`15h`), minutes `00` (`9h00`) or a day or preposition before
 * it make it a clock time. Returns the text without what it took.
 */
export function parseSuffixedHours(text: string, spec: WhenSpec): string {
  let rest = text;
  for (const m of text.matchAll(SUFFIXED)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + m[0].length);
    const hour = Number(m[1]);
    if (hour > 23 || OFFSET_LEAD.test(before) || PAST_AFTER.test(after)) continue;
    const minutes = m[2];
    if (RANGE_LEAD.test(before)) {
      rest = rest.replace(m[0], ' ');
      continue;
    }
    if (hour < 10 && minutes !== '00' && !CLOCK_LEAD.test(before) && !RANGE_AFTER.test(after)) continue;
    if (setClock(spec, hour, Number(minutes ?? 0), m[3], minutes === undefined)) rest = rest.replace(m[0], ' ');
  }
  return rest;
}
