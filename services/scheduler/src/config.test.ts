import { describe, expect, it } from 'vitest';
import { configErrorOf } from '@followups/kit/testing';
import { loadConfig } from './config.js';

describe('scheduler config', () => {
  it('defaults to a tick every second, batches of 1000 and a one-minute lease', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ SCHEDULER_TICK_CRON: '* * * * * *', CLAIM_BATCH_SIZE: 1000, CLAIM_LEASE_MS: 60_000 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads numbers from strings, as the environment passes them', () => {
    expect(loadConfig({ CLAIM_BATCH_SIZE: '250', CLAIM_LEASE_MS: '5000', SCHEDULER_TICK_CRON: '*/5 * * * * *' })).toMatchObject({
      CLAIM_BATCH_SIZE: 250,
      CLAIM_LEASE_MS: 5000,
      SCHEDULER_TICK_CRON: '*/5 * * * * *',
    });
  });

  it.each([
    ['CLAIM_LEASE_MS', '0'],
    ['CLAIM_LEASE_MS', '-1'],
    ['CLAIM_BATCH_SIZE', 'many'],
    ['SCHEDULER_TICK_CRON', 'every second'],
  ])('rejects %s=%s with an error naming the variable', (name, value) => {
    expect(configErrorOf(() => loadConfig({ [name]: value })).message).toContain(name);
  });
});
