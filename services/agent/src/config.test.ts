import { describe, expect, it } from 'vitest';
import { configErrorOf } from '@followups/kit/testing';
import { loadConfig } from './config.js';

describe('agent config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DEFAULT_TIME_ZONE: 'Asia/Makassar', DEFAULT_FOLLOW_UP_HOUR: 10, HISTORY_LIMIT: 50 });
    expect(config.ANTHROPIC_API_KEY).toBeUndefined();
  });

  it('reads values from the environment', () => {
    const config = loadConfig({ DEFAULT_TIME_ZONE: 'Europe/Berlin', DEFAULT_FOLLOW_UP_HOUR: '9', HISTORY_LIMIT: '20', ANTHROPIC_API_KEY: 'sk-test' });
    expect(config).toMatchObject({ DEFAULT_TIME_ZONE: 'Europe/Berlin', DEFAULT_FOLLOW_UP_HOUR: 9, HISTORY_LIMIT: 20, ANTHROPIC_API_KEY: 'sk-test' });
  });

  it.each([
    ['DEFAULT_TIME_ZONE', 'Mars/Olympus'],
    ['DEFAULT_FOLLOW_UP_HOUR', '24'],
    ['HISTORY_LIMIT', '0'],
  ])('rejects a bad %s, naming it', (name, value) => {
    expect(configErrorOf(() => loadConfig({ [name]: value })).message).toContain(name);
  });
});
