import { MAKASSAR, scene } from './case.js';

/** Asia/Makassar at other moments: Friday, Sunday, a month's end, the year's end. */
export const otherMoments = [
  // Friday 2026-11-20 09:00
  ...scene('2026-11-20T01:00:00.000Z', MAKASSAR, [
    ['в конце недели', '2026-11-27 10:00', 'from Friday on, end of week is next week\'s Friday'],
    ['end of the week', '2026-11-27 10:00', 'English, on a Friday'],
    ['в пятницу', '2026-11-27 10:00', 'today\'s weekday is a week later'],
    ['сегодня в 17:00', '2026-11-20 17:00', 'today with a time'],
    ['в 10', '2026-11-20 10:00', 'a time still ahead today'],
    ['утром', '2026-11-20 10:00', 'this morning\'s 10:00 is still ahead'],
    ['в выходные', '2026-11-21 10:00', 'the weekend is tomorrow'],
    ['после выходных', '2026-11-23 10:00', 'after the weekend → Monday'],
    ['в середине недели', '2026-11-25 10:00', 'midweek → next Wednesday'],
  ]),
  // Sunday 2026-11-22 12:00
  ...scene('2026-11-22T04:00:00.000Z', MAKASSAR, [
    ['в выходные', '2026-11-28 10:00', 'on a Sunday the coming Saturday is next week\'s'],
    ['на следующей неделе', '2026-11-23 10:00', 'next week is tomorrow'],
    ['после выходных', '2026-11-23 10:00', 'after the weekend is tomorrow'],
    ['в начале недели', '2026-11-23 10:00', 'start of the week → next Monday'],
    ['в конце недели', '2026-11-27 10:00', 'on a Sunday, end of week is the coming Friday'],
    ['next weekend', '2026-11-28 10:00', 'next weekend → next week\'s Saturday'],
    ['в понедельник', '2026-11-23 10:00', 'Monday is tomorrow'],
  ]),
  // Sunday 2027-01-31 12:00
  ...scene('2027-01-31T04:00:00.000Z', MAKASSAR, [
    ['через месяц', '2027-02-28 10:00', 'a month clamped to February\'s end'],
    ['через 2 месяца', '2027-03-31 10:00', 'two months'],
    ['29 февраля', '2028-02-29 10:00', 'next occurrence of 29 February is in a leap year'],
    ['в конце месяца', '2027-02-28 10:00', 'today\'s end of month has passed → next month\'s'],
  ]),
  // Wednesday 2026-12-30 22:30: the year turns
  ...scene('2026-12-30T14:30:00.000Z', MAKASSAR, [
    ['завтра', '2026-12-31 10:00', 'tomorrow'],
    ['вечером', '2026-12-31 19:00', 'today\'s evening has passed → tomorrow'],
    ['в 23:00', '2026-12-30 23:00', 'still ahead tonight'],
    ['через 2 часа', '2026-12-31 00:30', 'across midnight'],
    ['1 января', '2027-01-01 10:00', 'into the new year'],
    ['послезавтра', '2027-01-01 10:00', 'the day after tomorrow is next year'],
    ['в начале следующего месяца', '2027-01-01 10:00', 'start of next month'],
    ['tonight', null, 'tonight has passed'],
    ['через неделю', '2027-01-06 10:00', 'a week across the new year'],
  ]),
];
