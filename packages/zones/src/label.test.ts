import { describe, expect, it } from 'vitest';
import { zoneLabel } from './index.js';

const winter = new Date('2026-01-15T12:00:00Z');

describe('zoneLabel', () => {
  it.each([
    ['Europe/Moscow', 'по московскому времени', 'Moscow time'],
    ['Asia/Almaty', 'по времени Алматы', 'Almaty time'],
    ['Asia/Yekaterinburg', 'по времени Екатеринбурга', 'Yekaterinburg time'],
    ['Asia/Novosibirsk', 'по времени Новосибирска', 'Novosibirsk time'],
    ['America/New_York', 'по времени Нью-Йорка', 'New York time'],
    ['Asia/Makassar', 'по времени Бали', 'Bali time'],
    ['Europe/Kyiv', 'по времени Украины', 'Kyiv time'],
    ['Etc/GMT-5', 'по времени UTC+5', 'UTC+5'],
    ['Etc/GMT+3', 'по времени UTC-3', 'UTC-3'],
    ['Etc/UTC', 'по времени UTC', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'по времени Буэнос-Айреса', 'Buenos Aires time'],
  ])('%s → "%s" / "%s"', (zone, ru, en) => {
    expect(zoneLabel(zone, 'ru', winter)).toBe(ru);
    expect(zoneLabel(zone, 'en', winter)).toBe(en);
  });

  it('labels every zone the finder returns', () => {
    for (const zone of ['Asia/Kolkata', 'Europe/Berlin', 'Asia/Tbilisi', 'Europe/Kaliningrad', 'Asia/Kamchatka', 'Atlantic/Canary']) {
      expect(zoneLabel(zone, 'ru', winter)).toMatch(/^по времени \S/);
      expect(zoneLabel(zone, 'en', winter)).toMatch(/ time$/);
    }
  });

  it('refuses an unknown zone', () => {
    expect(() => zoneLabel('Mars/Olympus', 'ru', winter)).toThrow(RangeError);
  });
});
