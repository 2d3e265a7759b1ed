import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/** Approximate offsets are taken as said: "about", "примерно", "где-то", the unit first, diminutives. */
export const approximate = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['in about half an hour', '2026-11-18 15:50', 'approximate: about, after "in"'],
    ['in a quarter of an hour', '2026-11-18 15:35', 'approximate: a quarter of an hour'],
    ['через полчасика', '2026-11-18 15:50', 'approximate: diminutive'],
    ['минут через 10', '2026-11-18 15:30', 'approximate: the unit before "через"'],
    ['часика через два', '2026-11-18 17:20', 'approximate: diminutive unit first, number in words'],
    ['in roughly 2 hours', '2026-11-18 17:20', 'approximate: roughly'],
    ['примерно через неделю', '2026-11-25 10:00', 'approximate: примерно before "через"'],
    ['через где-то час', '2026-11-18 16:20', 'approximate: где-то after "через"'],
    ['in like 10 min', '2026-11-18 15:30', 'approximate: like'],
    ['через четверть часа', '2026-11-18 15:35', 'approximate: четверть часа'],
    ['in three quarters of an hour', '2026-11-18 16:05', 'approximate: three quarters'],
    ['Дня через три напишите', '2026-11-21 10:00', 'approximate: days, unit first'],
    ['где-то через пару часов', '2026-11-18 17:20', 'approximate: где-то before "через"'],
    ['недели через две', '2026-12-02 10:00', 'approximate: weeks, unit first'],
    ['Минуток через 5 перезвоню', '2026-11-18 15:25', 'approximate: diminutive minutes first'],
    ['минут через 15-20', '2026-11-18 15:35', 'approximate: unit first, a range → its lower end'],
    ['через какие-то полчаса', '2026-11-18 15:50', 'approximate: какие-то'],
  ]),
  // Saturday 2026-10-24 12:00 CEST
  ...scene('2026-10-24T10:00:00.000Z', 'Europe/Berlin', [
    ['in about 24 hours', '2026-10-25 11:00', 'approximate: still real elapsed time across fall-back'],
  ]),
];
