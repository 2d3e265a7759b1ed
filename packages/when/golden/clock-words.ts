import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Clock times in words. With minutes said ("в семь тридцать") the hour is taken as said, as
 * "в 7:30" is; an hour alone follows the bare-hour rule. Midnight ends the day it is said with.
 */
export const clockWords = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['ten thirty am', '2026-11-19 10:30', 'words: hour, minutes and am'],
    ['at ten thirty', '2026-11-19 10:30', 'words: after "at"'],
    ['в пятнадцать часов', '2026-11-19 15:00', 'words: a 24-hour hour'],
    ['в семь тридцать', '2026-11-19 07:30', 'words: minutes said, so the hour as said (like "в 7:30")'],
    ['в девять ноль-ноль', '2026-11-19 09:00', 'words: ноль-ноль'],
    ["eleven o'clock", '2026-11-19 11:00', "words: o'clock with no preposition"],
    ['в двенадцать дня', '2026-11-19 12:00', 'words: двенадцать дня'],
    ['в час дня', '2026-11-19 13:00', 'words: час дня'],
    ['в шестнадцать тридцать', '2026-11-18 16:30', 'words: 24-hour with minutes'],
    ['в восемнадцать ноль ноль', '2026-11-18 18:00', 'words: ноль ноль apart'],
    ['seven fifteen pm', '2026-11-18 19:15', 'words: with pm'],
    ['at six forty-five', '2026-11-19 06:45', 'words: hyphenated minutes'],
    ['к пяти', '2026-11-18 17:00', 'words: к пяти, bare hour'],
    ['около двух', '2026-11-19 14:00', 'words: около двух'],
    ["Let's talk at seven o'clock tonight", '2026-11-18 19:00', "words: o'clock tonight"],
    ['midnight', '2026-11-19 00:00', 'words: midnight ends today'],
    ['завтра в полночь', '2026-11-20 00:00', 'words: tomorrow at midnight ends tomorrow'],
    ['около полуночи', '2026-11-19 00:00', 'words: около полуночи'],
    ['eight-thirty tomorrow', '2026-11-19 08:30', 'words: hyphenated, no preposition'],
    ['в пять раз дешевле', null, 'words: "в пять раз" is not a time'],
  ]),
  // Saturday 2026-10-24 12:00 CEST, the day before the clocks fall back
  ...scene('2026-10-24T10:00:00.000Z', 'Europe/Berlin', [
    ['завтра в полночь', '2026-10-26 00:00', 'words: midnight after the change'],
    ['в полночь', '2026-10-25 00:00', 'words: tonight, before the change'],
  ]),
];
