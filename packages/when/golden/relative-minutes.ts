import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Minutes said relative to an hour. The hour named decides am or pm by the bare-hour rule
 * ("без четверти пять" → 16:45, "a quarter to nine" → 08:45); Russian "четверть шестого" names
 * the sixth hour, so the hour in progress is 5.
 */
export const relativeMinutes = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['quarter past 3', '2026-11-19 15:15', 'relative: quarter past, a bare hour in the afternoon, passed today → tomorrow'],
    ['Half past FOUR', '2026-11-18 16:30', 'relative: half past, in words and capitals'],
    ['20 minutes to 2pm tomorrow', '2026-11-19 13:40', 'relative: minutes to an hour with pm'],
    ['can you ring me at ten to six?', '2026-11-18 17:50', 'relative: ten to six inside a question'],
    ['a quarter to nine tomorrow', '2026-11-19 08:45', 'relative: the hour named (9) stays in the morning'],
    ['ten after seven in the evening', '2026-11-18 19:10', 'relative: "after" with a part of day'],
    ['quarter to midnight', '2026-11-18 23:45', 'relative: before midnight'],
    ['in 5 to 10 minutes', '2026-11-18 15:25', 'relative: a range of minutes is not 9:55'],
    ['в без четверти пять', '2026-11-18 16:45', 'relative: без четверти, bare-hour rule'],
    ['без пятнадцати 5', '2026-11-18 16:45', 'relative: без пятнадцати with a digit'],
    ['Давайте завтра без пяти минут шесть', '2026-11-19 17:55', 'relative: без пяти минут, tomorrow'],
    ['без четверти девять утра', '2026-11-19 08:45', 'relative: with утра'],
    ['в четверть шестого', '2026-11-18 17:15', 'relative: четверть шестого = 5:15 → 17:15'],
    ['в половине седьмого', '2026-11-18 18:30', 'relative: в половине седьмого'],
    ['полседьмого', '2026-11-18 18:30', 'relative: полседьмого in one word'],
    ['давай полседьмова', '2026-11-18 18:30', 'relative: spelt as it is said'],
    ['в пять минут седьмого', '2026-11-18 18:05', 'relative: пять минут седьмого'],
    ['в пятницу в половине одиннадцатого', '2026-11-20 10:30', 'relative: a weekday and half past ten'],
    ['четверть первого', '2026-11-19 12:15', 'relative: четверть первого is just after noon'],
    ['в половине третьего ночи', '2026-11-19 02:30', 'relative: with ночи'],
    ['в половине 7', '2026-11-18 18:30', 'relative: the hour in digits, "в половине 7" = 6:30'],
    ['давайте в пол 10 вечера', '2026-11-18 21:30', 'relative: "пол 10" = 9:30, with вечера'],
    ['в 10 минут 8-го', '2026-11-18 19:10', 'relative: "8-го" in digits'],
    ['at half 3', '2026-11-18 15:30', 'relative: British "half 3" = 3:30'],
  ]),
  // Saturday 2026-03-28 13:00 CET: the night the clocks spring forward
  ...scene('2026-03-28T12:00:00.000Z', 'Europe/Berlin', [
    ['завтра без четверти три ночи', '2026-03-29 03:45', 'relative: a skipped wall time moves forward by the gap'],
  ]),
  // Saturday 2026-10-31 10:00 EDT
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['ten to six', '2026-10-31 17:50', 'relative: English in New York'],
    ['quarter past 9 tomorrow morning', '2026-11-01 09:15', 'relative: across fall-back'],
  ]),
];
