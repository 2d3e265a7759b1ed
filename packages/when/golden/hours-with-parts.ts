import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * An hour with a part of day, am/pm or "утра"/"вечера", with or without a preposition. The hour
 * given wins over the part's own hour: "at 6 in the evening" is 18:00, not the evening's 19:00.
 */
export const hoursWithParts = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['8 tonight', '2026-11-18 20:00', 'hour + part: no preposition'],
    ['6 in the morning', '2026-11-19 06:00', 'hour + part: morning keeps 6'],
    ['at 6 in the evening', '2026-11-18 18:00', 'hour + part: the hour given, not the evening default'],
    ['8 часов вечера', '2026-11-18 20:00', 'hour + part: "часов вечера" with no preposition'],
    ['в 7 утра', '2026-11-19 07:00', 'hour + part: 7:00 has passed today → tomorrow'],
    ['в 9 вечера', '2026-11-18 21:00', 'hour + part: в 9 вечера'],
    ['завтра в 11 утра', '2026-11-19 11:00', 'hour + part: tomorrow'],
    ['at 7 am', '2026-11-19 07:00', 'hour + part: am'],
    ['7 a.m.', '2026-11-19 07:00', 'hour + part: a.m. with dots'],
    ['How about 6 in the evening on Saturday?', '2026-11-21 18:00', 'hour + part: with a weekday, in a question'],
    ['Tomorrow at 5 in the afternoon', '2026-11-19 17:00', 'hour + part: afternoon'],
    ['завтра 9 утра', '2026-11-19 09:00', 'hour + part: утра with no preposition'],
    ['давайте 8 часов вечера в пятницу', '2026-11-20 20:00', 'hour + part: before a weekday'],
    ['в 11 ночи', '2026-11-18 23:00', 'hour + part: 11 at night is 23:00'],
    ['2 часа ночи', '2026-11-19 02:00', 'hour + part: 2 at night'],
    ['хотим снять на 3 ночи', null, 'hour + part: "на 3 ночи" is a stay of three nights'],
    ['call me at 9 tomorrow morning', '2026-11-19 09:00', 'hour + part: tomorrow morning after the hour'],
    ['eight tonite', '2026-11-18 20:00', 'hour + part: a word hour, "tonite"'],
    ['10 at night', '2026-11-18 22:00', 'hour + part: at night'],
    ["8 o'clock in the evening", '2026-11-18 20:00', "hour + part: o'clock and a part"],
    ['в 7 ч утра', '2026-11-19 07:00', 'hour + part: "ч" with утра'],
  ]),
  // Wednesday 2026-11-18 08:00
  ...scene('2026-11-18T00:00:00.000Z', MAKASSAR, [
    ['в 7 утра', '2026-11-19 07:00', 'hour + part: passed this morning → tomorrow'],
    ['в 9 утра', '2026-11-18 09:00', 'hour + part: still ahead this morning'],
  ]),
  // Saturday 2026-10-31 10:00 EDT
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['8 tonight', '2026-10-31 20:00', 'hour + part: New York'],
    ['at 9 in the morning', '2026-11-01 09:00', 'hour + part: across fall-back'],
  ]),
];
