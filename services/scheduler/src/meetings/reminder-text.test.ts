import { describe, expect, it } from 'vitest';
import { reminderText } from './reminder-text.js';

describe('reminderText', () => {
  const meeting = { title: 'Демонстрация виллы', at: new Date('2026-12-03T12:00:00Z') }; // 15:00 in Moscow
  it('names the meeting relative to when the reminder is read, in the client zone', () => {
    expect(reminderText(meeting, new Date('2026-12-02T12:00:00Z'), 'Europe/Moscow', 'ru')).toBe('Напоминаю о нашей встрече «Демонстрация виллы» завтра в 15:00.');
    expect(reminderText(meeting, new Date('2026-12-03T11:00:00Z'), 'Europe/Moscow', 'ru')).toBe('Напоминаю о нашей встрече «Демонстрация виллы» сегодня в 15:00.');
    expect(reminderText({ at: meeting.at }, new Date('2026-11-30T12:00:00Z'), 'Europe/Moscow', 'en')).toBe('A reminder of our meeting on 3 December at 15:00.');
    // The same instant is "tomorrow" in Bali: 20:00 on the 3rd, read at 20:00 on the 2nd.
    expect(reminderText(meeting, new Date('2026-12-02T12:00:00Z'), 'Asia/Makassar', 'en')).toBe('A reminder of our meeting “Демонстрация виллы” tomorrow at 20:00.');
  });
});
