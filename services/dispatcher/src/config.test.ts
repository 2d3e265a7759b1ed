import { describe, expect, it } from 'vitest';
import { isConfigError } from '@followups/kit';
import { loadConfig } from './config.js';

describe('dispatcher config', () => {
  it('defaults to the sandbox transport, a one-minute lease, 12 h lateness and 5 attempts', () => {
    expect(loadConfig({})).toMatchObject({ TRANSPORT: 'sandbox', SENDING_LEASE_MS: 60_000, MAX_LATENESS_MS: 43_200_000, MAX_SEND_ATTEMPTS: 5 });
  });

  it('stops on an unknown transport with a message naming TRANSPORT', () => {
    const error = (() => {
      try {
        loadConfig({ TRANSPORT: 'telegram' });
      } catch (e) {
        return e;
      }
    })();
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/TRANSPORT/);
  });

  it('names a malformed number by its variable', () => {
    expect(() => loadConfig({ SENDING_LEASE_MS: 'soon' })).toThrow(/SENDING_LEASE_MS/);
  });
});
