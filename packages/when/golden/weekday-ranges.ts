import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * A weekday that opens or closes a range, or names a habit, is no day to write: "со вторника по
 * четверг", "from Friday", "Tue-Thu", "every Monday", "каждую пятницу". Counting from a weekday
 * ("three days from Friday") and pointing at one ("move it to Friday") still name a day.
 */
export const weekdayRanges = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['со вторника по четверг будем на Гили', null, 'range: со … по'],
    ['с пн по ср нас не будет', null, 'range: abbreviations'],
    ["from Tuesday through Thursday I'm travelling", null, 'range: from … through'],
    ['Tue-Thu we are away', null, 'range: a hyphen'],
    ["from Friday I'm on leave", null, 'range: a stay from a weekday'],
    ["starting Monday I'll be in Jakarta", null, 'range: starting a weekday'],
    ['каждую пятницу у нас созвон', null, 'habit: каждую'],
    ['every Monday at the office', null, 'habit: every'],
    ['every other Thursday', null, 'habit: every other'],
    ['three days from Friday', '2026-11-23 10:00', 'range: "from" after an amount counts from the day'],
    ['move it to Friday', '2026-11-20 10:00', 'range: "to" alone points at the day'],
    ['с понедельника по среду нас нет, напишите в четверг', '2026-11-19 10:00', 'range: the range is left out, the day asked for stays'],
  ]),
  // Saturday 2026-10-31 10:00 EDT
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['Monday to Wednesday we are in Boston', null, 'range: weekday to weekday'],
    ['каждый четверг', null, 'habit: каждый'],
  ]),
];
