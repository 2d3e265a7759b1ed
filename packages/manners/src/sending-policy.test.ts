import { describe, expect, it } from 'vitest';
import { sendingPolicy } from './sending-policy.js';

const settings = {
  sendWindow: { from: '09:00', to: '21:00', days: 'mon-fri' },
  holidays: { country: 'ID', fromChatZone: true },
  limits: { maxDaysAhead: 365 },
};

describe('sendingPolicy', () => {
  it("keeps the holidays of the chat's own country, else the team's", () => {
    const policy = sendingPolicy(settings);
    expect(policy.holidaysFor('Europe/Moscow')?.country).toBe('RU');
    expect(policy.holidaysFor('Etc/UTC')?.country).toBe('ID');
    expect(sendingPolicy({ ...settings, holidays: { country: 'ID', fromChatZone: false } }).holidaysFor('Europe/Moscow')?.country).toBe('ID');
    expect(sendingPolicy({ ...settings, holidays: { country: null, fromChatZone: false } }).holidaysFor('Europe/Moscow')).toBeNull();
  });

  it('moves a day-granular follow-up off a holiday and into the window, an exact one only into the window', () => {
    const policy = sendingPolicy(settings);
    // 1 January 2027 10:00 Moscow (a Friday, a public holiday in Russia).
    const newYear = new Date('2027-01-01T07:00:00Z');
    const day = policy.place(newYear, 'Europe/Moscow', true);
    expect(day.moved).toBe('holiday');
    expect(day.at.getTime()).toBeGreaterThan(newYear.getTime());
    expect(policy.place(newYear, 'Europe/Moscow', false)).toEqual({ at: newYear, moved: null });
    // Friday 22:30 Moscow → Monday 09:00.
    expect(policy.place(new Date('2026-12-04T19:30:00Z'), 'Europe/Moscow', false)).toEqual({ at: new Date('2026-12-07T06:00:00Z'), moved: 'window' });
    expect(policy.horizonMs).toBe(365 * 86_400_000);
  });

  it('refuses a team country no calendar knows, and a bad window', () => {
    expect(() => sendingPolicy({ ...settings, holidays: { country: 'QQ', fromChatZone: true } })).toThrow(/QQ/);
    expect(() => sendingPolicy({ ...settings, sendWindow: { from: '21:00', to: '09:00', days: 'mon-sun' } })).toThrow();
  });
});
