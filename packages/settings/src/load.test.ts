import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from './load.js';

const teamFile = (content: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'team.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('loadSettings', () => {
  it('gives the repository defaults with durations in milliseconds', () => {
    const s = loadSettings({});
    expect(s.timeZone).toBe('Asia/Makassar');
    expect(s.defaultHour).toBe(10);
    expect(s.sendWindow).toEqual({ from: '09:00', to: '21:00', days: 'mon-sun' });
    expect(s.reminders.before).toEqual([86_400_000, 3_600_000]);
    expect(s.limits).toEqual({ pendingFollowUpsPerChat: 3, maxDaysAhead: 365, minGapBetweenBotMessages: 120_000 });
    expect(s.staleness.follow_up).toBe(12 * 3_600_000);
    expect(s.report.smtpUrl).toBeNull();
    expect(Object.isFrozen(s.limits)).toBe(true);
  });

  it("overlays only what a team's file sets, then the environment over both", () => {
    const file = teamFile({ timeZone: 'Europe/Moscow', sendWindow: { days: 'mon-fri' }, report: { to: ['sales@example.com'] } });
    const s = loadSettings({ FOLLOWUPS_CONFIG: file, SEND_WINDOW_FROM: '10:00', REMINDER_OFFSETS: '48h, 2h', HOLIDAYS_COUNTRY: 'ru', MAX_LATENESS_MS: '3600000' });
    expect(s.timeZone).toBe('Europe/Moscow');
    expect(s.sendWindow).toEqual({ from: '10:00', to: '21:00', days: 'mon-fri' });
    expect(s.report.to).toEqual(['sales@example.com']);
    expect(s.report.from).toBe('followups@localhost');
    expect(s.reminders.before).toEqual([48 * 3_600_000, 2 * 3_600_000]);
    expect(s.holidays.country).toBe('RU');
    expect(s.staleness.follow_up).toBe(3_600_000);
  });

  it('turns holidays, SMTP and the operators chat off with "none"', () => {
    const s = loadSettings({ HOLIDAYS_COUNTRY: 'none', SMTP_URL: 'none', OPERATORS_CHAT: 'off' });
    expect([s.holidays.country, s.report.smtpUrl, s.report.telegramChat]).toEqual([null, null, null]);
  });

  it('names the variable, or the file and key, of every bad value', () => {
    const file = teamFile({ defaultHour: 25, limits: { minGapBetweenBotMessages: 'soon' } });
    let message = '';
    try {
      loadSettings({ FOLLOWUPS_CONFIG: file, DEFAULT_TIME_ZONE: 'Mars/Olympus', SMTP_URL: 'http://mail' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DEFAULT_TIME_ZONE: must be an IANA time zone/);
    expect(message).toMatch(/SMTP_URL: must be an smtp/);
    expect(message).toContain(`${file}: defaultHour`);
    expect(message).toContain(`${file}: limits.minGapBetweenBotMessages: must be a duration`);
  });

  it('refuses a key it does not know, so a typo is not a default silently kept', () => {
    expect(() => loadSettings({ FOLLOWUPS_CONFIG: teamFile({ sendWindw: { from: '08:00' } }) })).toThrow(/sendWindw|Unrecognized key/);
  });

  it('says when the file cannot be read or is not JSON', () => {
    expect(() => loadSettings({ FOLLOWUPS_CONFIG: '/nonexistent/team.json' })).toThrow(/FOLLOWUPS_CONFIG: cannot read \/nonexistent\/team.json/);
    expect(() => loadSettings({ FOLLOWUPS_CONFIG: teamFile('{ not json') })).toThrow(/is not JSON/);
    expect(() => loadSettings({ FOLLOWUPS_CONFIG: teamFile('[1]') })).toThrow(/must hold a JSON object/);
  });
});

describe('loadSettings: the send window and the holidays country', () => {
  it('refuses an overnight window, unknown weekdays and a country without a holiday calendar', () => {
    expect(() => loadSettings({ SEND_WINDOW_FROM: '22:00', SEND_WINDOW_TO: '06:00' })).toThrow(/sendWindow|SEND_WINDOW/);
    expect(() => loadSettings({ SEND_DAYS: 'mon-funday' })).toThrow(/SEND_DAYS/);
    expect(() => loadSettings({ HOLIDAYS_COUNTRY: 'QQ' })).toThrow(/HOLIDAYS_COUNTRY: no public-holiday calendar/);
  });
});
