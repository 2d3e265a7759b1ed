import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Times and dates with no word marking them: an hour and its minutes in words next to a day or
 * ending a clause ("nine forty-five tomorrow"), and a date after "to" or a dash, which close a
 * range only after another date ("push the signing to 12/4", but "from 12/1 to 12/5" is a stay).
 */
export const unmarked = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['nine forty-five tomorrow', '2026-11-19 09:45', 'words: hour and minutes before a day'],
    ['friday eleven fifteen', '2026-11-20 11:15', 'words: after a weekday'],
    ['завтра девять тридцать', '2026-11-19 09:30', 'words: after завтра'],
    ['шестнадцать сорок в пятницу', '2026-11-20 16:40', 'words: before a weekday'],
    ["how's eleven thirty?", '2026-11-19 11:30', 'words: ending a question'],
    ['пятнадцать двадцать минут', null, 'words: a range of minutes, no time'],
    ['can we push the signing to 12/4?', '2026-12-04 10:00', 'date after "to": month first in Latin text'],
    ['reschedule to 1/15', '2027-01-15 10:00', 'date after "to": only one reading'],
    ['созвон - 15.12', '2026-12-15 10:00', 'date after a dash with no date before it'],
    ['from 12/1 to 12/5', null, 'date after "to": a range from another date'],
  ]),
  // Saturday 2026-03-07 10:00 EST, the day before the clocks spring forward
  ...scene('2026-03-07T15:00:00.000Z', 'America/New_York', [
    ['move it to 3/9', '2026-03-09 10:00', 'date after "to": after spring-forward'],
    ['eight fifteen tomorrow', '2026-03-08 08:15', 'words: across spring-forward'],
  ]),
];
