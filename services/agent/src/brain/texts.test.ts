import { describe, expect, it } from 'vitest';
import { chooseLanguage, detectLanguage } from './language.js';
import { describeWhen, localDateTimeText } from './texts.js';

const now = new Date('2026-11-18T07:20:00.000Z'); // Wednesday 15:20 in Asia/Makassar
const tz = 'Asia/Makassar';

describe('describeWhen', () => {
  it.each([
    ['2026-11-18T09:20:00.000Z', 'сегодня в 17:20', 'today at 17:20'],
    ['2026-11-19T01:30:00.000Z', 'завтра в 9:30', 'tomorrow at 9:30'],
    ['2026-11-20T02:00:00.000Z', 'в пятницу, 20 ноября, в 10:00', 'on Friday, 20 November at 10:00'],
    ['2026-11-24T02:00:00.000Z', 'во вторник, 24 ноября, в 10:00', 'on Tuesday, 24 November at 10:00'],
    ['2027-01-01T02:00:00.000Z', 'в пятницу, 1 января 2027, в 10:00', 'on Friday, 1 January 2027 at 10:00'],
  ])('%s → "%s" / "%s"', (at, ru, en) => {
    expect(describeWhen(new Date(at), now, tz, 'ru')).toBe(ru);
    expect(describeWhen(new Date(at), now, tz, 'en')).toBe(en);
  });

  it('counts "today" and "tomorrow" in the chat\'s zone, not in UTC', () => {
    // 23:30 UTC on the 18th is already 07:30 on the 19th in Makassar: tomorrow for a client there.
    expect(describeWhen(new Date('2026-11-18T23:30:00.000Z'), now, tz, 'en')).toBe('tomorrow at 7:30');
    expect(describeWhen(new Date('2026-11-18T23:30:00.000Z'), now, 'Europe/Berlin', 'en')).toBe('tomorrow at 0:30');
  });
});

describe('localDateTimeText', () => {
  it('always names weekday, date and year, even for tomorrow', () => {
    expect(localDateTimeText(new Date('2026-11-19T02:00:00.000Z'), tz, 'ru')).toBe('четверг, 19 ноября 2026, 10:00');
    expect(localDateTimeText(new Date('2026-11-23T01:05:00.000Z'), tz, 'ru')).toBe('понедельник, 23 ноября 2026, 9:05');
    expect(localDateTimeText(new Date('2026-11-25T02:00:00.000Z'), tz, 'ru')).toBe('среда, 25 ноября 2026, 10:00');
    expect(localDateTimeText(new Date('2026-11-23T01:05:00.000Z'), tz, 'en')).toBe('Monday, 23 November 2026, 9:05');
  });
});

describe('language', () => {
  it('reads Cyrillic as Russian and anything else with letters as English', () => {
    expect(detectLanguage('Напиши через час')).toBe('ru');
    expect(detectLanguage('ping me in 2 hours')).toBe('en');
    expect(detectLanguage('ok')).toBe('en');
    expect(detectLanguage('7d')).toBeNull();
    expect(detectLanguage('👍')).toBeNull();
  });

  it('falls back to the chat\'s language, then Telegram\'s hint, then English', () => {
    expect(chooseLanguage(null, 'ru', undefined)).toBe('ru');
    expect(chooseLanguage(null, null, 'ru-RU')).toBe('ru');
    expect(chooseLanguage(null, null, undefined)).toBe('en');
    expect(chooseLanguage('en', 'ru', 'ru')).toBe('en');
  });
});
