import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/**
 * Past references are never a time to write; a plausible wrong time is worse than none. A past
 * clause does not cancel a request in another one.
 */
export const past = [
  ...scene(WEDNESDAY, MAKASSAR, [
    ['вчера вечером', null, 'past: yesterday evening'],
    ['прошлым вечером', null, 'past: прошлым вечером'],
    ['позавчера', null, 'past: the day before yesterday'],
    ['1h ago', null, 'past: a compact offset with ago'],
    ['an hour ago', null, 'past: an hour ago'],
    ['2 days before today', null, 'past: before today'],
    ['last night', null, 'past: last night'],
    ['earlier today', null, 'past: earlier today'],
    ['на днях звонил', null, 'past: на днях with a past verb'],
    ['час назад', null, 'past: час назад'],
    ['30 min ago', null, 'past: minutes ago'],
    ['прошлой ночью писал', null, 'past: прошлой ночью'],
    ['мы купили билеты в декабре', null, 'past: a month after what the client already did'],
    ['I paid this morning, please check', null, 'past: this morning, a payment made (said at 15:20)'],
    ['sent you the contract this morning', null, 'past: this morning, something sent'],
    ['в прошлый раз звонили вечером', null, 'past: last time, in the evening'],
    ['вчера смотрели, напишите вечером', '2026-11-18 19:00', 'past: a past clause does not cancel the request'],
    ['час назад звонил, перезвоните через 2 часа', '2026-11-18 17:20', 'past: ago in one clause, an offset in the other'],
    ['вчера вечером смотрели виллу, давайте завтра в 11', '2026-11-19 11:00', 'past: the past evening does not make 11 into 23:00'],
    ['I called this morning, call me back at 6', '2026-11-18 18:00', 'past: a past clause, then a request'],
  ]),
  // Wednesday 2026-11-18 08:00: today's 10:00 is still ahead, so "today" must not land there
  ...scene('2026-11-18T00:00:00.000Z', MAKASSAR, [
    ['earlier today', null, 'past: earlier today, in the morning'],
    ['I called this morning', null, 'past: this morning with a past verb'],
    ['сегодня утром звонил', null, 'past: сегодня утром with a past verb'],
    ['2 days before today', null, 'past: before today, in the morning'],
  ]),
  // Saturday 2026-10-31 10:00 EDT
  ...scene('2026-10-31T14:00:00.000Z', 'America/New_York', [
    ['we spoke earlier today', null, 'past: New York morning, today\'s 10:00 not reached yet'],
    ['2h ago', null, 'past: compact, New York'],
  ]),
];
