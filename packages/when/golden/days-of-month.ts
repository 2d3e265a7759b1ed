import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Days of the month in words ("давайте двадцать второго": the next 22nd, 10:00), every form of
 * "after the Nth" (the day after it, never an hour), and the middle of the month (the 15th).
 */
export const daysOfMonth = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['давайте двадцать второго', '2026-11-22 10:00', 'day in words: a genitive ordinal alone'],
    ['созвонимся тридцатого', '2026-11-30 10:00', 'day in words: after a verb'],
    ['третьего, в 11', '2026-12-03 11:00', 'day in words: the 3rd has passed → next month, with an hour'],
    ['после двадцатого', '2026-11-21 10:00', 'after: an ordinal in words'],
    ['после 25-ого', '2026-11-26 10:00', 'after: 25-ого, not 25:00'],
    ['после 10го', '2026-12-11 10:00', 'after: 10го, the 11th has passed → next month'],
    ['после пятнадцатого числа', '2026-12-16 10:00', 'after: пятнадцатого числа'],
    ['after the 25th', '2026-11-26 10:00', 'after: the 25th'],
    ['after 3rd', '2026-12-04 10:00', 'after: 3rd with no "the"'],
    ['on the twenty-fifth', '2026-11-25 10:00', 'day in words: English ordinal'],
    ['mid-month works', '2026-12-15 10:00', 'middle: mid-month, this month\'s has passed'],
    ['in the middle of the month', '2026-12-15 10:00', 'middle: the middle of the month'],
    ['с второго этажа вид лучше', null, 'day in words: "второго этажа" is a floor'],
    ['до двадцатого занят', null, 'day in words: до closes a range'],
    ['on the second floor', null, 'day in words: English ordinal before a noun'],
    ['meet on the 3rd floor at 4', '2026-11-18 16:00', 'day of month: "the 3rd floor" is no day'],
    ['к двадцатому', '2026-11-20 10:00', 'day in words: a dative after к'],
    ['к второму этажу подъедем в 6', '2026-11-18 18:00', 'day in words: a dative before a noun is no day'],
  ]),
  // Saturday 2026-03-28 10:00 CET, the day before the clocks spring forward
  ...scene('2026-03-28T09:00:00.000Z', 'Europe/Berlin', [
    ['давайте тридцатого', '2026-03-30 10:00', 'day in words: after spring-forward'],
    ['mid-month', '2026-04-15 10:00', 'middle: next month\'s'],
    ['after the 28th', '2026-03-29 10:00', 'after: the day of the change'],
  ]),
  // Saturday 2026-10-31 10:00 EDT, the day before the clocks fall back
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['после первого', '2026-11-02 10:00', 'after: первого'],
    ['on the first', '2026-11-01 10:00', 'day in words: the first, after fall-back'],
  ]),
];
