import { scene, MAKASSAR, WEDNESDAY } from './case.js';

/**
 * Offsets counted from another day: that day plus the offset, at the default hour. From a day
 * that cannot be dated here ("после праздников", "после звонка") there is no answer: the caller asks.
 */
export const countedFrom = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['a week after tomorrow', '2026-11-26 10:00', 'counted from: tomorrow + 7 days'],
    ['через два дня после понедельника', '2026-11-25 10:00', 'counted from: Monday + 2 days'],
    ['the day after next Monday', '2026-11-24 10:00', 'counted from: the day after a weekday'],
    ['через неделю после 1 декабря', '2026-12-08 10:00', 'counted from: a date + a week'],
    ['two weeks from tomorrow', '2026-12-03 10:00', 'counted from: "from" a day'],
    ['a week from Monday', '2026-11-30 10:00', 'counted from: a week from Monday'],
    ['после понедельника', '2026-11-24 10:00', 'counted from: after Monday → Tuesday'],
    ['через день после завтра', '2026-11-20 10:00', 'counted from: the day after tomorrow'],
    ['через 2 дня после обеда', '2026-11-20 15:00', 'counted from: "после обеда" is a part of day, not a day'],
    ['через день после выходных', '2026-11-24 10:00', 'counted from: the day after "после выходных" (Monday)'],
    ['через неделю после праздников', null, 'counted from: holidays cannot be dated, ask'],
    ['a week after the holidays', null, 'counted from: English holidays'],
    ['напишите через пару дней после новогодних праздников', null, 'counted from: in a sentence'],
    ['через час после звонка', null, 'counted from: an hour after a call'],
    ['через неделю после того как получим договор', null, 'counted from: after an event'],
  ]),
  // Saturday 2026-10-31 10:00 EDT
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['a week after tomorrow', '2026-11-08 10:00', 'counted from: across fall-back, 10:00 local'],
  ]),
];
