import { describe, expect, it } from 'vitest';
import { isConfigError } from '@followups/kit';
import { loadConfig } from './config.js';

describe('gateway config', () => {
  it('defaults to the sandbox transport and needs no Postgres', () => {
    expect(loadConfig({})).toMatchObject({ TRANSPORT: 'sandbox', NATS_URL: 'nats://127.0.0.1:4222' });
  });

  it('stops on an unknown transport with a message naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ TRANSPORT: 'gramjs' });
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/TRANSPORT: must be "sandbox"/);
  });
});
