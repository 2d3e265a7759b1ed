import { describe, expect, it } from 'vitest';
import { configErrorOf } from '@followups/kit/testing';
import { loadConfig } from './config.js';

describe('gateway config', () => {
  it('defaults to the sandbox transport and needs no Postgres', () => {
    expect(loadConfig({})).toMatchObject({ TRANSPORT: 'sandbox', NATS_URL: 'nats://127.0.0.1:4222' });
  });

  it('stops on an unknown transport with a message naming the variable', () => {
    expect(configErrorOf(() => loadConfig({ TRANSPORT: 'gramjs' })).message).toMatch(/TRANSPORT: must be "sandbox" or "telegram"/);
  });

  it('TRANSPORT=telegram names each missing credential, and never echoes the session', () => {
    const message = configErrorOf(() => loadConfig({ TRANSPORT: 'telegram', TELEGRAM_API_HASH: 'nothex', TELEGRAM_SESSION: '1BVtsOK8Bu-secret' })).message;
    expect(message).toMatch(/TELEGRAM_API_ID: required with TRANSPORT=telegram/);
    expect(message).toMatch(/TELEGRAM_API_HASH: the 32-character api_hash/);
    expect(message).not.toMatch(/secret/);
    const ok = loadConfig({ TRANSPORT: 'telegram', TELEGRAM_API_ID: '123', TELEGRAM_API_HASH: 'a'.repeat(32), TELEGRAM_SESSION: '1BVtsOK8Bu-secret', TELEGRAM_ALLOW_CHATS: '-1001, 42' });
    expect(ok).toMatchObject({ TELEGRAM_ACCOUNT: 'sales', TELEGRAM_API_ID: 123, TELEGRAM_ALLOW_CHATS: ['-1001', '42'], TELEGRAM_SERVER: 'telegram' });
    expect(configErrorOf(() => loadConfig({ TELEGRAM_ACCOUNT: 'sales.team' })).message).toMatch(/TELEGRAM_ACCOUNT/);
  });
});
