import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Chat spellings: "2morrow", "tomoz", "wk", weekday abbreviations where a day stands ("sat
 * morning", "sun at 4", "Tue?"; not "we sat", "the sun"), weekdays one or two typos off a name
 * and no other word, colloquial parts of day ("с утреца", "вечерочком").
 */
export const abbreviations = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['2morrow at 6', '2026-11-19 18:00', 'slang: 2morrow'],
    ['tomoz at 9', '2026-11-19 09:00', 'slang: tomoz'],
    ['next wk', '2026-11-23 10:00', 'slang: wk is a week'],
    ['in 2 wks', '2026-12-02 10:00', 'slang: wks'],
    ['end of the wk', '2026-11-20 10:00', 'slang: end of the wk'],
    ['sat morning?', '2026-11-21 10:00', 'abbreviation: sat before a part of day'],
    ['sun at 4', '2026-11-22 16:00', 'abbreviation: sun before a time'],
    ['wed evening', '2026-11-25 19:00', 'abbreviation: wed said on a Wednesday → next week'],
    ['thurs 2pm', '2026-11-19 14:00', 'abbreviation: thurs'],
    ['this fri', '2026-11-20 10:00', 'abbreviation: this fri'],
    ['Tue?', '2026-11-24 10:00', 'abbreviation: alone as the message'],
    ['sat/sun works', '2026-11-21 10:00', 'abbreviation: a slash between alternatives keeps the first'],
    ['we sat in the sun for hours', null, 'abbreviation: "sat" and "sun" as words'],
    ['thrusday at 10am', '2026-11-19 10:00', 'typo: thrusday'],
    ['satruday morning', '2026-11-21 10:00', 'typo: satruday'],
    ['wednsday', '2026-11-25 10:00', 'typo: wednsday'],
    ['fryday at 3', '2026-11-20 15:00', 'typo: fryday'],
    ['tomorrow midday', '2026-11-19 12:00', 'typo: "midday" is a word, not Monday'],
    ['в пятницк в 11', '2026-11-20 11:00', 'typo: пятницк'],
    ['в суботу утром', '2026-11-21 10:00', 'typo: суботу'],
    ['в понеделник', '2026-11-23 10:00', 'typo: понеделник'],
    ['нас будет четверо', null, 'typo: "четверо" is a word, not Thursday'],
    ['до пятницы занят', null, 'typo: "пятницы" is a real form (a range), not a typo'],
    ['с утреца', '2026-11-19 10:00', 'colloquial: с утреца'],
    ['завтра вечерочком', '2026-11-19 19:00', 'colloquial: вечерочком'],
    ['послезавтра с утречка', '2026-11-20 10:00', 'colloquial: с утречка'],
  ]),
  // Saturday 2026-03-07 10:00 EST, the day before the clocks spring forward
  ...scene('2026-03-07T15:00:00.000Z', 'America/New_York', [
    ['2moro at 10', '2026-03-08 10:00', 'slang: 2moro across spring-forward'],
    ['sun afternoon', '2026-03-08 15:00', 'abbreviation: sun afternoon'],
    ['завтро с утреца', '2026-03-08 10:00', 'colloquial: завтро с утреца'],
  ]),
  // Saturday 2026-10-24 12:00 CEST, the day before the clocks fall back
  ...scene('2026-10-24T10:00:00.000Z', 'Europe/Berlin', [
    ['next wk, tues', '2026-10-27 10:00', 'slang: a weekday of next wk'],
  ]),
];
