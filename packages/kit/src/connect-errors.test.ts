import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPermanentConnectError, redactUrl } from './connect-errors.js';
import { connectDatabase } from './db.js';
import { isConfigError } from './errors.js';
import { captureLog } from './testing/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ADMIN = new URL(process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const withRole = (role: string, password = 's3cret-pw') => {
  const u = new URL(ADMIN);
  u.username = role;
  u.password = password;
  u.pathname = '/followups_no_such_db';
  return u.toString();
};

describe('connecting with settings waiting will not fix', () => {
  it('gives up at once on an unknown role, naming the URL without its password', async () => {
    const { log, lines } = captureLog();
    const started = Date.now();
    const error = await connectDatabase(withRole('no_such_role_x'), log).then(() => null, (e: unknown) => e);
    expect(isConfigError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/^DATABASE_URL: cannot connect to postgres:\/\/no_such_role_x:\*\*\*@/);
    expect(String((error as Error).message)).not.toContain('s3cret-pw');
    expect(Date.now() - started).toBeLessThan(5000); // no back-off loop
    expect(lines().filter((l) => String(l.msg).includes('retrying'))).toEqual([]);
  });

  it('a service exits with code 2 and a clear line, not an endless retry', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'services/dispatcher/src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: withRole('no_such_role_x'), NATS_URL: 'nats://127.0.0.1:4222', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL: cannot connect to postgres:\/\/no_such_role_x:\*\*\*@.*no_such_role_x/);
    expect(r.stderr).not.toContain('s3cret-pw');
  });

  it('tells a refused or reset connection (retry) from wrong credentials (stop)', () => {
    expect(isPermanentConnectError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPermanentConnectError(Object.assign(new Error('password authentication failed for user "x"'), { code: '28P01' }))).toBe(true);
    expect(isPermanentConnectError(new Error('The server does not support SSL connections'))).toBe(true);
    expect(redactUrl('nats://u:pw@a:4222,nats://b:4222')).toBe('nats://u:***@a:4222,nats://b:4222');
  });
});
