import { describe, expect, it } from 'vitest';
import { configErrorOf } from '@followups/kit/testing';
import { loadConfig } from './config.js';

describe('agent config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ HISTORY_LIMIT: 50, settings: { timeZone: 'Asia/Makassar', defaultHour: 10 } });
    expect(config.ANTHROPIC_API_KEY).toBeUndefined();
    expect(config).toMatchObject({ ANTHROPIC_MODEL: 'claude-sonnet-5-5', ANTHROPIC_TIMEOUT_MS: 20_000, ANTHROPIC_MAX_RETRIES: 2, ANTHROPIC_MAX_TOKENS: 4096 });
    expect(config.ANTHROPIC_BASE_URL).toBeUndefined();
    expect(config.SYSTEM_PROMPT_FILE).toMatch(/services\/agent\/prompts\/sales-assistant\.md$/);
  });

  it('reads the Claude settings', () => {
    const config = loadConfig({
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      ANTHROPIC_MODEL: 'claude-opus-5-5',
      ANTHROPIC_TIMEOUT_MS: '500',
      ANTHROPIC_MAX_RETRIES: '0',
      ANTHROPIC_MAX_TOKENS: '2000',
      SYSTEM_PROMPT_FILE: '/etc/followups/prompt.md',
    });
    expect(config).toMatchObject({
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      ANTHROPIC_MODEL: 'claude-opus-5-5',
      ANTHROPIC_TIMEOUT_MS: 500,
      ANTHROPIC_MAX_RETRIES: 0,
      ANTHROPIC_MAX_TOKENS: 2000,
      SYSTEM_PROMPT_FILE: '/etc/followups/prompt.md',
    });
  });

  it('reads values from the environment', () => {
    const config = loadConfig({ DEFAULT_TIME_ZONE: 'Europe/Berlin', DEFAULT_FOLLOW_UP_HOUR: '9', HISTORY_LIMIT: '20', ANTHROPIC_API_KEY: 'sk-test' });
    expect(config).toMatchObject({ HISTORY_LIMIT: 20, ANTHROPIC_API_KEY: 'sk-test', settings: { timeZone: 'Europe/Berlin', defaultHour: 9 } });
  });

  it.each([
    ['DEFAULT_TIME_ZONE', 'Mars/Olympus'],
    ['DEFAULT_FOLLOW_UP_HOUR', '24'],
    ['HISTORY_LIMIT', '0'],
    ['ANTHROPIC_BASE_URL', 'api.anthropic.com'],
    ['ANTHROPIC_TIMEOUT_MS', '0'],
    ['ANTHROPIC_MAX_RETRIES', '-1'],
    ['ANTHROPIC_MAX_TOKENS', 'lots'],
  ])('rejects a bad %s, naming it', (name, value) => {
    expect(configErrorOf(() => loadConfig({ [name]: value })).message).toContain(name);
  });
});
