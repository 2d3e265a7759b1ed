import { scene } from './case.js';

const NEW_YORK = 'America/New_York';

/** America/New_York, mostly English: clocks fall back on 1 November 2026 and spring forward on 8 March 2026. */
export const newYork = [
  // Saturday 2026-10-31 10:00 EDT (-04:00)
  ...scene('2026-10-31T14:00:00.000Z', NEW_YORK, [
    ['tomorrow', '2026-11-01 10:00', 'tomorrow across fall-back'],
    ['tomorrow morning', '2026-11-01 10:00', 'tomorrow morning'],
    ['next Monday 3pm', '2026-11-02 15:00', 'next Monday at 3pm'],
    ['in 2 hours', '2026-10-31 12:00', 'hours'],
    ['in 24 hours', '2026-11-01 09:00', '24 real hours: the wall clock shows an hour less'],
    ['in 3 days', '2026-11-03 10:00', 'days keep the wall clock'],
    ['tonight', '2026-10-31 19:00', 'tonight'],
    ['this afternoon', '2026-10-31 15:00', 'this afternoon, still ahead'],
    ['завтра вечером', '2026-11-01 19:00', 'Russian in New York'],
    ['2026-12-01', '2026-12-01 10:00', 'ISO date'],
    ['on the weekend', '2026-11-07 10:00', 'on a Saturday, the coming Saturday is a week later'],
    ['after the weekend', '2026-11-02 10:00', 'after the weekend → Monday'],
    ['end of the week', '2026-11-06 10:00', 'on a Saturday, end of week is next week\'s Friday'],
    ['end of next week', '2026-11-06 10:00', 'next week\'s Friday'],
    ['December 1st', '2026-12-01 10:00', 'English ordinal date'],
    ['12/15', '2026-12-15 10:00', 'slashed date, month first'],
    ['11/5', '2026-11-05 10:00', 'slashed date in English text: month first'],
    ['in a couple of weeks', '2026-11-14 10:00', 'a couple of weeks'],
    ['next month', '2026-11-01 10:00', 'next month → its first day'],
    ['first thing tomorrow', '2026-11-01 10:00', 'first thing = morning'],
    ['at 5', '2026-10-31 17:00', 'bare hour 1–8 → afternoon'],
    ['at 9', '2026-11-01 09:00', 'passed today → tomorrow'],
    ['by end of day', '2026-10-31 18:00', 'end of day = towards evening'],
    ['call me back in 10 mins', '2026-10-31 10:10', 'minutes'],
    ['a week from today', '2026-11-07 10:00', '"from today"'],
    ['Monday at 9:30am', '2026-11-02 09:30', 'weekday with a time'],
    ['I called you yesterday', null, 'past'],
    ["we'll stay for 2 weeks", null, 'a duration'],
    ['no thanks', null, 'no request'],
  ]),
  // Saturday 2026-03-07 12:00 EST (-05:00)
  ...scene('2026-03-07T17:00:00.000Z', NEW_YORK, [
    ['tomorrow at 2:30am', '2026-03-08 03:30', 'a skipped wall time moves forward'],
    ['in 24 hours', '2026-03-08 13:00', '24 real hours across spring-forward'],
    ['tomorrow at noon', '2026-03-08 12:00', 'tomorrow noon keeps the wall clock'],
    ['в воскресенье в 10', '2026-03-08 10:00', 'Russian weekday, after the change'],
  ]),
];
