import { describe, expect, it } from 'vitest';
import { configErrorOf } from '@followups/kit/testing';
import { loadConfig } from './config.js';

describe('dispatcher config', () => {
  it('defaults to the sandbox transport, a one-minute lease, 12 h lateness and 5 attempts', () => {
    expect(loadConfig({})).toMatchObject({ TRANSPORT: 'sandbox', SENDING_LEASE_MS: 60_000, MAX_SEND_ATTEMPTS: 5, settings: { staleness: { follow_up: 43_200_000 } } });
  });

  it('stops on an unknown transport with a message naming TRANSPORT', () => {
    expect(configErrorOf(() => loadConfig({ TRANSPORT: 'gramjs' })).message).toMatch(/TRANSPORT: must be "sandbox" or "telegram"/);
  });

  it('TRANSPORT=telegram sends through the account named like the gateway\'s', () => {
    expect(loadConfig({ TRANSPORT: 'telegram' })).toMatchObject({ TRANSPORT: 'telegram', TELEGRAM_ACCOUNT: 'sales', TELEGRAM_SEND_TIMEOUT_MS: 30_000 });
    expect(configErrorOf(() => loadConfig({ TRANSPORT: 'telegram', TELEGRAM_ACCOUNT: 'a b' })).message).toMatch(/TELEGRAM_ACCOUNT/);
  });

  it('names a malformed number by its variable', () => {
    expect(configErrorOf(() => loadConfig({ SENDING_LEASE_MS: 'soon' })).message).toMatch(/SENDING_LEASE_MS/);
  });
});
