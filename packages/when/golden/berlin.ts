import { scene } from './case.js';

const BERLIN = 'Europe/Berlin';

/**
 * Europe/Berlin across both DST changes of 2026: clocks fall back on 25 October (03:00 CEST →
 * 02:00 CET) and spring forward on 29 March (02:00 CET → 03:00 CEST). Day-granular phrases keep
 * the wall clock; exact offsets are real elapsed time, so the wall clock shows the change.
 */
export const berlin = [
  // Saturday 2026-10-24 12:00 CEST (+02:00)
  ...scene('2026-10-24T10:00:00.000Z', BERLIN, [
    ['завтра', '2026-10-25 10:00', 'tomorrow across fall-back: 10:00 local'],
    ['завтра в 10', '2026-10-25 10:00', 'the issue\'s DST rule'],
    ['через 24 часа', '2026-10-25 11:00', '24 real hours: the wall clock shows 11:00, not 12:00'],
    ['через сутки', '2026-10-25 11:00', '"сутки" are 24 real hours'],
    ['tomorrow at 9am', '2026-10-25 09:00', 'English, across fall-back'],
    ['in 2 days', '2026-10-26 10:00', 'days keep the wall clock'],
    ['in 36 hours', '2026-10-25 23:00', 'hours are real time'],
    ['через неделю', '2026-10-31 10:00', 'a calendar week, not 168 hours'],
    ['next Monday', '2026-10-26 10:00', 'weekday after the change'],
    ['в понедельник в 15:00', '2026-10-26 15:00', 'weekday and time after the change'],
    ['вечером', '2026-10-24 19:00', 'this evening, before the change'],
    ['через 3 часа', '2026-10-24 15:00', 'hours before the change'],
    ['2026-10-26', '2026-10-26 10:00', 'ISO date after the change'],
    ['1 ноября', '2026-11-01 10:00', 'date after the change'],
    ['после выходных', '2026-10-26 10:00', 'after the weekend'],
    ['в выходные', '2026-10-31 10:00', 'on a Saturday, the coming Saturday is a week later'],
    ['через 48 часов', '2026-10-26 11:00', '48 real hours'],
  ]),
  // Sunday 2026-10-25 01:30 CEST, an hour before the clocks fall back
  ...scene('2026-10-24T23:30:00.000Z', BERLIN, [
    ['через 2 часа', '2026-10-25 02:30', 'two real hours, the wall clock only moves one'],
    ['in 3 hours', '2026-10-25 03:30', 'three real hours across fall-back'],
    ['завтра утром', '2026-10-26 10:00', 'tomorrow morning'],
    ['сегодня в 12', '2026-10-25 12:00', 'today at noon after the change'],
    ['в 10', '2026-10-25 10:00', 'a time today, after the change'],
  ]),
  // Saturday 2026-03-28 13:00 CET (+01:00)
  ...scene('2026-03-28T12:00:00.000Z', BERLIN, [
    ['завтра в 2:30', '2026-03-29 03:30', 'a wall time skipped by spring-forward moves forward by the gap'],
    ['завтра в 10', '2026-03-29 10:00', 'tomorrow across spring-forward: 10:00 local'],
    ['через 24 часа', '2026-03-29 14:00', '24 real hours: the wall clock shows an hour more'],
    ['tomorrow', '2026-03-29 10:00', 'English tomorrow'],
    ['через 2 дня', '2026-03-30 10:00', 'days keep the wall clock'],
    ['in 12 hours', '2026-03-29 01:00', 'before the gap'],
    ['in 14 hours', '2026-03-29 04:00', 'after the gap'],
    ['next week', '2026-03-30 10:00', 'next week → Monday'],
    ['в понедельник утром', '2026-03-30 10:00', 'Monday morning'],
    ['через неделю', '2026-04-04 10:00', 'a calendar week'],
    ['в 14:00', '2026-03-28 14:00', 'a time still ahead today'],
  ]),
];
