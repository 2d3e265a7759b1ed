import { MAKASSAR, scene, WEDNESDAY } from './case.js';

/** Issue 3's worked examples (now = Wednesday 2026-11-18 15:20, Asia/Makassar) and its colloquial openers. */
export const issueExamples = scene(WEDNESDAY, MAKASSAR, [
  ['напиши через 2 часа', '2026-11-18 17:20', 'issue example: exact offset keeps the clock'],
  ['через 30 минут', '2026-11-18 15:50', 'issue example: minutes'],
  ['свяжись завтра утром', '2026-11-19 10:00', 'issue example: tomorrow morning'],
  ['в воскресенье', '2026-11-22 10:00', 'issue example: weekday at the default hour'],
  ['через неделю', '2026-11-25 10:00', 'issue example: +7 days at the default hour'],
  ['через 3 дня', '2026-11-21 10:00', 'issue example: days at the default hour'],
  ['в понедельник в 15:00', '2026-11-23 15:00', 'issue example: weekday with a time'],
  ['завтра в 9:30', '2026-11-19 09:30', 'issue example: tomorrow with a time'],
  ['после обеда', '2026-11-19 15:00', 'issue example: afternoon, today\'s has passed'],
  ['в четверг вечером', '2026-11-19 19:00', 'issue example: weekday evening'],
  ['1 декабря', '2026-12-01 10:00', 'issue example: date with a month name'],
  ['15.12', '2026-12-15 10:00', 'issue example: dotted date'],
  ['через месяц', '2026-12-18 10:00', 'issue example: same day next month'],
  ['in 2 hours', '2026-11-18 17:20', 'issue example: English offset'],
  ['tomorrow', '2026-11-19 10:00', 'issue example: tomorrow at the default hour'],
  ['next Monday 3pm', '2026-11-23 15:00', 'issue example: next weekday with am/pm'],
  ['7d', '2026-11-25 10:00', 'issue example: compact days'],
  ['45m', '2026-11-18 16:05', 'issue example: compact minutes'],
  ['спасибо', null, 'issue example: no request'],
  ['а скидка будет?', null, 'issue example: a question, no time'],
  ['черкните после выходных', '2026-11-23 10:00', 'colloquial: after the weekend → next Monday'],
  ['через недельку', '2026-11-25 10:00', 'colloquial: diminutive week'],
  ['давай в четверг ближе к вечеру', '2026-11-19 18:00', 'colloquial: "ближе к вечеру" = 18:00 (documented choice)'],
  ['ping me tomorrow morning', '2026-11-19 10:00', 'colloquial: English tomorrow morning'],
]);
