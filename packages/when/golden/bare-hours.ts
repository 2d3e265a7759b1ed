import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * A bare hour after a preposition is a time whatever follows it, unless what follows makes the
 * number a count, a measure or a day ("в 2 раза", "в 3 минутах", "about 6 people", "после 20 числа").
 * 1–8 is the afternoon, as with any bare hour.
 */
export const bareHours = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['в 6 удобно будет?', '2026-11-18 18:00', 'bare hour: a question after it'],
    ['давайте послезавтра в 4, идёт?', '2026-11-20 16:00', 'bare hour: a day, then a question'],
    ['к 7 подъеду к офису', '2026-11-18 19:00', 'bare hour: к + a verb'],
    ['часиков в 8 наберу', '2026-11-18 20:00', 'bare hour: "часиков в 8"'],
    ['где-то около 3 звоните', '2026-11-19 15:00', 'bare hour: около, passed today → tomorrow'],
    ['в районе 6 освобожусь', '2026-11-18 18:00', 'bare hour: в районе + a verb'],
    ['at 4 then?', '2026-11-18 16:00', 'bare hour: "then" after it'],
    ['Thursday at 1 for the walkthrough', '2026-11-19 13:00', 'bare hour: a weekday, then "for"'],
    ['around 7ish works', '2026-11-18 19:00', 'bare hour: -ish and a verb'],
    ['tomorrow at 11 suits me', '2026-11-19 11:00', 'bare hour: 11 stays in the morning'],
    ['вилла в 3 минутах от пляжа', null, 'bare hour: "в 3 минутах" is a distance'],
    ['в 2-3 раза дешевле', null, 'bare hour: a range of times over'],
    ['about 6 people, 2 kids', null, 'bare hour: people are counted'],
    ['в 10 км от аэропорта', null, 'bare hour: kilometres'],
    ['квартира в 2 комнаты на 5 этаже', null, 'bare hour: rooms and a floor'],
    ['at 5% down payment', null, 'bare hour: a percentage'],
    ['about 10 of us', null, 'bare hour: "of us" counts people'],
    ['around 15 minutes away', null, 'bare hour: minutes away'],
    ['about 4 bedrooms', null, 'bare hour: bedrooms'],
    ['ребенок в 1 классе', null, 'bare hour: a school year'],
    ['около 5 часов езды', null, 'bare hour: hours of driving'],
    ['к двадцать первому', '2026-11-21 10:00', 'bare hour: "двадцать" is the tens of an ordinal, not 20:00'],
  ]),
  // Saturday 2026-03-28 10:00 CET, the day before the clocks spring forward
  ...scene('2026-03-28T09:00:00.000Z', 'Europe/Berlin', [
    ['завтра в 3 норм', '2026-03-29 15:00', 'bare hour: "норм" after it, across spring-forward'],
    ['tomorrow at 2 works', '2026-03-29 14:00', 'bare hour: "works" after it, across spring-forward'],
  ]),
  // Saturday 2026-10-31 10:00 EDT, the day before the clocks fall back
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['at 8 then', '2026-10-31 20:00', 'bare hour: 8 is the evening'],
    ['к 9 успеете?', '2026-11-01 09:00', 'bare hour: 9 stays morning, passed → tomorrow, after fall-back'],
  ]),
];
