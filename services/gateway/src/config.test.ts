import { describe, expect, it } from 'vitest';
import { configErrorOf } from '@followups/kit/testing';
import { loadConfig } from './config.js';

describe('gateway config', () => {
  it('defaults to the sandbox transport and needs no Postgres', () => {
    expect(loadConfig({})).toMatchObject({ TRANSPORT: 'sandbox', NATS_URL: 'nats://127.0.0.1:4222' });
  });

  it('stops on an unknown transport with a message naming the variable', () => {
    expect(configErrorOf(() => loadConfig({ TRANSPORT: 'gramjs' })).message).toMatch(/TRANSPORT: must be "sandbox"/);
  });
});
