import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './describe-recurrence.js';
import { parseRecurrence } from './parse-recurrence.js';

describe('describeRecurrence', () => {
  const cases: [pattern: string, ru: string, en: string][] = [
    ['0 10 * * 1', 'каждый понедельник в 10:00', 'every Monday at 10:00'],
    ['0 10 * * 3', 'каждую среду в 10:00', 'every Wednesday at 10:00'],
    ['30 18 * * 0', 'каждое воскресенье в 18:30', 'every Sunday at 18:30'],
    ['0 9 * * *', 'ежедневно в 9:00', 'every day at 9:00'],
    ['0 9 * * 1-5', 'по будням в 9:00', 'every weekday at 9:00'],
    ['0 11 * * 0,6', 'по выходным в 11:00', 'every Saturday and Sunday at 11:00'],
    ['0 10 * * 1,4', 'по понедельникам и четвергам в 10:00', 'every Monday and Thursday at 10:00'],
    ['5 8 * * 5,3,1', 'по понедельникам, средам и пятницам в 8:05', 'every Monday, Wednesday and Friday at 8:05'],
    ['0 10 1 * *', '1-го числа каждого месяца в 10:00', 'on the 1st of every month at 10:00'],
    ['0 10 22 * *', '22-го числа каждого месяца в 10:00', 'on the 22nd of every month at 10:00'],
    ['0 10 13 * *', '13-го числа каждого месяца в 10:00', 'on the 13th of every month at 10:00'],
    ['0 18 L * *', 'в последний день каждого месяца в 18:00', 'on the last day of every month at 18:00'],
    ['0 10 * * 1#1', 'в первый понедельник каждого месяца в 10:00', 'on the first Monday of every month at 10:00'],
    ['0 10 * * 3#2', 'во вторую среду каждого месяца в 10:00', 'on the second Wednesday of every month at 10:00'],
    ['0 18 * * 5#L', 'в последнюю пятницу каждого месяца в 18:00', 'on the last Friday of every month at 18:00'],
    ['0 12 * * 0#3', 'в третье воскресенье каждого месяца в 12:00', 'on the third Sunday of every month at 12:00'],
    ['0 0 * * *', 'ежедневно в 0:00', 'every day at 0:00'],
  ];
  it.each(cases)('%s → %s / %s', (pattern, ru, en) => {
    expect(describeRecurrence(pattern, 'ru')).toBe(ru);
    expect(describeRecurrence(pattern, 'en')).toBe(en);
  });

  it('reads the forms croner also accepts: seconds of 0, day names, 7 for Sunday', () => {
    expect(describeRecurrence('0 0 10 * * 1', 'en')).toBe('every Monday at 10:00');
    expect(describeRecurrence('0 9 * * MON-FRI', 'ru')).toBe('по будням в 9:00');
    expect(describeRecurrence('0 9 * * 7', 'ru')).toBe('каждое воскресенье в 9:00');
  });

  it('quotes a pattern no phrase says', () => {
    for (const pattern of ['0 */2 * * *', '0 10 1 1 *', '0 10 1 * 1', '30 0 10 * * *', '0 9-17 * * 1-5', '0 10 */2 * *']) {
      expect(describeRecurrence(pattern, 'ru')).toBe(`по расписанию «${pattern}»`);
      expect(describeRecurrence(pattern, 'en')).toBe(`on the schedule “${pattern}”`);
    }
  });

  it('says what parseRecurrence understood, and its quote parses back', () => {
    const parsed = parseRecurrence('каждую пятницу в 7 вечера', { defaultHour: 10 })!;
    expect(describeRecurrence(parsed.pattern, 'ru')).toBe('каждую пятницу в 19:00');
    expect(parseRecurrence(describeRecurrence('0 */2 * * *', 'ru'), { defaultHour: 10 })?.pattern).toBe('0 */2 * * *');
  });
});
