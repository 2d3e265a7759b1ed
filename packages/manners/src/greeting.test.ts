import { describe, expect, it } from 'vitest';
import { fitGreeting, partOfDay } from './greeting.js';

const MSK = 'Europe/Moscow'; // UTC+3, no DST
/** The instant the wall clock in Moscow shows `hh:mm` on 2026-11-20. */
const msk = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00+03:00`);

describe('partOfDay', () => {
  it('morning 05–11, day 12–17, evening 18–23, night 00–04', () => {
    const parts = Array.from({ length: 24 }, (_, h) => partOfDay(h));
    expect(parts.indexOf('morning')).toBe(5);
    expect(parts.lastIndexOf('morning')).toBe(11);
    expect(parts.indexOf('day')).toBe(12);
    expect(parts.lastIndexOf('day')).toBe(17);
    expect(parts.indexOf('evening')).toBe(18);
    expect(parts.lastIndexOf('evening')).toBe(23);
    expect(parts.slice(0, 5)).toEqual(['night', 'night', 'night', 'night', 'night']);
  });
});

describe('fitGreeting', () => {
  const text = 'Добрый день! Вы просили написать — удобно сейчас продолжить?';

  it('says good evening at 21:00, keeping what follows the greeting', () => {
    expect(fitGreeting(text, msk('21:00'), MSK)).toBe('Добрый вечер! Вы просили написать — удобно сейчас продолжить?');
  });

  it('picks the greeting for each part of the day, a neutral hello at night', () => {
    expect(fitGreeting(text, msk('07:30'), MSK)).toBe('Доброе утро! Вы просили написать — удобно сейчас продолжить?');
    expect(fitGreeting(text, msk('18:00'), MSK)).toMatch(/^Добрый вечер! /);
    expect(fitGreeting(text, msk('02:00'), MSK)).toMatch(/^Здравствуйте! /);
    expect(fitGreeting('Доброй ночи, Иван!', msk('10:00'), MSK)).toBe('Доброе утро, Иван!');
  });

  it('leaves a greeting that already fits exactly as written', () => {
    expect(fitGreeting(text, msk('12:00'), MSK)).toBe(text);
    expect(fitGreeting(text, msk('17:59'), MSK)).toBe(text);
    expect(fitGreeting('ДОБРЫЙ  ДЕНЬ!', msk('15:00'), MSK)).toBe('ДОБРЫЙ  ДЕНЬ!');
  });

  it('reads the local hour in the zone, a half-hour offset included', () => {
    // 12:15 UTC is 17:45 in Kolkata (UTC+5:30): still the day; 12:30 UTC is 18:00 there.
    expect(fitGreeting(text, new Date('2026-11-20T12:15:00Z'), 'Asia/Kolkata')).toBe(text);
    expect(fitGreeting(text, new Date('2026-11-20T12:30:00Z'), 'Asia/Kolkata')).toMatch(/^Добрый вечер! /);
    // The same instants in Moscow are 15:15 and 15:30: the day.
    expect(fitGreeting(text, new Date('2026-11-20T12:30:00Z'), MSK)).toBe(text);
    // Kathmandu is UTC+5:45: 23:14 UTC is 04:59 there (night), 23:15 is 05:00 (morning).
    expect(fitGreeting(text, new Date('2026-11-20T23:14:00Z'), 'Asia/Kathmandu')).toMatch(/^Здравствуйте! /);
    expect(fitGreeting(text, new Date('2026-11-20T23:15:00Z'), 'Asia/Kathmandu')).toMatch(/^Доброе утро! /);
  });

  it('follows the wall clock across a DST change', () => {
    // New York: 22:30 UTC is 18:30 EDT on 31 October 2026 and 17:30 EST on 2 November.
    expect(fitGreeting('Good afternoon!', new Date('2026-10-31T22:30:00Z'), 'America/New_York')).toBe('Good evening!');
    expect(fitGreeting('Good afternoon!', new Date('2026-11-02T22:30:00Z'), 'America/New_York')).toBe('Good afternoon!');
  });

  it('adapts English greetings, in English', () => {
    expect(fitGreeting('Good morning, Anna! Shall we continue?', msk('20:00'), MSK)).toBe('Good evening, Anna! Shall we continue?');
    expect(fitGreeting('Good evening. Any news?', msk('13:00'), MSK)).toBe('Good afternoon. Any news?');
    expect(fitGreeting('Good evening — any news?', msk('03:00'), MSK)).toBe('Hello — any news?');
  });

  it('keeps the case style of the greeting and any leading blanks', () => {
    expect(fitGreeting('добрый день, как дела?', msk('20:00'), MSK)).toBe('добрый вечер, как дела?');
    expect(fitGreeting('ДОБРЫЙ ДЕНЬ!', msk('20:00'), MSK)).toBe('ДОБРЫЙ ВЕЧЕР!');
    expect(fitGreeting('  Good Morning!', msk('20:00'), MSK)).toBe('  Good evening!');
    expect(fitGreeting('Добрый\u00a0день!', msk('20:00'), MSK)).toBe('Добрый вечер!');
  });

  it('leaves texts without an opening greeting unchanged', () => {
    for (const other of [
      'Здравствуйте! Вы просили написать',
      'Hi! You asked me to get back to you',
      'Вы просили написать. Добрый день!',
      'Добрый деньги не любит', // not the greeting: the word goes on
      'Goodmorning',
      'Good evenings are rare',
      '',
    ]) {
      expect(fitGreeting(other, msk('21:00'), MSK)).toBe(other);
    }
  });

  it('leaves the text as it is for a zone the runtime does not know', () => {
    expect(fitGreeting(text, msk('21:00'), 'Mars/Olympus')).toBe(text);
  });
});
