import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * `15h`, `13h30`, `15ч`: clock times, never offsets, and a day before them stays. After "через" /
 * "in" they are amounts; a lone single digit (`2h`) stays an offset, as before.
 */
export const suffixedHours = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['15h', '2026-11-19 15:00', 'suffixed: passed today → tomorrow'],
    ['13h30', '2026-11-19 13:30', 'suffixed: with minutes'],
    ['16h00', '2026-11-18 16:00', 'suffixed: still ahead today'],
    ['15ч', '2026-11-19 15:00', 'suffixed: Cyrillic ч'],
    ['15 ч 30', '2026-11-18 15:30', 'suffixed: spaced, with minutes'],
    ['tomorrow 15h', '2026-11-19 15:00', 'suffixed: the day before it stays'],
    ['в пятницу 13h30', '2026-11-20 13:30', 'suffixed: a weekday before it'],
    ['завтра в 9ч', '2026-11-19 09:00', 'suffixed: a single digit after a preposition'],
    ['Tomorrow 9h30 works', '2026-11-19 09:30', 'suffixed: a single digit after a day'],
    ['в понедельник к 11ч', '2026-11-23 11:00', 'suffixed: к 11ч'],
    ['в 15 ч. 30 мин.', '2026-11-18 15:30', 'suffixed: abbreviations with dots'],
    ['через 15ч', '2026-11-19 06:20', 'suffixed: after "через" an amount'],
    ['in 12h', '2026-11-19 03:20', 'suffixed: after "in" an amount'],
    ['с 9ч до 18ч', null, 'suffixed: working hours are a range'],
    ['9h-10h', '2026-11-19 09:00', 'suffixed: a range of hours gives its lower end'],
  ]),
  // Saturday 2026-03-28 13:00 CET
  ...scene('2026-03-28T12:00:00.000Z', 'Europe/Berlin', [
    ['tomorrow 2h30', '2026-03-29 03:30', 'suffixed: a skipped wall time moves forward'],
  ]),
];
