import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Days picked within a month: the nth weekday, the last day, a day of next month, and "после N
 * числа" (the day after). "Of the month" is this month's, or the next one's once it has passed.
 */
export const monthPicks = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['first Tuesday of October', '2027-10-05 10:00', 'month pick: nth weekday of a named month'],
    ['the last Friday of the month', '2026-11-27 10:00', 'month pick: last weekday of this month'],
    ['в первый понедельник декабря', '2026-12-07 10:00', 'month pick: первый понедельник декабря'],
    ['в последнюю пятницу месяца', '2026-11-27 10:00', 'month pick: последнюю пятницу месяца'],
    ['Напишите в последнее воскресенье месяца', '2026-11-29 10:00', 'month pick: neuter form, in a sentence'],
    ['во вторую субботу января', '2027-01-09 10:00', 'month pick: вторую субботу января'],
    ['the second Monday of next month', '2026-12-14 10:00', 'month pick: of next month'],
    ['20th of next month', '2026-12-20 10:00', 'month pick: a day of next month'],
    ['20-го следующего месяца', '2026-12-20 10:00', 'month pick: 20-го следующего месяца'],
    ['пятого числа следующего месяца', '2026-12-05 10:00', 'month pick: an ordinal word and числа'],
    ['в последний день месяца', '2026-11-30 10:00', 'month pick: the last day'],
    ['в первых числах декабря', '2026-12-01 10:00', 'month pick: the first days of a month'],
    ['после 20 числа', '2026-11-21 10:00', 'month pick: after the 20th → the 21st'],
    ['after the 15th', '2026-12-16 10:00', 'month pick: the 15th has passed → 16 December'],
    ['после 5 декабря', '2026-12-06 10:00', 'month pick: the day after a date'],
    ['в начале следующего месяца', '2026-12-01 10:00', 'month pick: start of next month'],
    ['15-го этого месяца', null, 'month pick: this month\'s 15th has passed'],
    ['next month on the 5th', '2026-12-05 10:00', 'month pick: next month, then the day'],
    ['в следующем месяце 10-го', '2026-12-10 10:00', 'month pick: в следующем месяце 10-го'],
  ]),
  // Saturday 2026-11-28 12:00, the day after this month's last Friday
  ...scene('2026-11-28T04:00:00.000Z', MAKASSAR, [
    ['the last Friday of the month', '2026-12-25 10:00', 'month pick: passed → next month\'s'],
    ['в последнюю пятницу этого месяца', null, 'month pick: "этого месяца" and it has passed'],
  ]),
  // Saturday 2026-10-24 12:00 CEST
  ...scene('2026-10-24T10:00:00.000Z', 'Europe/Berlin', [
    ['в последнее воскресенье октября', '2026-10-25 10:00', 'month pick: the fall-back Sunday, 10:00 local'],
    ['first Sunday of November', '2026-11-01 10:00', 'month pick: after the change'],
  ]),
];
