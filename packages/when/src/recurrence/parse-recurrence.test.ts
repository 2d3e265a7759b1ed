import { describe, expect, it } from 'vitest';
import { parseRecurrence, type RecurrenceOptions } from './parse-recurrence.js';

const options: RecurrenceOptions = { defaultHour: 10 };
const patternOf = (text: string, o: RecurrenceOptions = options) => parseRecurrence(text, o)?.pattern ?? null;

describe('parseRecurrence: phrases', () => {
  const cases: [string, string][] = [
    // every day
    ['ежедневно', '0 10 * * *'],
    ['каждый день в 7 вечера', '0 19 * * *'],
    ['ежедневно в 8:15 утра', '15 8 * * *'],
    ['раз в день в 20:00', '0 20 * * *'],
    ['каждое утро в 8', '0 8 * * *'],
    ['каждый вечер', '0 19 * * *'],
    ['every day at 10', '0 10 * * *'],
    ['daily at 7pm', '0 19 * * *'],
    ['everyday at 9', '0 9 * * *'],
    ['every single day at 18:45', '45 18 * * *'],
    ['every evening at 8', '0 20 * * *'],
    ['every day at midnight', '0 0 * * *'],
    // workdays and weekends
    ['по будням в 10:30', '30 10 * * 1-5'],
    ['каждый будний день в 9', '0 9 * * 1-5'],
    ['по рабочим дням', '0 10 * * 1-5'],
    ['ежедневно кроме выходных в 9', '0 9 * * 1-5'],
    ['каждый день с понедельника по пятницу', '0 10 * * 1-5'],
    ['every weekday at 9am', '0 9 * * 1-5'],
    ['on weekdays at 18:45', '45 18 * * 1-5'],
    ['every Mon-Fri at 9', '0 9 * * 1-5'],
    ['по выходным в 11', '0 11 * * 0,6'],
    ['every weekend', '0 10 * * 0,6'],
    // one weekday, every Russian case form
    ['напоминай мне каждый понедельник в 10 утра об отчёте', '0 10 * * 1'],
    ['по понедельникам', '0 10 * * 1'],
    ['каждый вторник', '0 10 * * 2'],
    ['каждую среду в 15:00', '0 15 * * 3'],
    ['по четвергам в 10:30', '30 10 * * 4'],
    ['каждую пятницу в 7 вечера', '0 19 * * 5'],
    ['по субботам', '0 10 * * 6'],
    ['каждое воскресенье в 11', '0 11 * * 0'],
    ['Каждый Понедельник В 10', '0 10 * * 1'],
    ['каждый пн', '0 10 * * 1'],
    ['every Monday at 10am', '0 10 * * 1'],
    ['EVERY SUNDAY AT 11AM', '0 11 * * 0'],
    ['on Fridays at 7pm', '0 19 * * 5'],
    ['every sat at 10', '0 10 * * 6'],
    ['every Monday morning at 8', '0 8 * * 1'],
    // several weekdays
    ['по понедельникам и четвергам', '0 10 * * 1,4'],
    ['по вторникам и пятницам в 18:45', '45 18 * * 2,5'],
    ['напоминайте по средам и пятницам в 14:30, пожалуйста', '30 14 * * 3,5'],
    ['каждый понедельник, среду и пятницу', '0 10 * * 1,3,5'],
    ['каждый понедельник и каждую пятницу в 9', '0 9 * * 1,5'],
    ['по пн и чт в 10', '0 10 * * 1,4'],
    ['every Tuesday and Friday', '0 10 * * 2,5'],
    ['every Monday, Wednesday and Friday at 9:30', '30 9 * * 1,3,5'],
    ['Mondays and Thursdays at 10am', '0 10 * * 1,4'],
    // weekly, with a day or without (Monday with no anchor)
    ['еженедельно', '0 10 * * 1'],
    ['weekly', '0 10 * * 1'],
    ['еженедельно в пятницу', '0 10 * * 5'],
    ['каждую неделю по средам', '0 10 * * 3'],
    ['раз в неделю по пятницам в 16', '0 16 * * 5'],
    ['weekly on Friday at 3pm', '0 15 * * 5'],
    ['once a week on Thursday', '0 10 * * 4'],
    ['каждые 7 дней', '0 10 * * 1'],
    // monthly
    ['ежемесячно', '0 10 1 * *'],
    ['monthly', '0 10 1 * *'],
    ['ежемесячно 15 числа', '0 10 15 * *'],
    ['1-го числа каждого месяца в 10:00', '0 10 1 * *'],
    ['каждый месяц первого числа в 9', '0 9 1 * *'],
    ['раз в месяц 5-го', '0 10 5 * *'],
    ['каждое 15 число', '0 10 15 * *'],
    ['monthly on the 1st', '0 10 1 * *'],
    ['on the 15th of every month at 10am', '0 10 15 * *'],
    ['every 15th at noon', '0 12 15 * *'],
    ['once a month', '0 10 1 * *'],
    ['в последний день каждого месяца', '0 10 L * *'],
    ['last day of every month at 18:00', '0 18 L * *'],
    ['каждый первый понедельник месяца', '0 10 * * 1#1'],
    ['каждую вторую среду месяца', '0 10 * * 3#2'],
    ['каждую последнюю пятницу месяца в 18:00', '0 18 * * 5#L'],
    ['every first Monday of the month at 9am', '0 9 * * 1#1'],
    ['the last Friday of every month', '0 10 * * 5#L'],
  ];
  it.each(cases)('%s → %s', (text, pattern) => {
    expect(patternOf(text)).toBe(pattern);
  });
});

describe('parseRecurrence: no series', () => {
  it.each([
    // one-off phrases are resolveWhen's
    'завтра в 10', 'через неделю', 'в понедельник', 'в пятницу в 7 вечера', 'next Monday at 10', 'в 10', 'в выходные', 'с понедельника по пятницу',
    'спасибо', 'каждый раз одно и то же', 'every time you call',
    // intervals cron cannot state from a start: "*\/2" in the day field runs on the 31st and again on the 1st
    'every 2 weeks', 'каждые две недели', 'раз в две недели', 'every other Monday', 'каждый второй понедельник', 'каждые 2 дня',
    'every 3 days', 'biweekly', 'дважды в неделю', 'two times a week', 'каждые полгода', 'quarterly', 'every other month on the 15th',
    // more often than daily, or yearly
    'каждые 2 часа', 'every hour', 'every 30 minutes', 'ежегодно', 'every year on Dec 1',
    // days some months lack, and a monthly weekday the text does not place
    'каждое 31 число', 'monthly on the 30th', 'every last Sunday',
  ])('%s → null', (text) => {
    expect(parseRecurrence(text, options)).toBeNull();
  });
});

describe('parseRecurrence: options, descriptions and cron patterns', () => {
  it('gives the series in words with the pattern', () => {
    expect(parseRecurrence('по будням в 9', options)).toEqual({ pattern: '0 9 * * 1-5', description: 'every weekday at 9:00' });
  });

  it('uses defaultHour when no time is named, and the part-of-day hours given', () => {
    expect(patternOf('каждый вторник', { defaultHour: 9 })).toBe('0 9 * * 2');
    expect(patternOf('каждое утро', { defaultHour: 10, partOfDayHours: { morning: 8 } })).toBe('0 8 * * *');
    expect(() => parseRecurrence('ежедневно', { defaultHour: 24 })).toThrow(RangeError);
  });

  it('reads a bare hour 1–8 as the afternoon, as resolveWhen does', () => {
    expect(patternOf('every day at 5')).toBe('0 17 * * *');
    expect(patternOf('каждое утро в 7')).toBe('0 7 * * *');
  });

  it('puts weekly with no day on the anchor’s weekday in its zone', () => {
    // 2026-11-17T23:30Z is Tuesday in UTC but already Wednesday in Makassar (UTC+8).
    const anchor = { date: new Date('2026-11-17T23:30:00Z'), timeZone: 'Asia/Makassar' };
    expect(patternOf('еженедельно', { defaultHour: 10, anchor })).toBe('0 10 * * 3');
    expect(patternOf('every 7 days at 9', { defaultHour: 10, anchor })).toBe('0 9 * * 3');
    // A day named wins over the anchor.
    expect(patternOf('weekly on Friday', { defaultHour: 10, anchor })).toBe('0 10 * * 5');
  });

  it('takes a cron pattern as it is written, or quoted in a sentence', () => {
    expect(parseRecurrence('0 */2 * * *', options)).toEqual({ pattern: '0 */2 * * *', description: 'on the schedule “0 */2 * * *”' });
    expect(patternOf('  0  9 * *   1-5 ')).toBe('0 9 * * 1-5');
    expect(patternOf('по расписанию «0 9 * * 1-5»')).toBe('0 9 * * 1-5');
    expect(patternOf('30 0 10 * * *')).toBe('30 0 10 * * *');
    expect(patternOf('@daily')).toBe('0 0 * * *');
  });

  it('refuses a cron pattern croner rejects, one firing more than once a minute, or one that never fires', () => {
    for (const text of ['61 10 * * *', '*/5 * * * * *', '0 10 30 2 *', '0 10 ? * *']) expect(parseRecurrence(text, options)).toBeNull();
  });
});
