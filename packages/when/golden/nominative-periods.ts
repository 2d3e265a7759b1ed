import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/** Periods named with no preposition: "следующая неделя", "coming week", "март", "конец месяца". */
export const nominativePeriods = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['следующая неделя', '2026-11-23 10:00', 'nominative: next week → Monday'],
    ['coming week', '2026-11-23 10:00', 'nominative: coming week'],
    ['this coming week', '2026-11-23 10:00', 'nominative: this coming week'],
    ['на следующую неделю', '2026-11-23 10:00', 'nominative: accusative next week'],
    ['март', '2027-03-01 10:00', 'nominative: a month alone'],
    ['in March', '2027-03-01 10:00', 'nominative: in March'],
    ['March', '2027-03-01 10:00', 'nominative: English month alone'],
    ['Январь', '2027-01-01 10:00', 'nominative: capitalised'],
    ['конец месяца', '2026-11-30 10:00', 'nominative: end of the month'],
    ['начало недели', '2026-11-23 10:00', 'nominative: start of the week → next Monday'],
    ['середина месяца', '2026-12-15 10:00', 'nominative: this month\'s 15th has passed'],
    ['конец следующего месяца', '2026-12-31 10:00', 'nominative: end of next month'],
    ['конец января', '2027-01-31 10:00', 'nominative: end of a named month'],
    ['the start of next month', '2026-12-01 10:00', 'nominative: English start of next month'],
    ['хотим виллу на март', null, 'nominative: "на март" is a stay'],
    ['I may call you', null, 'nominative: "may" is not May'],
    ['апрель-май', '2027-04-01 10:00', 'nominative: of two months, the first'],
    ['ближайшие выходные', '2026-11-21 10:00', 'nominative: the coming weekend'],
    ['the coming weekend', '2026-11-21 10:00', 'nominative: English coming weekend'],
    ['Hi this is April, call me tomorrow', '2026-11-19 10:00', 'nominative: a name, not a month'],
  ]),
  // Sunday 2026-11-22 12:00
  ...scene('2026-11-22T04:00:00.000Z', MAKASSAR, [
    ['следующая неделя', '2026-11-23 10:00', 'nominative: on a Sunday next week is tomorrow'],
    ['конец недели', '2026-11-27 10:00', 'nominative: end of the week on a Sunday'],
  ]),
  // Saturday 2026-10-31 10:00 EDT
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['this coming week', '2026-11-02 10:00', 'nominative: New York, across fall-back'],
  ]),
];
