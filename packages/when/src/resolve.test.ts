import { describe, expect, it } from 'vitest';
import { localParts, resolveWhen } from './index.js';

/** The result as wall time in the zone, `YYYY-MM-DD HH:mm`, or null: tables read like the examples. */
function wall(text: string, now: Date, tz: string, defaultHour?: number): string | null {
  const at = resolveWhen(text, now, tz, defaultHour === undefined ? {} : { defaultHour });
  if (!at) return null;
  const p = localParts(at, tz);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

describe('resolveWhen in Asia/Makassar, now = Wednesday 2026-11-18 15:20', () => {
  const tz = 'Asia/Makassar';
  const now = new Date('2026-11-18T07:20:00.000Z');
  const cases: [string, string | null][] = [
    // the examples within this scope
    ['напиши через 2 часа', '2026-11-18 17:20'],
    ['через 30 минут', '2026-11-18 15:50'],
    ['свяжись завтра утром', '2026-11-19 10:00'],
    ['в воскресенье', '2026-11-22 10:00'],
    ['через неделю', '2026-11-25 10:00'],
    ['через 3 дня', '2026-11-21 10:00'],
    ['в понедельник в 15:00', '2026-11-23 15:00'],
    ['завтра в 9:30', '2026-11-19 09:30'],
    ['in 2 hours', '2026-11-18 17:20'],
    ['tomorrow', '2026-11-19 10:00'],
    ['next Monday 3pm', '2026-11-23 15:00'],
    ['7d', '2026-11-25 10:00'],
    ['45m', '2026-11-18 16:05'],
    ['спасибо', null],
    ['а скидка будет?', null],
    // numbers in words and case forms
    ['через одну минуту', '2026-11-18 15:21'],
    ['через минуту', '2026-11-18 15:21'],
    ['через пять минут', '2026-11-18 15:25'],
    ['через десять минут', '2026-11-18 15:30'],
    ['через двадцать пять минут', '2026-11-18 15:45'],
    ['через час', '2026-11-18 16:20'],
    ['через один час', '2026-11-18 16:20'],
    ['через два часа', '2026-11-18 17:20'],
    ['через три часа', '2026-11-18 18:20'],
    ['через 5 часов', '2026-11-18 20:20'],
    ['через пару часов', '2026-11-18 17:20'],
    ['через полчаса', '2026-11-18 15:50'],
    ['через полтора часа', '2026-11-18 16:50'],
    ['через 1,5 часа', '2026-11-18 16:50'],
    ['через час с половиной', '2026-11-18 16:50'],
    ['через 2 часа 30 минут', '2026-11-18 17:50'],
    ['через минут 20', '2026-11-18 15:40'],
    ['через день', '2026-11-19 10:00'],
    ['через один день', '2026-11-19 10:00'],
    ['через два дня', '2026-11-20 10:00'],
    ['через две недели', '2026-12-02 10:00'],
    ['через пару дней', '2026-11-20 10:00'],
    ['через 5 дней', '2026-11-23 10:00'],
    ['через десять дней', '2026-11-28 10:00'],
    ['через недельку', '2026-11-25 10:00'],
    ['через 3 дня вечером', '2026-11-21 19:00'],
    ['через месяц', '2026-12-18 10:00'],
    // days, parts of day, weekdays, times
    ['послезавтра', '2026-11-20 10:00'],
    ['завтра', '2026-11-19 10:00'],
    ['завтра днём', '2026-11-19 13:00'],
    ['завтра вечером', '2026-11-19 19:00'],
    ['сегодня вечером', '2026-11-18 19:00'],
    ['в пятницу', '2026-11-20 10:00'],
    ['В ПЯТНИЦУ!!!', '2026-11-20 10:00'],
    ['во вторник', '2026-11-24 10:00'],
    ['в среду', '2026-11-25 10:00'],
    ['в четверг вечером', '2026-11-19 19:00'],
    ['в субботу в 9:00', '2026-11-21 09:00'],
    ['в пятницу в 5', '2026-11-20 17:00'],
    ['завтра в 10', '2026-11-19 10:00'],
    ['завтра в 7 вечера', '2026-11-19 19:00'],
    ['завтра в 3 часа дня', '2026-11-19 15:00'],
    ['завтра утром в 8', '2026-11-19 08:00'],
    ['в 15:00', '2026-11-19 15:00'],
    ['в 17:30', '2026-11-18 17:30'],
    ['вечером', '2026-11-18 19:00'],
    ['утром', '2026-11-19 10:00'],
    ['сегодня в 10:00', null],
    // the phrase inside a longer sentence
    ['Спасибо, сейчас неудобно. Напишите мне, пожалуйста, через 2 часа.', '2026-11-18 17:20'],
    ['Давайте так: свяжитесь со мной в понедельник в 15:00, обсудим', '2026-11-23 15:00'],
    ['я подумаю, черкните через пару дней', '2026-11-20 10:00'],
    // English
    ['in 30 minutes', '2026-11-18 15:50'],
    ['in an hour', '2026-11-18 16:20'],
    ['in half an hour', '2026-11-18 15:50'],
    ['in a couple of hours', '2026-11-18 17:20'],
    ['in 3 days', '2026-11-21 10:00'],
    ['in two weeks', '2026-12-02 10:00'],
    ['in a week', '2026-11-25 10:00'],
    ['Ping me tomorrow morning', '2026-11-19 10:00'],
    ['tomorrow at 9:30am', '2026-11-19 09:30'],
    ['tomorrow evening', '2026-11-19 19:00'],
    ['tonight', '2026-11-18 19:00'],
    ['on Friday', '2026-11-20 10:00'],
    ['next Monday', '2026-11-23 10:00'],
    ['day after tomorrow', '2026-11-20 10:00'],
    ['at 3pm', '2026-11-19 15:00'],
    // compact forms, ISO
    ['45s', '2026-11-18 15:20'],
    ['15m', '2026-11-18 15:35'],
    ['2h', '2026-11-18 17:20'],
    ['3d', '2026-11-21 10:00'],
    ['1w', '2026-11-25 10:00'],
    ['2w', '2026-12-02 10:00'],
    ['2026-12-01', '2026-12-01 10:00'],
    ['2026-12-01 15:30', '2026-12-01 15:30'],
    ['2026-12-01T07:00:00Z', '2026-12-01 15:00'],
    ['2026-12-01T15:00:00+08:00', '2026-12-01 15:00'],
    // no time to write
    ['вчера смотрел', null],
    ['снять дом на две недели', null],
    ['в прошлую пятницу смотрел виллу', null],
    ['хочу виллу на 3 дня', null],
    ['это в 2 раза дороже', null],
    ['thanks!', null],
    ['what is the price in 2026?', null],
    ['2026-02-30', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(wall(text, now, tz)).toBe(expected);
  });

  it('keeps seconds for exact offsets: 45s is now + 45 s', () => {
    expect(resolveWhen('45s', now, tz)?.toISOString()).toBe('2026-11-18T07:20:45.000Z');
    expect(resolveWhen('напиши через 2 минуты', now, tz)?.toISOString()).toBe('2026-11-18T07:22:00.000Z');
  });

  it('uses the default hour it is given for day-granular phrases', () => {
    expect(wall('завтра', now, tz, 11)).toBe('2026-11-19 11:00');
    expect(wall('завтра в 9:30', now, tz, 11)).toBe('2026-11-19 09:30');
  });

  it('uses the part-of-day hours it is given, each one replacing only its own default', () => {
    const options = { partOfDayHours: { morning: 9, evening: 20, towardsEvening: 17 } };
    const local = (text: string) => {
      const at = resolveWhen(text, now, tz, options);
      return at && localParts(at, tz).hour;
    };
    expect(local('завтра утром')).toBe(9);
    expect(local('в четверг вечером')).toBe(20);
    expect(local('давай в четверг ближе к вечеру')).toBe(17);
    expect(local('завтра днём')).toBe(13); // not given: the default
    expect(local('завтра вечером в 7')).toBe(19); // a named time wins over the part's hour
  });

  it('takes the first of alternative weekdays ("или", "or")', () => {
    expect(wall('можно в четверг или пятницу', now, tz)).toBe('2026-11-19 10:00');
    expect(wall('не в понедельник, а во вторник', now, tz)).toBe('2026-11-24 10:00');
  });

  it('is deterministic', () => {
    const a = resolveWhen('в пятницу', now, tz);
    expect(resolveWhen('в пятницу', new Date(now), tz)).toEqual(a);
  });
});

describe('resolveWhen across DST in Europe/Berlin (clocks fall back on 2026-10-25 03:00 → 02:00)', () => {
  const tz = 'Europe/Berlin';
  const now = new Date('2026-10-24T10:00:00.000Z'); // Saturday 12:00 CEST (+02:00)

  it('"завтра" lands at 10:00 local, which is now +01:00', () => {
    expect(resolveWhen('завтра', now, tz)?.toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(wall('завтра', now, tz)).toBe('2026-10-25 10:00');
  });

  it('"через 24 часа" is 24 real hours, so the wall clock shows an hour less', () => {
    expect(resolveWhen('через 24 часа', now, tz)?.toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(wall('через 24 часа', now, tz)).toBe('2026-10-25 11:00');
  });

  it('"через неделю" is a calendar week at 10:00 local, not 168 hours', () => {
    expect(resolveWhen('через неделю', now, tz)?.toISOString()).toBe('2026-10-31T09:00:00.000Z');
  });

  it('a time skipped by the spring-forward gap moves forward (2026-03-29 02:30 → 03:30 CEST)', () => {
    const march = new Date('2026-03-28T12:00:00.000Z');
    expect(resolveWhen('завтра в 2:30', march, tz)?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(resolveWhen('завтра в 10:00', march, tz)?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });
});

describe('resolveWhen in America/New_York (clocks fall back on 2026-11-01)', () => {
  const tz = 'America/New_York';
  const now = new Date('2026-10-31T14:00:00.000Z'); // Saturday 10:00 EDT (-04:00)

  it.each([
    ['tomorrow', '2026-11-01T15:00:00.000Z'],
    ['tomorrow morning', '2026-11-01T15:00:00.000Z'],
    ['next Monday 3pm', '2026-11-02T20:00:00.000Z'],
    ['in 2 hours', '2026-10-31T16:00:00.000Z'],
    ['in 3 days', '2026-11-03T15:00:00.000Z'],
    ['tonight', '2026-10-31T23:00:00.000Z'],
    ['завтра вечером', '2026-11-02T00:00:00.000Z'],
    ['2026-12-01', '2026-12-01T15:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(resolveWhen(text, now, tz)?.toISOString()).toBe(expected);
  });
});
